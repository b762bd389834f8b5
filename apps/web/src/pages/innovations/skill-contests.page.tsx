import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Contest, SkillContestLevel } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { contestApi, innovationKeys, type ContestListQuery } from '../../api/innovation.api';
import { hasPermission } from '../../app/access';
import type { dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { LEVEL_OPTIONS } from './innovation-labels';

type ContestRow = Omit<Contest, 'results'>;
interface ContestValues {
  name: string;
  trade: string;
  level: SkillContestLevel;
  heldOn: dayjs.Dayjs;
  organiserOrgId: string;
}

function ContestFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ContestValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: ContestValues) => contestApi.create({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD') }),
    onSuccess: (c) => {
      void message.success('已登记技能比武');
      void queryClient.invalidateQueries({ queryKey: innovationKeys.contests });
      onClose();
      void navigate(`/skill-contests/${c.id}`);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['name', 'trade', 'level', 'heldOn', 'organiserOrgId'])),
  });
  return (
    <Modal open={open} title="登记技能比武" okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ContestValues> name="contest-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="比武名称" name="name" rules={[{ required: true, whitespace: true, min: 4, message: '比武名称至少4个字' }]}><Input maxLength={80} /></Form.Item>
        <Form.Item label="工种" name="trade" rules={[{ required: true, whitespace: true, message: '请填写工种' }]}><Input maxLength={30} placeholder="如:焊工、电工、数控车工" /></Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}><Select options={LEVEL_OPTIONS} /></Form.Item>
        <Form.Item label="比武日期" name="heldOn" rules={[{ required: true, message: '请选择比武日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item label="主办(组织)单位" name="organiserOrgId" rules={[{ required: true, message: '请选择主办单位' }]}><OrgTreeSelect placeholder="本单位或下级工会" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 技能比武: contests organised at every level, with their results (which can raise members' skill levels). */
export function SkillContestsPage() {
  const { user } = useSession();
  const [filters, setFilters] = useState<ContestListQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: innovationKeys.contestList(query), queryFn: () => contestApi.list(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<ContestRow> = [
    { title: '比武名称', dataIndex: 'name', ellipsis: true, render: (v: string, r) => <Link to={`/skill-contests/${r.id}`}>{v}</Link> },
    { title: '工种', dataIndex: 'trade', width: 110 },
    { title: '级别', dataIndex: 'levelLabel', width: 90 },
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    { title: '主办单位', dataIndex: 'organiserName', width: 200, ellipsis: true },
    { title: '成绩', dataIndex: 'resultCount', width: 80, align: 'right' },
  ];
  return (
    <>
      <PageTitle title="技能比武" extra={hasPermission(user, 'contest:contest:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记比武</Button> : null} />
      <Typography.Paragraph type="secondary">
        “五技”:岗位练兵、技能比武。登记比武和会员成绩(名次、成绩、奖项);按规定可凭成绩晋升技能等级(如高级工 → 技师),晋升记入会员档案变更记录。国家级、世界级前三名和省级第一名可作为“杭州工匠”从业年限的豁免依据。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="级别" style={{ width: 130 }} options={LEVEL_OPTIONS} onChange={(v?: SkillContestLevel) => { setFilters((f) => ({ ...f, level: v })); setPage((p) => ({ ...p, page: 1 })); }} />
      </Flex>
      <Table<ContestRow>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无技能比武' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 项`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <ContestFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
