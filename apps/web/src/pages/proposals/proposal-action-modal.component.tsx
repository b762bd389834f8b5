import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Proposal } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { proposalApi, proposalKeys } from '../../api/proposal.api';
import { yuanToFen } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

export type ProposalAction = 'moderate' | 'assess' | 'merge' | 'adopt';
interface Values {
  decision?: 'public' | 'blocked';
  assessment?: 'feasible' | 'infeasible';
  reason?: string;
  targetId?: string;
  title?: string;
  description?: string;
  ownerOrgId?: string;
  budgetYuan?: number;
  targetDate?: Dayjs;
}
const TITLES: Record<ProposalAction, string> = { moderate: '审核建议', assess: '评估可行性', merge: '合并重复建议', adopt: '采纳为办实事项目' };

/** One modal for 审核 (公开/屏蔽), 评估 (可行/不可行 + 意见), 合并 (into another public proposal) and 采纳 (owner, budget, date). */
export function ProposalActionModal({ proposal, action, onClose }: { proposal: Proposal | null; action: ProposalAction | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const open = !!proposal && !!action;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (action === 'adopt') form.setFieldsValue({ title: proposal.title });
    if (action === 'moderate') form.setFieldsValue({ decision: 'public' });
  }, [open, action, proposal, form]);
  const targets = useQuery({
    queryKey: proposalKeys.list({ collectionId: proposal?.collectionId, status: 'public', pageSize: 200, for: 'merge' }),
    queryFn: () => proposalApi.list({ collectionId: proposal!.collectionId, status: 'public', pageSize: 200 }),
    enabled: open && action === 'merge',
  });
  const run = useMutation({
    mutationFn: async (v: Values): Promise<unknown> => {
      const id = proposal!.id;
      if (action === 'moderate') return proposalApi.moderate(id, v.decision!, v.reason);
      if (action === 'assess') return proposalApi.assess(id, v.assessment!, v.reason ?? '');
      if (action === 'merge') return proposalApi.merge(id, v.targetId!, v.reason);
      return proposalApi.adopt(id, { title: v.title ?? '', description: v.description ?? '', ownerOrgId: v.ownerOrgId ?? '', budgetFen: yuanToFen(v.budgetYuan ?? 0), targetDate: v.targetDate?.format('YYYY-MM-DD') ?? '' });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, ['decision', 'assessment', 'reason', 'targetId', 'title', 'description', 'ownerOrgId', 'targetDate']);
    },
  });
  const decision = Form.useWatch('decision', form);
  return (
    <Modal open={open} title={action ? TITLES[action] : ''} onCancel={onClose} onOk={() => form.submit()} okText="确定" confirmLoading={run.isPending} destroyOnHidden>
      {proposal ? <Alert type="info" title={proposal.title} description={proposal.content} style={{ marginBottom: 12 }} /> : null}
      {run.isError ? <Alert type="error" showIcon title={errorMessage(run.error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} data-testid="proposal-action-form">
        {action === 'moderate' ? (
          <>
            <Form.Item name="decision" label="审核结果" rules={[{ required: true, message: '请选择审核结果' }]}>
              <Radio.Group options={[{ value: 'public', label: '公开' }, { value: 'blocked', label: '屏蔽' }]} />
            </Form.Item>
            {decision === 'blocked' ? (
              <Form.Item name="reason" label="屏蔽原因(告知提出人)" rules={[{ required: true, whitespace: true, message: '屏蔽须填写原因' }]}>
                <Input.TextArea rows={3} maxLength={200} showCount />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {action === 'assess' ? (
          <>
            <Form.Item name="assessment" label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}>
              <Radio.Group options={[{ value: 'feasible', label: '可行' }, { value: 'infeasible', label: '不可行' }]} />
            </Form.Item>
            <Form.Item name="reason" label="评估意见(提出人可见)" rules={[{ required: true, whitespace: true, message: '请填写评估意见' }]}>
              <Input.TextArea rows={4} maxLength={500} showCount />
            </Form.Item>
          </>
        ) : null}
        {action === 'merge' ? (
          <>
            <Form.Item name="targetId" label="合并到" rules={[{ required: true, message: '请选择合并到的建议' }]} extra="本建议的附议人和提出人将成为目标建议的附议人(同一人不重复计数),提出人会收到通知。">
              <Select showSearch optionFilterProp="label" loading={targets.isFetching} options={(targets.data?.items ?? []).filter((p) => p.id !== proposal?.id).map((p) => ({ value: p.id, label: `${p.title}(附议${p.supportCount})` }))} />
            </Form.Item>
            <Form.Item name="reason" label="说明">
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : null}
        {action === 'adopt' ? (
          <>
            <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="description" label="项目内容与目标">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="ownerOrgId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
              <OrgTreeSelect placeholder="选择负责实施的工会" />
            </Form.Item>
            <Form.Item name="budgetYuan" label="预算(元)" rules={[{ required: true, message: '请填写预算' }]}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="targetDate" label="计划完成日期" rules={[{ required: true, message: '请选择计划完成日期' }]}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
