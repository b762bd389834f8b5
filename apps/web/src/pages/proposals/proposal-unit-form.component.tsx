import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposalCollection } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { proposalApi, proposalKeys } from '../../api/proposal.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { SimilarProposals } from './proposal-similar-list.component';

interface Values {
  orgId?: string;
  category: string;
  title: string;
  content: string;
}

/** 单位填报: staff file a proposal in the name of a union in their scope; similar public proposals show while typing. */
export function ProposalUnitForm({ collection }: { collection: ProposalCollection }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const save = useMutation({
    mutationFn: (v: Values) => proposalApi.fileForUnit({ ...v, collectionId: collection.id }),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void message.success('已提交,审核后公开');
    },
    onError: (e) => {
      applyServerErrors(form, e, ['orgId', 'category', 'title', 'content']);
    },
  });
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 720 }} onFinish={(v) => save.mutate(v)}>
      {save.isError ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="orgId" label="填报单位" extra="不选择则以本单位名义填报。">
        <OrgTreeSelect allowClear placeholder="本单位" />
      </Form.Item>
      <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={collection.categories.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="title" label="建议标题" rules={[{ required: true, min: 4, message: '建议标题至少4个字' }]}>
        <Input maxLength={40} showCount />
      </Form.Item>
      <Form.Item name="content" label="建议内容" rules={[{ required: true, min: 10, message: '建议内容至少10个字' }]}>
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <SimilarProposals collectionId={collection.id} text={`${title} ${content}`} fetch={proposalApi.similar} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>提交建议</Button>
    </Form>
  );
}
