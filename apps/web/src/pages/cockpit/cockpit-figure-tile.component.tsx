import type { ReactNode } from 'react';
import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, QuestionCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CockpitFigure } from '@gonghui/contracts';
import { figureText, targetPercent, yearOverYear, type YearOverYear } from './cockpit-format';

const CHANGE_STYLE: Record<YearOverYear['direction'], { color: string; icon: ReactNode }> = {
  up: { color: '#c8161d', icon: <ArrowUpOutlined /> },
  down: { color: '#389e0d', icon: <ArrowDownOutlined /> },
  flat: { color: '#8c8c8c', icon: <MinusOutlined /> },
};

function Change({ figure }: { figure: CockpitFigure }) {
  const change = yearOverYear(figure.value, figure.previous, figure.unit);
  if (!change) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>无上年同期数</Typography.Text>;
  const style = CHANGE_STYLE[change.direction];
  return (
    <Typography.Text style={{ fontSize: 12, color: style.color }} data-testid="figure-change">
      同比 {style.icon} {change.text}
    </Typography.Text>
  );
}

function Target({ figure }: { figure: CockpitFigure }) {
  const percent = targetPercent(figure);
  if (percent === null || figure.target === null) return null;
  const target = figureText(figure.target, figure.unit);
  return (
    <div style={{ marginTop: 4 }} data-testid="figure-target">
      <Progress percent={Math.min(percent, 100)} size="small" status={percent >= 100 ? 'success' : 'active'} format={() => `${percent}%`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目标 {target.number} {target.suffix}
      </Typography.Text>
    </div>
  );
}

/** One figure: value, 同比 against last year, progress against the target, its 口径 as help; opens the list behind it. */
export function CockpitFigureTile({ figure }: { figure: CockpitFigure }) {
  const text = figureText(figure.value, figure.unit);
  const body = (
    <Card size="small" hoverable={!!figure.link} style={{ height: '100%' }} styles={{ body: { padding: 12 } }} data-testid={`cockpit-figure-${figure.key}`}>
      <Flex justify="space-between" align="start" gap={4}>
        <Typography.Text type="secondary" data-testid="figure-label">
          {figure.label}
        </Typography.Text>
        <Flex gap={6}>
          <Tooltip title={`口径:${figure.note}`}>
            <QuestionCircleOutlined style={{ color: '#8c8c8c' }} aria-label={`${figure.label}的统计口径`} onClick={(e) => e.preventDefault()} />
          </Tooltip>
          {figure.link ? <RightOutlined style={{ color: '#bfbfbf', fontSize: 12 }} /> : null}
        </Flex>
      </Flex>
      <div style={{ margin: '6px 0 2px' }}>
        <span style={{ fontSize: 24, fontWeight: 600, color: figure.link ? '#c8161d' : undefined }} data-testid="figure-value">
          {text.number}
        </span>
        {text.suffix ? (
          <span style={{ marginLeft: 4, color: '#595959' }} data-testid="figure-unit">
            {text.suffix}
          </span>
        ) : null}
      </div>
      <Change figure={figure} />
      <Target figure={figure} />
    </Card>
  );
  if (!figure.link) return body;
  return (
    <Link to={figure.link} aria-label={`查看${figure.label}明细`} style={{ display: 'block', height: '100%' }}>
      {body}
    </Link>
  );
}
