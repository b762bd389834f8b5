import { App, Button, Card, Flex, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CRAFTSMAN_CRITERIA, CRAFTSMAN_EVIDENCE_TYPES, CRAFTSMAN_EVIDENCE_TYPE_LABELS, type CraftsmanNomination } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-error';
import { craftsmanApi, craftsmanKeys, type CraftsmanScoreBody } from '../../api/craftsman.api';
import { applyServerErrors } from '../../api/form-errors';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';

const labelOf = (t: string) => (CRAFTSMAN_EVIDENCE_TYPE_LABELS as Record<string, string>)[t] ?? t;

/** 推荐材料: the list, and upload / delete while the nominating union may still edit. */
export function CraftsmanEvidence({ n }: { n: CraftsmanNomination }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const changed = (next: CraftsmanNomination) => qc.setQueryData(craftsmanKeys.one(next.id), next);
  const upload = useMutation({
    mutationFn: ({ type, file }: { type: string; file: File }) => craftsmanApi.evidence.upload(n.id, type, file),
    onSuccess: (next, { file }) => {
      changed(next);
      void message.success(`已上传:${file.name}`);
    },
    onError: (e, { file }) => void message.error(`「${file.name}」上传失败:${errorMessage(e)}`),
  });
  const remove = useMutation({ mutationFn: (fileId: string) => craftsmanApi.evidence.remove(n.id, fileId), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  return (
    <Card title="推荐材料" size="small" data-testid="craftsman-evidence">
      <Flex vertical gap={12}>
        <AttachmentList items={n.evidence} labelOf={labelOf} href={(fileId) => craftsmanApi.evidence.href(n.id, fileId)} onRemove={n.abilities.canEditEvidence ? (id) => remove.mutate(id) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
        {n.abilities.canEditEvidence ? <AttachmentUpload options={CRAFTSMAN_EVIDENCE_TYPES.map((t) => ({ value: t, label: labelOf(t) }))} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
      </Flex>
    </Card>
  );
}

/** 专家评分: every expert's points (the nominating union sees the result only) and the caller's own score form. */
export function CraftsmanScores({ n }: { n: CraftsmanNomination }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<CraftsmanScoreBody>();
  const mine = n.scores.find((s) => s.mine);
  const save = useMutation({
    mutationFn: (v: CraftsmanScoreBody) => craftsmanApi.score(n.id, v),
    onSuccess: (next) => {
      qc.setQueryData(craftsmanKeys.one(next.id), next);
      void qc.invalidateQueries({ queryKey: craftsmanKeys.all });
      void message.success('评分已保存');
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, CRAFTSMAN_CRITERIA.map((c) => `points.${c.key}`));
      if (rest) void message.error(rest);
    },
  });
  return (
    <Card title={`综合评审:${n.finalScore === null ? '尚未评分' : `综合得分 ${n.finalScore}(${n.scoreCount}位专家${n.scoreCount >= 5 ? ',去掉最高分和最低分' : ''})`}`} size="small" data-testid="craftsman-scores">
      <Table
        size="small"
        rowKey={(r) => r.expertName}
        pagination={false}
        dataSource={n.scores}
        locale={{ emptyText: n.scoreCount > 0 ? '各专家评分仅评审专家和市总工会可见' : '暂无评分' }}
        columns={[
          { title: '专家', dataIndex: 'expertName', width: 160 },
          ...CRAFTSMAN_CRITERIA.map((c) => ({ title: `${c.title}(${c.maxPoints})`, key: c.key, render: (_: unknown, r: CraftsmanNomination['scores'][number]) => r.points[c.key] ?? '' })),
          { title: '合计', dataIndex: 'total', width: 80 },
          { title: '评语', dataIndex: 'comment', ellipsis: true },
        ]}
      />
      {n.abilities.canScore ? (
        <Form<CraftsmanScoreBody> form={form} layout="inline" name="craftsman-score" style={{ marginTop: 12 }} initialValues={mine ? { points: mine.points as CraftsmanScoreBody['points'], comment: mine.comment ?? undefined } : undefined} onFinish={(v) => save.mutate(v)}>
          <Typography.Text strong style={{ marginRight: 8 }}>{mine ? '修改我的评分' : '我的评分'}</Typography.Text>
          {CRAFTSMAN_CRITERIA.map((c) => (
            <Form.Item key={c.key} name={['points', c.key]} label={c.title} rules={[{ required: true, message: `请填写${c.title}` }]}>
              <InputNumber min={0} max={c.maxPoints} step={0.5} placeholder={`0-${c.maxPoints}`} />
            </Form.Item>
          ))}
          <Space>
            <Form.Item name="comment">
              <Input placeholder="评语" style={{ width: 200 }} maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="craftsman-score-save">保存评分</Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
