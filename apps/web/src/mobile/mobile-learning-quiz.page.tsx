import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { QUESTION_KIND_LABELS, QUIZ_SCORING_HELP, type QuizResult } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { learningKeys, myLearningApi } from '../api/learning.api';
import { MobilePageTitle } from './mobile-item-list.component';

/** The quiz on H5: answer, submit (scored on the server), see the result. */
export function MobileLearningQuizPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const paper = useQuery({ queryKey: learningKeys.paper(id), queryFn: () => myLearningApi.paper(id), staleTime: 0 });
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const submit = useMutation({
    mutationFn: () => myLearningApi.submit(id, answers),
    onSuccess: async (r) => {
      setResult(r);
      await qc.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
  if (paper.isPending) return <Skeleton active />;
  if (paper.isError) return <Alert type="error" showIcon title={errorMessage(paper.error)} />;
  const p = paper.data;
  if (result) {
    return (
      <Result
        status={result.passed ? 'success' : 'warning'}
        title={<span data-testid="quiz-result">{result.passed ? '测验通过' : '未通过'}:{result.score} / {result.maxScore} 分</span>}
        subTitle={`及格分 ${p.passMark};最高成绩 ${result.bestScore} 分;还可作答 ${result.attemptsLeft} 次${result.courseFinished ? ';课程已完成' : ''}`}
        extra={[
          <Button key="back" type="primary" onClick={() => void navigate(`/m/learning/${id}`)} data-testid="quiz-back">返回课程</Button>,
          !result.passed && result.attemptsLeft > 0 ? <Button key="again" onClick={() => { setResult(null); setAnswers({}); void paper.refetch(); }}>再做一次</Button> : null,
        ]}
      >
        {result.questions.map((q, i) => (
          <div key={q.id}>
            第{i + 1}题 {q.correct ? <Tag color="green">正确</Tag> : <Tag color="red">错误</Tag>}
            {q.answer ? <Typography.Text type="secondary">正确答案:{q.answer.map((a) => (a === 'T' ? '正确' : a === 'F' ? '错误' : a)).join('')}</Typography.Text> : null}
          </div>
        ))}
      </Result>
    );
  }
  const answered = p.questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
  return (
    <>
      <MobilePageTitle>课程测验</MobilePageTitle>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        满分 {p.maxScore} 分,{p.passMark} 分及格,还可作答 {p.attemptsLeft} 次。{QUIZ_SCORING_HELP}
      </Typography.Paragraph>
      {p.questions.map((q, i) => (
        <Card key={q.id} size="small" style={{ marginBottom: 8 }} data-testid="quiz-question">
          <Typography.Paragraph strong>
            {i + 1}. [{QUESTION_KIND_LABELS[q.kind]} · {q.points}分] {q.text}
          </Typography.Paragraph>
          {q.kind === 'multiple' ? (
            <Checkbox.Group value={answers[q.id] ?? []} onChange={(v) => setAnswers({ ...answers, [q.id]: v.map(String) })}>
              <Flex vertical gap={4}>{q.options.map((o) => <Checkbox key={o.id} value={o.id}>{o.id}. {o.text}</Checkbox>)}</Flex>
            </Checkbox.Group>
          ) : (
            <Radio.Group value={answers[q.id]?.[0]} onChange={(e) => setAnswers({ ...answers, [q.id]: [String(e.target.value)] })}>
              <Flex vertical gap={4}>{q.options.map((o) => <Radio key={o.id} value={o.id}>{q.kind === 'judge' ? o.text : `${o.id}. ${o.text}`}</Radio>)}</Flex>
            </Radio.Group>
          )}
        </Card>
      ))}
      {submit.isError ? <Alert type="error" showIcon title={errorMessage(submit.error)} style={{ marginBottom: 8 }} /> : null}
      <Button type="primary" block size="large" loading={submit.isPending} disabled={p.attemptsLeft === 0} onClick={() => submit.mutate()} data-testid="quiz-submit">
        提交({answered}/{p.questions.length} 题已答)
      </Button>
    </>
  );
}
