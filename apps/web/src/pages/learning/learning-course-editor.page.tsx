import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { CourseBodyInput, LearningCategory, MaterialKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { learningApi, learningKeys } from '../../api/learning.api';
import { PageTitle } from '../../components/page-title.component';
import { CATEGORY_OPTIONS, MATERIAL_KIND_OPTIONS } from './learning-labels';
import { formToQuiz, LearningQuizEditor, quizToForm, type QuizForm } from './learning-quiz-editor.component';

interface MaterialForm {
  id?: string;
  kind: MaterialKind;
  title: string;
  url?: string;
  body?: string;
  minutes: number;
}
interface CourseForm {
  title: string;
  summary?: string;
  category: LearningCategory;
  openToMembers: boolean;
  materials: MaterialForm[];
  hasQuiz: boolean;
  quiz?: QuizForm;
}

const FIELDS = ['title', 'summary', 'category', 'openToMembers', 'materials', 'quiz'];
const NEW_QUIZ: QuizForm = { passMark: 6, maxAttempts: 3, questions: [{ kind: 'single', text: '', options: ['', ''], answer: [], points: 2 }] };

function MaterialFields({ name }: { name: number }) {
  const kind = Form.useWatch(['materials', name, 'kind']) as MaterialKind | undefined;
  return (
    <>
      <Space wrap align="start">
        <Form.Item name={[name, 'kind']} label="类型" rules={[{ required: true }]}>
          <Select options={MATERIAL_KIND_OPTIONS} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name={[name, 'title']} label="标题" rules={[{ required: true, message: '请填写资料标题' }]}>
          <Input maxLength={100} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name={[name, 'minutes']} label="预计分钟" rules={[{ required: true, message: '请填写预计学习分钟数' }]}>
          <InputNumber min={1} max={600} />
        </Form.Item>
      </Space>
      {kind === 'link' ? (
        <Form.Item name={[name, 'url']} label="链接地址" extra="只能是 http:// 或 https:// 开头的网址" rules={[{ required: true, message: '请填写链接地址' }]}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
      ) : null}
      {kind === 'text' ? (
        <Form.Item name={[name, 'body']} label="正文(纯文本,空行分段)" rules={[{ required: true, message: '请填写图文课正文' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} showCount />
        </Form.Item>
      ) : null}
      {kind === 'document' ? <Typography.Text type="secondary">保存后在课程详情页上传文件(PDF、Word(.docx)、Excel(.xlsx)或图片)。</Typography.Text> : null}
    </>
  );
}

/** 新建 / 修改课程: basic facts, the materials in order (move up/down), and the optional quiz. */
export function LearningCourseEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<CourseForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const existing = useQuery({ queryKey: learningKeys.one(id ?? ''), queryFn: () => learningApi.get(id!), enabled: !!id });
  const hasQuiz = Form.useWatch('hasQuiz', form) as boolean | undefined;
  useEffect(() => {
    const c = existing.data;
    if (!c) return;
    form.setFieldsValue({
      title: c.title, summary: c.summary, category: c.category, openToMembers: c.openToMembers, hasQuiz: c.quiz !== null,
      materials: c.materials.map((m) => ({ id: m.id, kind: m.kind, title: m.title, url: m.url ?? undefined, body: m.body ?? undefined, minutes: m.minutes })),
      quiz: c.quiz ? quizToForm(c.quiz) : NEW_QUIZ,
    });
  }, [existing.data, form]);
  const save = useMutation({
    mutationFn: (v: CourseForm) => {
      const body: CourseBodyInput = {
        title: v.title, summary: v.summary, category: v.category, openToMembers: v.openToMembers,
        materials: v.materials.map((m) => ({ id: m.id, kind: m.kind, title: m.title, minutes: m.minutes, url: m.kind === 'link' ? m.url : undefined, body: m.kind === 'document' ? undefined : m.body })),
        quiz: v.hasQuiz && v.quiz ? formToQuiz(v.quiz) : null,
      };
      return id ? learningApi.update(id, body) : learningApi.create(body);
    },
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: learningKeys.all });
      void navigate(`/learning/${c.id}`);
    },
    onError: (e) => setFailure(applyServerErrors(form, e, FIELDS)),
  });
  return (
    <>
      <PageTitle title={id ? '修改课程' : '新建课程'} />
      {existing.isError ? <Alert type="error" showIcon title={errorMessage(existing.error)} style={{ marginBottom: 12 }} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<CourseForm>
        form={form}
        layout="vertical"
        initialValues={{ category: 'theory', openToMembers: false, hasQuiz: false, materials: [{ kind: 'text', title: '', minutes: 10 }], quiz: NEW_QUIZ }}
        onFinish={(v) => { setFailure(null); save.mutate(v); }}
        style={{ maxWidth: 900 }}
        data-testid="course-form"
      >
        <Form.Item name="title" label="课程名称" rules={[{ required: true, message: '请填写课程名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="category" label="分类" rules={[{ required: true }]}>
            <Select options={CATEGORY_OPTIONS} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="openToMembers" label="向本单位及下级会员公开" valuePropName="checked" extra="公开的课程,会员无需指派也能在“我的学习”中看到">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label="简介">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Typography.Title level={5}>学习资料(按顺序学习)</Typography.Title>
        <Form.List name="materials">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" title={`第${i + 1}份`} data-testid="material-card"
                  extra={
                    <Space>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                      <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                      <Button size="small" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label="删除资料" />
                    </Space>
                  }>
                  <MaterialFields name={f.name} />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'text', title: '', minutes: 10 })} data-testid="material-add">
                添加资料
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="hasQuiz" valuePropName="checked">
          <Checkbox data-testid="quiz-toggle">课程附测验(须通过测验才算完成)</Checkbox>
        </Form.Item>
        {hasQuiz ? <LearningQuizEditor /> : null}
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="course-save">
            保存
          </Button>
          <Button onClick={() => void navigate(id ? `/learning/${id}` : '/learning')}>取消</Button>
        </Flex>
      </Form>
    </>
  );
}
