import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Select, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { AGGREGATION_LABELS, CRITERION_KIND_LABELS, type Criterion } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { unionHomeApi, unionHomeKeys } from '../../api/union-home.api';
import { PageTitle } from '../../components/page-title.component';
import { TemplateReviseModal } from './template-revise-modal.component';

/** 考评标准: the template's versions (criteria, grade lines, gate cap, aggregation); a used version never changes. */
export function AssessmentTemplatePage() {
  const q = useQuery({ queryKey: unionHomeKeys.template, queryFn: unionHomeApi.template });
  const [picked, setPicked] = useState<number | null>(null);
  const [revising, setRevising] = useState(false);
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const t = q.data;
  if (!t) return <Card loading />;
  const v = t.versions.find((x) => x.version === picked) ?? t.versions[0]!;
  const points = v.criteria.filter((c) => c.kind === 'points').reduce((s, c) => s + c.maxPoints * (c.weight ?? 1), 0);
  return (
    <>
      <PageTitle
        title={`考评标准 · ${t.name}`}
        extra={
          <>
            <Select style={{ width: 220 }} value={v.version} onChange={setPicked} options={t.versions.map((x) => ({ value: x.version, label: `第${x.version}版${x.current ? '(现行)' : ''}${x.used ? ' · 已使用' : ''}` }))} />
            {t.abilities.canRevise ? (
              <Button type="primary" onClick={() => setRevising(true)} data-testid="revise-template">
                发布新版本
              </Button>
            ) : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        标准按版本管理:已有考评使用的版本不再修改,修订时发布新版本,新开始的考评按新版本,已开始的考评仍按原版本。命名有效期 {t.cycleYears} 年,期满复评。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="版本">第{v.version}版(发布于 {v.createdAt.slice(0, 10)})</Descriptions.Item>
          <Descriptions.Item label="评分项满分">{points} 分</Descriptions.Item>
          <Descriptions.Item label="多人评分">{AGGREGATION_LABELS[v.aggregation]}</Descriptions.Item>
          <Descriptions.Item label="必备条件未达到">最高评为“{v.grades.find((g) => g.code === v.gateCap)?.label ?? v.gateCap}”</Descriptions.Item>
          <Descriptions.Item label="等级线" span={2}>
            {v.grades.map((g) => (
              <Tag key={g.code}>
                {g.label} ≥ {g.minScore} 分{g.minFacts?.membershipRate ? `,入会率 ≥ ${g.minFacts.membershipRate * 100}%` : ''}
              </Tag>
            ))}
          </Descriptions.Item>
          {v.note ? <Descriptions.Item label="说明" span={2}>{v.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Table<Criterion>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={v.criteria}
        data-testid="template-criteria"
        columns={[
          { title: '分组', dataIndex: 'group', width: 100 },
          { title: '指标', dataIndex: 'title', width: 160 },
          { title: '类别', dataIndex: 'kind', width: 100, render: (k: Criterion['kind']) => CRITERION_KIND_LABELS[k] },
          { title: '分值', dataIndex: 'maxPoints', width: 80, render: (m: number, c) => (c.kind === 'gate' ? '—' : m) },
          { title: '说明', dataIndex: 'description' },
          { title: '佐证材料', dataIndex: 'evidenceRequired', width: 90, render: (r: boolean) => (r ? '必须' : '可选') },
        ]}
      />
      {revising ? <TemplateReviseModal base={t.versions[0]!} open onClose={() => setRevising(false)} /> : null}
    </>
  );
}
