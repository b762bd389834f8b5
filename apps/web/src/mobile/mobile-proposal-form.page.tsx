import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/api-client';
import { applyServerErrors } from '../api/form-errors';
import { myProposalApi, proposalKeys } from '../api/proposal.api';
import { SimilarProposals } from '../pages/proposals/proposal-similar-list.component';

interface Values {
  category: string;
  title: string;
  content: string;
}

/** 提建议 (H5): category, title, content; similar public proposals appear while typing so the member can support one instead. */
export function MobileProposalFormPage() {
  const [params] = useSearchParams();
  const collectionId = params.get('collection') ?? '';
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const collection = useQuery({ queryKey: proposalKeys.collection(collectionId), queryFn: () => myProposalApi.collection(collectionId), enabled: !!collectionId });
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const submit = useMutation({
    mutationFn: (v: Values) => myProposalApi.propose({ ...v, collectionId }),
    onSuccess: (p) => {
      void message.success('已提交,工会审核后公开');
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void navigate(`/m/proposals/${p.id}`, { replace: true });
    },
    onError: (e) => {
      applyServerErrors(form, e, ['category', 'title', 'content']);
    },
  });
  const heading = <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">提建议</Typography.Title>;
  if (collection.isPending) return <>{heading}<Skeleton active /></>;
  if (collection.isError) return <>{heading}<Alert type="error" showIcon title={errorMessage(collection.error)} /></>;
  return (
    <>
      {heading}
      <Card size="small" title={collection.data.title}>
        {submit.isError ? <Alert type="error" showIcon title={errorMessage(submit.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} data-testid="proposal-form">
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={collection.data.categories.map((c) => ({ value: c, label: c }))} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="title" label="建议标题" rules={[{ required: true, min: 4, message: '建议标题至少4个字' }]}>
            <Input maxLength={40} placeholder="一句话说清想办的实事" />
          </Form.Item>
          <Form.Item name="content" label="建议内容" rules={[{ required: true, min: 10, message: '建议内容至少10个字' }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder="为什么要办、怎么办、惠及哪些职工" />
          </Form.Item>
          <SimilarProposals collectionId={collectionId} text={`${title} ${content}`} fetch={myProposalApi.similar} onOpen={(id) => void navigate(`/m/proposals/${id}`)} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>提交后由工会审核,公开后其他职工可以附议;评估意见会通知您。</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="submit-proposal">提交建议</Button>
        </Form>
      </Card>
    </>
  );
}
