import { Button, Card, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_KIND_LABELS, QUIZ_SCORING_HELP, type Quiz, type QuestionKind } from '@gonghui/contracts';

/** The quiz as the form holds it: options as texts, answers as option letters (A, B ...). */
export interface QuizForm {
  passMark: number;
  maxAttempts: number;
  questions: { id?: string; kind: QuestionKind; text: string; options: string[]; answer: string[] | string; points: number }[];
}

const LETTERS = 'ABCDEFGH';
const KIND_OPTIONS = (Object.keys(QUESTION_KIND_LABELS) as QuestionKind[]).map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }));

export const quizToForm = (q: Quiz): QuizForm => ({
  passMark: q.passMark,
  maxAttempts: q.maxAttempts,
  questions: q.questions.map((x) => ({ id: x.id, kind: x.kind, text: x.text, points: x.points, answer: x.kind === 'multiple' ? x.answer : (x.answer[0] ?? []), options: x.kind === 'judge' ? [] : x.options.map((o) => o.text) })),
});

export const formToQuiz = (f: QuizForm): Quiz => ({
  passMark: f.passMark,
  maxAttempts: f.maxAttempts,
  questions: f.questions.map((q, i) => ({
    id: q.id ?? `q${i + 1}-${Date.now().toString(36)}`,
    kind: q.kind,
    text: q.text,
    points: q.points,
    answer: Array.isArray(q.answer) ? q.answer : q.answer ? [q.answer] : [],
    options: q.kind === 'judge' ? [] : (q.options ?? []).map((text, j) => ({ id: LETTERS[j]!, text })),
  })),
});

function AnswerField({ index }: { index: number }) {
  const kind = Form.useWatch(['quiz', 'questions', index, 'kind']) as QuestionKind | undefined;
  const options = (Form.useWatch(['quiz', 'questions', index, 'options']) as string[] | undefined) ?? [];
  const choices = kind === 'judge' ? [{ value: 'T', label: '正确' }, { value: 'F', label: '错误' }] : options.map((t, j) => ({ value: LETTERS[j]!, label: `${LETTERS[j]}. ${t ?? ''}` }));
  return (
    <Form.Item name={[index, 'answer']} label="正确答案" rules={[{ required: true, message: '请设置正确答案' }]}>
      <Select mode={kind === 'multiple' ? 'multiple' : undefined} options={choices} placeholder="选择正确答案" style={{ minWidth: 220 }} />
    </Form.Item>
  );
}

/** 测验: questions (单选、多选、判断) with points, the pass mark and how many attempts. */
export function LearningQuizEditor() {
  return (
    <Card size="small" title="测验" data-testid="quiz-editor">
      <Typography.Paragraph type="secondary">{QUIZ_SCORING_HELP} 答案只在服务器上评分,提交前不会发给学员。</Typography.Paragraph>
      <Space wrap>
        <Form.Item name={['quiz', 'passMark']} label="及格分" rules={[{ required: true, message: '请填写及格分' }]}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        <Form.Item name={['quiz', 'maxAttempts']} label="最多作答次数" rules={[{ required: true, message: '请填写作答次数' }]}>
          <InputNumber min={1} max={20} />
        </Form.Item>
      </Space>
      <Form.List name={['quiz', 'questions']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" type="inner" title={`第${i + 1}题`} extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`删除第${i + 1}题`} />}>
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'kind']} label="题型" rules={[{ required: true }]}>
                    <Select options={KIND_OPTIONS} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'points']} label="分值" rules={[{ required: true, message: '请填写分值' }]}>
                    <InputNumber min={1} max={100} />
                  </Form.Item>
                </Space>
                <Form.Item name={[f.name, 'text']} label="题目" rules={[{ required: true, message: '请填写题目' }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                </Form.Item>
                <QuestionOptions index={f.name} />
                <AnswerField index={f.name} />
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'single', points: 2, options: ['', ''], answer: [] })} data-testid="quiz-add-question">
              添加题目
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

function QuestionOptions({ index }: { index: number }) {
  const kind = Form.useWatch(['quiz', 'questions', index, 'kind']) as QuestionKind | undefined;
  if (kind === 'judge') return <Typography.Text type="secondary">判断题的选项固定为“正确”“错误”。</Typography.Text>;
  return (
    <Form.List name={[index, 'options']}>
      {(opts, { add, remove }) => (
        <Flex vertical gap={4} style={{ marginBottom: 8 }}>
          {opts.map((o, j) => (
            <Flex key={o.key} gap={6} align="center">
              <span style={{ width: 18 }}>{LETTERS[j]}.</span>
              <Form.Item name={o.name} noStyle rules={[{ required: true, message: '请填写选项' }]}>
                <Input maxLength={200} style={{ maxWidth: 420 }} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(o.name)} aria-label={`删除选项${LETTERS[j]}`} />
            </Flex>
          ))}
          {opts.length < 8 ? (
            <Button size="small" onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>
              添加选项
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
