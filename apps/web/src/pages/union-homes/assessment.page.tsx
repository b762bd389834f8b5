import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Assessment, Criterion } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { AssessmentActions } from './assessment-actions.component';
import { AssessmentEvidence } from './assessment-evidence.component';
import { CriterionCell, RatingsCell, SelfValue, ValueInput, type Draft, type Item } from './assessment-item-cells.component';
import { GRADE_COLORS, STATUS_COLORS } from './union-home-labels';
import { useAssessmentUse } from './assessment-use';

type Row = { c: Criterion; item: Item };
type Drafts = Record<string, Draft>;

const selfDrafts = (a: Assessment): Drafts => Object.fromEntries(a.items.map((i) => [i.criterionKey, { passed: i.selfPassed, points: i.selfPoints, text: i.note ?? '' }]));
const rateDrafts = (a: Assessment): Drafts => Object.fromEntries(a.items.map((i) => [i.criterionKey, { passed: i.reviewPassed ?? i.selfPassed, points: i.reviewPoints ?? i.selfPoints ?? 0, text: '' }]));

/** One assessment (职工之家, or the use of the AssessmentUseContext): per criterion the self-assessment with evidence, the raters' scores and comments; the flow by abilities. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const use = useAssessmentUse();
  const q = useQuery({ queryKey: use.keyOf(id), queryFn: () => use.api.assessment(id) });
  const [self, setSelf] = useState<Drafts>({});
  const [rating, setRating] = useState<Drafts>({});
  useEffect(() => {
    if (q.data) {
      setSelf(selfDrafts(q.data));
      setRating(rateDrafts(q.data));
    }
  }, [q.data]);
  const changed = (next: Assessment) => {
    qc.setQueryData(use.keyOf(id), next);
    void qc.invalidateQueries({ queryKey: use.allKey, refetchType: 'none' });
  };
  const selfBody = () => ({ items: Object.entries(self).map(([criterionKey, d]) => ({ criterionKey, passed: d.passed ?? null, points: d.points ?? null, note: d.text || undefined })) });
  const saveSelf = useMutation({ mutationFn: () => use.api.saveSelf(id, selfBody()), onSuccess: (n) => { changed(n); void message.success('自评已保存'); }, onError: (e) => void message.error(errorMessage(e)) });
  const rate = useMutation({
    mutationFn: () => use.api.rate(id, { items: Object.entries(rating).map(([criterionKey, d]) => ({ criterionKey, passed: d.passed ?? null, points: d.points ?? null, comment: d.text || undefined })) }),
    onSuccess: (n) => { changed(n); void message.success('评分已保存'); },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const a = q.data;
  if (!a) return <Card loading />;
  const ab = a.abilities;
  const rows: Row[] = a.criteria.map((c) => ({ c, item: a.items.find((i) => i.criterionKey === c.key)! }));
  const result = a.status === 'confirmed' || a.status === 'revoked' ? null : (a.reviewResult ?? a.selfResult);

  const columns: TableColumnsType<Row> = [
    { title: '指标', key: 'c', render: (_v, r) => <CriterionCell c={r.c} />, onCell: () => ({ style: { minWidth: 260 } }) },
    {
      title: '自评',
      key: 'self',
      width: 220,
      render: (_v, r) =>
        ab.canEdit ? (
          <ValueInput c={r.c} value={self[r.c.key] ?? {}} onChange={(d) => setSelf((s) => ({ ...s, [r.c.key]: d }))} notePlaceholder="自评说明" testId={`self-${r.c.key}`} />
        ) : (
          <SelfValue c={r.c} item={r.item} />
        ),
    },
    { title: '佐证材料', key: 'evidence', width: 280, render: (_v, r) => <AssessmentEvidence a={a} item={r.item} required={r.c.evidenceRequired} kind={r.c.kind} onChanged={changed} /> },
    {
      title: ab.canRate ? '评审(我的评分)' : '评审',
      key: 'rating',
      width: 260,
      render: (_v, r) => (
        <Flex vertical gap={6}>
          <RatingsCell c={r.c} item={r.item} />
          {ab.canRate ? <ValueInput c={r.c} value={rating[r.c.key] ?? {}} onChange={(d) => setRating((s) => ({ ...s, [r.c.key]: d }))} notePlaceholder="评审意见" testId={`rate-${r.c.key}`} /> : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={`${a.subjectName} · ${a.cycleLabel}${use.title}`}
        extra={
          <>
            {ab.canEdit ? (
              <Button loading={saveSelf.isPending} onClick={() => saveSelf.mutate()} data-testid="save-self">
                保存自评
              </Button>
            ) : null}
            {ab.canRate ? (
              <Button type={ab.canApprove ? 'default' : 'primary'} loading={rate.isPending} onClick={() => rate.mutate()} data-testid="save-rating">
                保存评分
              </Button>
            ) : null}
            <AssessmentActions a={a} onChanged={changed} beforeSubmit={async () => changed(await use.api.saveSelf(id, selfBody()))} />
          </>
        }
      />
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLORS[a.status]} data-testid="assessment-status">
          {a.statusLabel}
        </Tag>
        {a.stepLabel ? <Typography.Text type="secondary">待办:{a.stepLabel}</Typography.Text> : null}
        <Typography.Text type="secondary">
          考评标准第{a.version}版
          {use.subjectPath ? <> · <Link to={use.subjectPath(a.subjectId)}>{use.subjectLabel}</Link></> : null}
          {use.templatePath ? <> · <Link to={use.templatePath}>考评标准</Link></> : null}
        </Typography.Text>
      </Flex>
      {a.status === 'returned' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已退回修改:${a.timeline.filter((t) => t.action === 'return').at(-1)?.opinion ?? ''}`} /> : null}
      {a.status === 'revoked' ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`考评结果已撤销:${a.revokedReason ?? ''}`} /> : null}
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Card size="small">
          <Statistic title="自评得分" value={a.selfResult?.total ?? '—'} suffix={a.selfResult ? `· ${a.selfResult.gradeLabel}` : ''} />
        </Card>
        <Card size="small">
          <Statistic title={`评审得分(${a.raterCount}人)`} value={a.reviewResult?.total ?? '—'} suffix={a.reviewResult ? `· ${a.reviewResult.gradeLabel}` : ''} />
        </Card>
        <Card size="small" data-testid="final-grade">
          <Statistic title="确认等级" value={a.finalScore ?? '—'} suffix={a.gradeLabel && (a.status === 'confirmed' || a.status === 'revoked') ? <Tag color={GRADE_COLORS[a.gradeCode ?? 'none']}>{a.gradeLabel}</Tag> : ''} />
          {a.dueDate ? <Typography.Text type="secondary">有效期至 {a.dueDate}</Typography.Text> : null}
        </Card>
      </Flex>
      {result && result.capReasons.length > 0 ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`等级受限:${result.capReasons.join(';')}`} /> : null}
      <Table<Row> rowKey={(r) => r.c.key} size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 1000 }} data-testid="criteria-table" />
      <Card size="small" title="办理记录" style={{ marginTop: 12 }}>
        <ReviewTimeline entries={a.timeline} pending={a.stepLabel} />
      </Card>
    </>
  );
}
