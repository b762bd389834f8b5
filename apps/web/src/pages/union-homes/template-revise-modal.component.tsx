import { useState } from 'react';
import { App, Checkbox, Flex, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AGGREGATIONS, AGGREGATION_LABELS, CRITERION_KIND_LABELS, type Criterion, type GradeRule, type TemplateVersion } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { unionHomeApi, unionHomeKeys } from '../../api/union-home.api';

/**
 * 发布新版本: the current version's grade lines (score, 入会率), gate cap, aggregation, and each
 * criterion's maximum and evidence rule, edited into a new version (the old one stays as it is).
 */
export function TemplateReviseModal({ base, open, onClose }: { base: TemplateVersion; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [grades, setGrades] = useState<GradeRule[]>(base.grades);
  const [criteria, setCriteria] = useState<Criterion[]>(base.criteria);
  const [gateCap, setGateCap] = useState(base.gateCap);
  const [aggregation, setAggregation] = useState(base.aggregation);
  const [note, setNote] = useState(base.note ?? '');
  const save = useMutation({
    mutationFn: () => unionHomeApi.revise({ criteria, grades, gateCap, aggregation, note: note || undefined }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: unionHomeKeys.all });
      void message.success('已发布新版本:新开始的考评按新版本,已开始的考评不受影响');
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const setGrade = (i: number, next: Partial<GradeRule>) => setGrades((gs) => gs.map((g, j) => (j === i ? { ...g, ...next } : g)));
  const setCriterion = (key: string, next: Partial<Criterion>) => setCriteria((cs) => cs.map((c) => (c.key === key ? { ...c, ...next } : c)));
  return (
    <Modal title={`发布第${base.version + 1}版考评标准`} open={open} onCancel={onClose} onOk={() => save.mutate()} okText="发布" confirmLoading={save.isPending} width={820} destroyOnHidden>
      <Typography.Paragraph type="secondary">以现行第{base.version}版为基础修改。发布后不能修改或删除;已开始的考评仍按原版本评定。</Typography.Paragraph>
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {grades.map((g, i) => (
          <Flex key={g.code} gap={8} align="center" wrap>
            <Input style={{ width: 160 }} value={g.label} onChange={(e) => setGrade(i, { label: e.target.value })} aria-label={`等级${i + 1}名称`} />
            <span>≥</span>
            <InputNumber<number> min={0} max={1000} value={g.minScore} onChange={(v) => setGrade(i, { minScore: v ?? 0 })} suffix="分" aria-label={`${g.label}分数线`} />
            {i > 0 ? (
              <InputNumber<number>
                min={0}
                max={100}
                precision={1}
                value={g.minFacts?.membershipRate === undefined ? null : g.minFacts.membershipRate * 100}
                onChange={(v) => setGrade(i, { minFacts: v === null ? undefined : { ...g.minFacts, membershipRate: v / 100 } })}
                prefix="入会率≥"
                suffix="%"
                aria-label={`${g.label}入会率`}
              />
            ) : null}
          </Flex>
        ))}
        <Flex gap={8} align="center" wrap>
          <span>必备条件未达到时最高评为</span>
          <Select style={{ width: 160 }} value={gateCap} onChange={setGateCap} options={grades.map((g) => ({ value: g.code, label: g.label }))} />
          <span>多人评分</span>
          <Select style={{ width: 320 }} value={aggregation} onChange={setAggregation} options={AGGREGATIONS.map((a) => ({ value: a, label: AGGREGATION_LABELS[a] }))} />
        </Flex>
        <Input.TextArea rows={2} maxLength={500} placeholder="修订说明" value={note} onChange={(e) => setNote(e.target.value)} />
      </Flex>
      <Table<Criterion>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={criteria}
        columns={[
          { title: '指标', dataIndex: 'title', render: (t: string, c) => `${t}(${CRITERION_KIND_LABELS[c.kind]})` },
          { title: '分值', dataIndex: 'maxPoints', width: 120, render: (m: number, c) => (c.kind === 'gate' ? '—' : <InputNumber<number> size="small" min={0.5} max={1000} value={m} onChange={(v) => setCriterion(c.key, { maxPoints: v ?? m })} />) },
          { title: '须佐证', dataIndex: 'evidenceRequired', width: 80, render: (r: boolean, c) => <Checkbox checked={r} onChange={(e) => setCriterion(c.key, { evidenceRequired: e.target.checked })} /> },
        ]}
      />
    </Modal>
  );
}
