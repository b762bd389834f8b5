import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, List, Popconfirm, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ASSIGNMENT_AUDIENCE_LABELS, LEARNING_CATEGORY_LABELS, MATERIAL_KIND_LABELS, QUESTION_KIND_LABELS, QUIZ_SCORING_HELP, type Assignment, type Course } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { learningApi, learningKeys } from '../../api/learning.api';
import { formatTime } from '../../app/time';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PageTitle } from '../../components/page-title.component';
import { LearningAssignDialog } from './learning-assign-dialog.component';
import { CourseStatusTag, minutesText } from './learning-labels';

function Materials({ course }: { course: Course }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const done = (c: Course) => qc.setQueryData(learningKeys.one(c.id), c);
  const upload = useMutation({ mutationFn: (v: { materialId: string; file: File }) => learningApi.files.upload(v.materialId, 'document', v.file), onSuccess: done, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (v: { materialId: string; fileId: string }) => learningApi.files.remove(v.materialId, v.fileId), onSuccess: done, onError: (e) => void message.error(errorMessage(e)) });
  return (
    <List
      bordered
      dataSource={course.materials}
      locale={{ emptyText: '暂无资料' }}
      renderItem={(m, i) => (
        <List.Item data-testid="material-item">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex gap={8} align="center" wrap>
              <strong>{i + 1}.</strong>
              <Tag>{MATERIAL_KIND_LABELS[m.kind]}</Tag>
              <span>{m.title}</span>
              <Typography.Text type="secondary">{minutesText(m.minutes)}</Typography.Text>
            </Flex>
            {m.kind === 'link' && m.url ? <a href={m.url} target="_blank" rel="noopener noreferrer">{m.url}</a> : null}
            {m.kind === 'text' && m.body ? <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</Typography.Paragraph> : null}
            {m.kind === 'document' ? (
              <>
                <AttachmentList items={m.files} labelOf={() => '文档'} href={(fileId) => learningApi.files.href(m.id, fileId)} onRemove={course.abilities.canEdit ? (fileId) => remove.mutate({ materialId: m.id, fileId }) : undefined} />
                {course.abilities.canEdit ? <AttachmentUpload documents options={[{ value: 'document', label: '文档' }]} initialType="document" busy={upload.isPending} onPick={(_t, file) => upload.mutate({ materialId: m.id, file })} /> : null}
              </>
            ) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** 课程详情: materials (document files uploaded here), the quiz with its answers, actions, and the assignments. */
export function LearningCourseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [assigning, setAssigning] = useState(false);
  const course = useQuery({ queryKey: learningKeys.one(id), queryFn: () => learningApi.get(id) });
  const assignments = useQuery({ queryKey: learningKeys.assignments(id), queryFn: () => learningApi.assignments(id) });
  const act = useMutation({
    mutationFn: async (what: 'publish' | 'withdraw' | 'remove'): Promise<void> => {
      if (what === 'remove') await learningApi.remove(id);
      else await learningApi[what](id);
    },
    onSuccess: async (_r, what) => {
      await qc.invalidateQueries({ queryKey: learningKeys.all });
      if (what === 'remove') void navigate('/learning');
    },
  });
  if (course.isPending) return <FullPageSpin />;
  if (course.isError) return <Alert type="error" showIcon title={errorMessage(course.error)} />;
  const c = course.data;
  const can = c.abilities;
  const columns = [
    { title: '指派单位', dataIndex: 'orgName', width: 180 },
    { title: '对象', dataIndex: 'audience', width: 160, render: (v: Assignment['audience']) => ASSIGNMENT_AUDIENCE_LABELS[v] },
    { title: '人数', dataIndex: 'assigneeCount', width: 80 },
    { title: '已完成', dataIndex: 'finishedCount', width: 80 },
    { title: '截止日期', dataIndex: 'deadline', width: 110 },
    { title: '提醒', key: 'remind', width: 170, render: (_v: unknown, a: Assignment) => (a.remindedAt ? `已提醒 ${formatTime(a.remindedAt, 'MM-DD HH:mm')}` : `截止前${a.remindDays}个工作日`) },
    { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      <PageTitle
        title={c.title}
        extra={
          <>
            {can.canEdit ? <Button onClick={() => void navigate(`/learning/${id}/edit`)}>修改</Button> : null}
            {can.canPublish ? <Popconfirm title="发布后学员即可学习,修改须先下架。发布?" okText="发布" cancelText="取消" onConfirm={() => act.mutate('publish')}><Button type="primary" data-testid="course-publish">发布</Button></Popconfirm> : null}
            {can.canAssign ? <Button type="primary" onClick={() => setAssigning(true)} data-testid="course-assign">指派</Button> : null}
            {can.canWithdraw ? <Popconfirm title="下架后学员不再可见(已有学习记录保留)。下架?" okText="下架" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act.mutate('withdraw')}><Button danger>下架</Button></Popconfirm> : null}
            {can.canDelete ? <Popconfirm title="删除这门草稿课程?" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act.mutate('remove')}><Button danger>删除</Button></Popconfirm> : null}
            <Button onClick={() => void navigate(`/learning/stats?courseId=${id}`)} data-testid="course-stats">完成统计</Button>
          </>
        }
      />
      {act.isError ? <Alert type="error" showIcon title={errorMessage(act.error)} style={{ marginBottom: 12 }} /> : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态"><CourseStatusTag status={c.status} /></Descriptions.Item>
        <Descriptions.Item label="分类">{LEARNING_CATEGORY_LABELS[c.category]}</Descriptions.Item>
        <Descriptions.Item label="所属组织">{c.orgName}</Descriptions.Item>
        <Descriptions.Item label="学习时长">{minutesText(c.totalMinutes)}</Descriptions.Item>
        <Descriptions.Item label="向会员公开">{c.openToMembers ? '是(本单位及下级会员可见)' : '否(仅指派的人员)'}</Descriptions.Item>
        <Descriptions.Item label="发布时间">{formatTime(c.publishedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label="简介" span={3}>{c.summary || '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>学习资料</Typography.Title>
      <Materials course={c} />
      <Card size="small" title="测验" style={{ marginTop: 16 }}>
        {c.quiz ? (
          <>
            <Typography.Paragraph type="secondary">及格分 {c.quiz.passMark} / 总分 {c.quiz.questions.reduce((s, q) => s + q.points, 0)},最多作答 {c.quiz.maxAttempts} 次。{QUIZ_SCORING_HELP}</Typography.Paragraph>
            <List size="small" dataSource={c.quiz.questions} renderItem={(q, i) => (
              <List.Item>
                {i + 1}. [{QUESTION_KIND_LABELS[q.kind]} {q.points}分] {q.text} {q.options.map((o) => `${o.id}.${o.text}`).join(' ')} —— 答案:{q.answer.map((a) => (a === 'T' ? '正确' : a === 'F' ? '错误' : a)).join('')}
              </List.Item>
            )} />
          </>
        ) : (
          <Typography.Text type="secondary">本课程没有测验,学完全部资料即完成。</Typography.Text>
        )}
      </Card>
      <Typography.Title level={5} style={{ marginTop: 16 }}>指派记录</Typography.Title>
      <Table<Assignment> rowKey="id" size="small" columns={columns} dataSource={assignments.data?.items ?? []} loading={assignments.isFetching} pagination={false} locale={{ emptyText: '尚未指派' }} data-testid="assignment-table" />
      <LearningAssignDialog courseId={id} open={assigning} onClose={() => setAssigning(false)} />
    </>
  );
}
