import { Flex, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { CRITERION_KIND_LABELS, type Assessment, type Criterion } from '@gonghui/contracts';

export type Item = Assessment['items'][number];
export interface Draft {
  passed?: boolean | null;
  points?: number | null;
  text?: string;
}

const gateText = (v: boolean | null | undefined) => (v === true ? <Tag color="green">达到</Tag> : v === false ? <Tag color="red">未达到</Tag> : <Typography.Text type="secondary">未填</Typography.Text>);

/** The criterion: group, title, kind, maximum, description, evidence required. */
export function CriterionCell({ c }: { c: Criterion }) {
  return (
    <div>
      <Flex gap={6} align="center" wrap>
        <b>{c.title}</b>
        <Tag color={c.kind === 'gate' ? 'red' : c.kind === 'deduction' ? 'orange' : c.kind === 'bonus' ? 'gold' : 'blue'}>{CRITERION_KIND_LABELS[c.kind]}</Tag>
        {c.kind !== 'gate' ? <Typography.Text type="secondary">{c.kind === 'deduction' ? `最多扣${c.maxPoints}分` : `${c.maxPoints}分`}</Typography.Text> : null}
        {c.evidenceRequired ? <Tag>须佐证</Tag> : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {c.description}
      </Typography.Text>
    </div>
  );
}

/** A value input for a criterion: 达到 / 未达到 for a gate, points (0..max) for the others, and a note. */
export function ValueInput({ c, value, onChange, notePlaceholder, testId }: { c: Criterion; value: Draft; onChange: (d: Draft) => void; notePlaceholder: string; testId: string }) {
  return (
    <Flex vertical gap={4} data-testid={testId}>
      {c.kind === 'gate' ? (
        <Radio.Group
          size="small"
          value={value.passed === undefined || value.passed === null ? undefined : value.passed ? 'yes' : 'no'}
          onChange={(e) => onChange({ ...value, passed: e.target.value === 'yes' })}
          options={[
            { value: 'yes', label: '达到' },
            { value: 'no', label: '未达到' },
          ]}
        />
      ) : (
        <InputNumber<number> size="small" min={0} max={c.maxPoints} step={0.5} precision={1} value={value.points ?? null} onChange={(v) => onChange({ ...value, points: v })} suffix="分" style={{ width: 120 }} aria-label={`${c.title}分值`} />
      )}
      <Input size="small" maxLength={500} placeholder={notePlaceholder} value={value.text ?? ''} onChange={(e) => onChange({ ...value, text: e.target.value })} />
    </Flex>
  );
}

/** The union's own value and note. */
export function SelfValue({ c, item }: { c: Criterion; item: Item }) {
  return (
    <div>
      {c.kind === 'gate' ? gateText(item.selfPassed) : <span>{item.selfPoints ?? '—'} 分</span>}
      {item.note ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.note}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

/** The raters' scores with their comments, and the aggregated figure. */
export function RatingsCell({ c, item }: { c: Criterion; item: Item }) {
  if (item.ratings.length === 0) return <Typography.Text type="secondary">未评分</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="ratings">
      <span>
        <b>{c.kind === 'gate' ? gateText(item.reviewPassed) : `${item.reviewPoints ?? '—'} 分`}</b>
        {item.ratings.length > 1 ? <Typography.Text type="secondary">({item.ratings.length}人)</Typography.Text> : null}
      </span>
      {item.ratings.map((r, i) => (
        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
          {r.raterName}({r.raterOrgName}):{c.kind === 'gate' ? (r.passed ? '达到' : '未达到') : `${r.points ?? '—'}分`}
          {r.comment ? `,${r.comment}` : ''}
        </Typography.Text>
      ))}
    </Flex>
  );
}
