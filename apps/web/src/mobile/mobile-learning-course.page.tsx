import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { MATERIAL_KIND_LABELS, STUDY_STATE_LABELS, type MyCourseDetail } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { learningKeys, myLearningApi } from '../api/learning.api';
import { minutesText } from '../pages/learning/learning-labels';
import { MobilePageTitle } from './mobile-item-list.component';

type Material = MyCourseDetail['materials'][number];
const BEAT_SECONDS = 30;

/** Counts study time while the page is open and visible (the server caps what each beat credits). */
function useStudyClock(courseId: string) {
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void myLearningApi.heartbeat(courseId, BEAT_SECONDS).catch(() => undefined);
    }, BEAT_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [courseId]);
}

function MaterialCard({ courseId, m, onChange }: { courseId: string; m: Material; onChange: (c: MyCourseDetail) => void }) {
  const [open, setOpen] = useState(false);
  const opening = useMutation({ mutationFn: () => myLearningApi.openMaterial(courseId, m.id), onSuccess: onChange });
  const finishing = useMutation({ mutationFn: () => myLearningApi.finishMaterial(courseId, m.id), onSuccess: onChange });
  const show = () => {
    setOpen(true);
    if (!m.opened) opening.mutate();
  };
  return (
    <Card size="small" data-testid="learning-material" style={{ marginBottom: 8 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <span>
          <Tag>{MATERIAL_KIND_LABELS[m.kind]}</Tag>
          {m.title}
        </span>
        {m.finished ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已学完" /> : <Typography.Text type="secondary">{minutesText(m.minutes)}</Typography.Text>}
      </Flex>
      {open ? (
        <div style={{ marginTop: 8 }}>
          {m.kind === 'text' ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="learning-text">{m.body}</Typography.Paragraph> : null}
          {m.kind === 'link' && m.url ? <a href={m.url} target="_blank" rel="noopener noreferrer">打开链接:{m.url}</a> : null}
          {m.kind === 'document' ? m.files.map((f) => <div key={f.fileId}><a href={myLearningApi.fileHref(courseId, m.id, f.fileId)} target="_blank" rel="noopener noreferrer">{f.name ?? '打开文档'}</a></div>) : null}
          {m.body && m.kind !== 'text' ? <Typography.Paragraph type="secondary">{m.body}</Typography.Paragraph> : null}
        </div>
      ) : null}
      <Flex gap={8} style={{ marginTop: 8 }}>
        {!open ? <Button size="small" onClick={show} data-testid="learning-material-open">学习</Button> : null}
        {!m.finished ? <Button size="small" type="primary" disabled={!open} loading={finishing.isPending} onClick={() => finishing.mutate()} data-testid="learning-material-finish">已学完</Button> : null}
      </Flex>
    </Card>
  );
}

/** A course on H5: its materials in order (open, mark finished), my progress and the quiz. */
export function MobileLearningCoursePage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const course = useQuery({ queryKey: learningKeys.myOne(id), queryFn: () => myLearningApi.open(id), staleTime: Infinity });
  useStudyClock(id);
  const update = (c: MyCourseDetail) => {
    qc.setQueryData(learningKeys.myOne(id), c);
    void qc.invalidateQueries({ queryKey: learningKeys.mine, exact: true });
  };
  if (course.isPending) return <Skeleton active />;
  if (course.isError) return <Alert type="error" showIcon title={errorMessage(course.error)} />;
  const c = course.data;
  const allDone = c.finishedMaterials === c.materialCount;
  return (
    <>
      <MobilePageTitle>{c.title}</MobilePageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center">
          <Tag color={c.state === 'finished' ? 'green' : c.state === 'in_progress' ? 'blue' : 'default'} data-testid="learning-state">{STUDY_STATE_LABELS[c.state]}</Tag>
          <Typography.Text type="secondary">{c.deadline ? `截止 ${c.deadline}` : '公开课程'}</Typography.Text>
        </Flex>
        <Progress percent={c.materialCount ? Math.round((c.finishedMaterials / c.materialCount) * 100) : 0} />
        {c.summary ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>{c.summary}</Typography.Paragraph> : null}
      </Card>
      {c.materials.map((m) => <MaterialCard key={m.id} courseId={id} m={m} onChange={update} />)}
      {c.quiz ? (
        <Card size="small" title="课程测验" style={{ marginTop: 4 }}>
          <Typography.Paragraph style={{ fontSize: 13 }}>
            共 {c.quiz.questionCount} 题,满分 {c.quiz.maxScore} 分,{c.quiz.passMark} 分及格;已作答 {c.quiz.attemptsUsed}/{c.quiz.maxAttempts} 次{c.quiz.bestScore !== null ? `,最高 ${c.quiz.bestScore} 分` : ''}。
          </Typography.Paragraph>
          {c.quiz.passed ? <Tag color="green" data-testid="learning-quiz-passed">测验已通过</Tag> : null}
          {!c.quiz.passed && c.quiz.attemptsUsed < c.quiz.maxAttempts ? (
            <Link to={`/m/learning/${id}/quiz`}>
              <Button type="primary" block disabled={!allDone} data-testid="learning-quiz-start">{allDone ? '参加测验' : '学完全部资料后参加测验'}</Button>
            </Link>
          ) : null}
          {!c.quiz.passed && c.quiz.attemptsUsed >= c.quiz.maxAttempts ? <Alert type="warning" showIcon title="测验次数已用完,未通过。请联系所在工会。" /> : null}
        </Card>
      ) : null}
      {c.state === 'finished' ? <Alert type="success" showIcon title="恭喜,本课程已完成" style={{ marginTop: 12 }} data-testid="learning-finished" /> : null}
    </>
  );
}
