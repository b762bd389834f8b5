import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { NewsArticle, NewsScope } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { newsApi, newsKeys } from '../../api/news.api';
import { PageTitle } from '../../components/page-title.component';
import { NewsCover } from './news-cover.component';
import { CATEGORY_OPTIONS, REVIEW_RULE, SCOPE_OPTIONS } from './news-labels';

interface Values {
  title: string;
  category: string;
  summary?: string;
  body: string;
  author: string;
  publishScope: NewsScope;
  pinned: boolean;
}
const FIELDS = ['title', 'category', 'summary', 'body', 'author', 'publishScope', 'pinned'] as const;

/** 撰写 / 修改稿件: a new draft, or a draft or returned article; the cover once the draft is saved. */
export function NewsEditorPage() {
  const { id } = useParams();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const existing = useQuery({ queryKey: newsKeys.detail(id ?? ''), queryFn: () => newsApi.get(id!), enabled: !!id, staleTime: 0 });
  useEffect(() => {
    if (existing.data) form.setFieldsValue({ ...existing.data, summary: existing.data.summary });
  }, [existing.data, form]);
  const changed = (next: NewsArticle) => {
    queryClient.setQueryData(newsKeys.detail(next.id), next);
    void queryClient.invalidateQueries({ queryKey: newsKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, summary: v.summary?.trim() ?? '' };
      return id ? newsApi.update(id, body) : newsApi.create(body);
    },
    onSuccess: (a) => {
      changed(a);
      void message.success(id ? '已保存' : '已保存为草稿,可上传封面图后提交审核');
      void navigate(id ? `/news/${a.id}` : `/news/${a.id}/edit`, { replace: true });
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(id ? `/news/${id}` : '/news')}>返回</Button>;
  if (id && existing.isPending) return <><PageTitle title="修改稿件" extra={back} /><Skeleton active paragraph={{ rows: 10 }} /></>;
  if (id && existing.isError) return <><PageTitle title="修改稿件" extra={back} /><Alert type="error" showIcon title={errorMessage(existing.error)} /></>;
  const article = existing.data;
  const locked = !!article && !article.abilities.canEdit;
  return (
    <>
      <PageTitle title={id ? '修改稿件' : '撰写稿件'} extra={back} />
      <Card style={{ maxWidth: 900 }}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={REVIEW_RULE} />
        {article?.returnReason ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`退回原因:${article.returnReason}`} /> : null}
        {locked ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="待审核、已发布或已撤回的稿件不能修改" /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<Values> name="news-editor-form" form={form} layout="vertical" disabled={locked} initialValues={{ publishScope: 'public', pinned: false, category: 'work' }} onFinish={(v) => save.mutate(v)}>
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { min: 4, message: '标题至少4个字' }]}>
            <Input maxLength={60} showCount placeholder="如:上城区总工会开展春风行动走访慰问" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item label="栏目" name="category" rules={[{ required: true, message: '请选择栏目' }]} style={{ minWidth: 200 }}>
              <Select options={CATEGORY_OPTIONS} data-testid="news-category" />
            </Form.Item>
            <Form.Item label="作者" name="author" rules={[{ required: true, whitespace: true, message: '请填写作者' }, { min: 2, message: '作者至少2个字' }]} style={{ minWidth: 260 }}>
              <Input maxLength={30} placeholder="如:区总工会宣教科 李倩" />
            </Form.Item>
          </Flex>
          <Form.Item label="发布范围" name="publishScope" extra="公开:工会新闻公开页和所有会员可见;仅会员:本单位及下级工会的会员在手机端可见。">
            <Radio.Group options={SCOPE_OPTIONS} />
          </Form.Item>
          <Form.Item name="pinned" valuePropName="checked">
            <Checkbox>置顶(发布后排在列表最前)</Checkbox>
          </Form.Item>
          <Form.Item label="摘要" name="summary" extra="不填时,列表中显示正文开头">
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
          <Form.Item label="正文" name="body" extra="纯文本,段落之间空一行;不支持网页代码,输入的内容会原样显示。" rules={[{ required: true, whitespace: true, message: '请填写正文' }, { min: 20, message: '正文至少20个字' }]}>
            <Input.TextArea rows={14} maxLength={20000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="news-save">保存草稿</Button>
        </Form>
        {article ? (
          <Card size="small" title="封面图" style={{ marginTop: 16 }}>
            <NewsCover article={article} onChange={changed} />
          </Card>
        ) : null}
      </Card>
    </>
  );
}
