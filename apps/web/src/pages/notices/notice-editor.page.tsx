import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Skeleton, Switch } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { NoticeBodyInput, NoticeCategory, NoticeUrgency, OrgTarget } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyMappedServerErrors } from '../../api/form-errors';
import { noticeApi, noticeKeys } from '../../api/notice.api';
import { dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { CATEGORY_OPTIONS, SNAPSHOT_RULE, URGENCY_OPTIONS } from './notice-labels';
import { NoticeTargetPicker } from './notice-target.component';

interface Values {
  title: string;
  docNo?: string;
  category: NoticeCategory;
  urgency: NoticeUrgency;
  target: OrgTarget;
  signDeadline: dayjs.Dayjs;
  replyRequired: boolean;
  replyDeadline?: dayjs.Dayjs;
  replyInstructions?: string;
  body: string;
}
const FIELD_OF: Record<string, string> = { title: 'title', docNo: 'docNo', category: 'category', urgency: 'urgency', signDeadline: 'signDeadline', replyDeadline: 'replyDeadline', replyInstructions: 'replyInstructions', body: 'body', target: 'target', 'target.rootId': 'target', 'target.orgIds': 'target' };

/** 起草 / 修改通知 (drafts only): content, 下发范围 with a live count, deadlines and 报送. Attachments and 下发 on the detail page. */
export function NoticeEditorPage() {
  const { id } = useParams();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const existing = useQuery({ queryKey: noticeKeys.detail(id ?? ''), queryFn: () => noticeApi.get(id!), enabled: !!id, staleTime: 0 });
  const replyRequired = Form.useWatch('replyRequired', form);
  useEffect(() => {
    const n = existing.data;
    if (n) form.setFieldsValue({ ...n, docNo: n.docNo ?? undefined, replyInstructions: n.replyInstructions ?? undefined, signDeadline: dayjs(n.signDeadline), replyDeadline: n.replyDeadline ? dayjs(n.replyDeadline) : undefined });
  }, [existing.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: NoticeBodyInput = { ...v, signDeadline: v.signDeadline.format('YYYY-MM-DD'), replyDeadline: v.replyRequired ? v.replyDeadline?.format('YYYY-MM-DD') : undefined, replyInstructions: v.replyRequired ? v.replyInstructions : undefined };
      return id ? noticeApi.update(id, body) : noticeApi.create(body);
    },
    onSuccess: (n) => {
      queryClient.setQueryData(noticeKeys.detail(n.id), n);
      void queryClient.invalidateQueries({ queryKey: noticeKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      void message.success('已保存草稿,可上传附件后下发');
      void navigate(`/notices/${n.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(id ? `/notices/${id}` : '/notices')}>返回</Button>;
  if (id && existing.isPending) return <><PageTitle title="修改通知" extra={back} /><Skeleton active paragraph={{ rows: 10 }} /></>;
  if (id && existing.isError) return <><PageTitle title="修改通知" extra={back} /><Alert type="error" showIcon title={errorMessage(existing.error)} /></>;
  const locked = !!existing.data && !existing.data.abilities.canEdit;
  const initial = { category: 'notice' as const, urgency: 'normal' as const, replyRequired: false, target: { mode: 'subtree' as const, rootId: user?.orgId ?? '', kinds: undefined, includeRoot: false } };
  return (
    <>
      <PageTitle title={id ? '修改通知' : '起草通知'} extra={back} />
      <Card style={{ maxWidth: 960 }}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`保存后为草稿,在详情页上传附件并下发。${SNAPSHOT_RULE}`} />
        {locked ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="已下发或已撤回的通知不能修改" /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<Values> name="notice-editor-form" form={form} layout="vertical" disabled={locked} initialValues={initial} onFinish={(v) => save.mutate(v)}>
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { min: 4, message: '标题至少4个字' }]}>
            <Input maxLength={80} showCount placeholder="如:关于报送2016年度工作总结的通知" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item label="文号(可不填)" name="docNo" style={{ minWidth: 220 }}>
              <Input maxLength={40} placeholder="如:上工〔2017〕3号" />
            </Form.Item>
            <Form.Item label="文种" name="category" rules={[{ required: true, message: '请选择文种' }]} style={{ minWidth: 160 }}>
              <Select options={CATEGORY_OPTIONS} data-testid="notice-category" />
            </Form.Item>
            <Form.Item label="紧急程度" name="urgency" style={{ minWidth: 140 }}>
              <Select options={URGENCY_OPTIONS} />
            </Form.Item>
          </Flex>
          <Form.Item label="下发范围" name="target" required extra="选择本单位并勾选“基层工会”即下发给本单位以下的全部基层工会(含挂靠的产业工会下属单位)。">
            <NoticeTargetPicker />
          </Form.Item>
          <Flex gap={16} wrap align="start">
            <Form.Item label="签收期限" name="signDeadline" rules={[{ required: true, message: '请选择签收期限' }]} extra="到期前1个工作日自动提醒未签收单位,逾期再提醒一次">
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="sign-deadline" />
            </Form.Item>
            <Form.Item label="要求报送材料" name="replyRequired" valuePropName="checked">
              <Switch data-testid="reply-required" />
            </Form.Item>
            {replyRequired ? (
              <Form.Item label="报送期限" name="replyDeadline" rules={[{ required: true, message: '要求报送材料时请填写报送期限' }]}>
                <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="reply-deadline" />
              </Form.Item>
            ) : null}
          </Flex>
          {replyRequired ? (
            <Form.Item label="报送要求" name="replyInstructions">
              <Input.TextArea rows={2} maxLength={500} showCount placeholder="如:工作总结一份(PDF,加盖公章)" />
            </Form.Item>
          ) : null}
          <Form.Item label="正文" name="body" extra="纯文本,段落之间空一行" rules={[{ required: true, whitespace: true, message: '请填写正文' }, { min: 10, message: '正文至少10个字' }]}>
            <Input.TextArea rows={12} maxLength={20000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="notice-save">保存草稿</Button>
        </Form>
      </Card>
    </>
  );
}
