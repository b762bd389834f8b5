import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { SKILL_LEVELS, type Contest, type ContestResult } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { contestApi, innovationKeys, type ContestResultBody } from '../../api/innovation.api';
import { MemberSelect } from '../../components/member-select.component';
import { PageTitle } from '../../components/page-title.component';

function ResultModal({ contest, open, onClose }: { contest: Contest; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ContestResultBody>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: ContestResultBody) => contestApi.addResult(contest.id, { ...v, award: v.award?.trim() || undefined }),
    onSuccess: (next) => {
      queryClient.setQueryData(innovationKeys.contest(contest.id), next);
      void queryClient.invalidateQueries({ queryKey: innovationKeys.contests });
      void message.success('已登记成绩');
      form.resetFields();
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['memberId', 'rank', 'score', 'award', 'raiseSkillTo'])),
  });
  return (
    <Modal open={open} title="登记成绩" okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ContestResultBody> name="contest-result-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="会员" name="memberId" rules={[{ required: true, message: '请选择会员' }]}><MemberSelect /></Form.Item>
        <Form.Item label="名次" name="rank" rules={[{ required: true, message: '请填写名次' }]}><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item label="成绩" name="score"><InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} /></Form.Item>
        <Form.Item label="奖项" name="award"><Input maxLength={40} placeholder="如:一等奖、金牌" /></Form.Item>
        <Form.Item label="晋升技能等级" name="raiseSkillTo" extra="按比武规程可晋升的,选择晋升后的等级(须高于现有等级),记入会员档案">
          <Select allowClear placeholder="不晋升" options={SKILL_LEVELS.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 比武详情: the contest and its results for members in the user's scope. */
export function SkillContestDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const detail = useQuery({ queryKey: innovationKeys.contest(id), queryFn: () => contestApi.get(id) });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/skill-contests')}>返回列表</Button>;
  if (detail.isPending) return <><PageTitle title="技能比武" extra={back} /><Skeleton active /></>;
  if (detail.isError) return <><PageTitle title="技能比武" extra={back} />{detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="比武不存在或不在您的数据范围内" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}</>;
  const c = detail.data;
  const columns: TableColumnsType<ContestResult> = [
    { title: '名次', dataIndex: 'rank', width: 70 },
    { title: '姓名', dataIndex: 'memberName', width: 100 },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true },
    { title: '成绩', dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
    { title: '奖项', dataIndex: 'award', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '技能等级', key: 'skill', width: 200, render: (_v, r) => (r.skillLevelAfter ? <Tag color="green">{r.skillLevelBefore ?? '无'} → {r.skillLevelAfter}</Tag> : '—') },
  ];
  return (
    <>
      <PageTitle title={c.name} extra={back} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }} items={[
          { key: 'trade', label: '工种', children: c.trade },
          { key: 'level', label: '级别', children: c.levelLabel },
          { key: 'date', label: '日期', children: c.heldOn },
          { key: 'org', label: '主办单位', children: c.organiserName },
        ]} />
      </Card>
      <Card size="small" title="成绩(本范围内的会员)" extra={c.abilities.canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记成绩</Button> : null}>
        <Table<ContestResult> rowKey="id" size="small" pagination={false} columns={columns} dataSource={c.results} locale={{ emptyText: '暂无成绩' }} />
      </Card>
      <ResultModal contest={c} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
