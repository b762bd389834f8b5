import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CADRE_POSITION_LABELS, ELECTION_METHOD_LABELS, type Cadre, type CadreYearHours } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { errorMessage } from '../../api/api-client';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PageTitle } from '../../components/page-title.component';
import { CadreFormModal } from './cadre-form-modal.component';
import { CadreLeaveModal } from './cadre-leave-modal.component';
import { TermDueTag } from './cadre-labels';

type TrainingRow = Cadre['trainings'][number];

const YEAR_COLUMNS: TableColumnsType<CadreYearHours> = [
  { title: '年度', dataIndex: 'year', width: 90 },
  { title: '参训次数', dataIndex: 'sessions', width: 100 },
  { title: '认定学时', dataIndex: 'hours', width: 100 },
  { title: '年度目标', dataIndex: 'target', width: 100 },
  { title: '达标', dataIndex: 'met', render: (v: boolean) => (v ? <Tag color="green">已达标</Tag> : <Tag color="orange">未达标</Tag>) },
];

const TRAINING_COLUMNS: TableColumnsType<TrainingRow> = [
  { title: '开班日期', dataIndex: 'startsOn', width: 110 },
  { title: '培训班', dataIndex: 'title', render: (v: string, r) => <Link to={`/cadres/trainings/${r.trainingId}`}>{v}</Link> },
  { title: '主办单位', dataIndex: 'orgName', width: 180, ellipsis: true },
  { title: '签到', dataIndex: 'signedIn', width: 80, render: (v: boolean) => (v ? '已签到' : <Tag>缺席</Tag>) },
  { title: '认定学时', dataIndex: 'hours', width: 100 },
];

/** One cadre: identity (masked), office and term, 学时 by year against the target, sessions attended. */
export function CadreDetailPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const q = useQuery({ queryKey: cadreKeys.detail(id), queryFn: () => cadreApi.get(id) });
  if (q.isPending) return <FullPageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} action={<Link to="/cadres">返回名册</Link>} />;
  const k = q.data;
  return (
    <>
      <PageTitle
        title={`工会干部:${k.name}`}
        extra={
          <>
            {k.abilities.canEdit ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-cadre">修改</Button> : null}
            {k.abilities.canLeave ? <Button danger icon={<LogoutOutlined />} onClick={() => setLeaving(true)} data-testid="leave-cadre">登记离任</Button> : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="性别">{k.gender === 'male' ? '男' : '女'}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{k.idCard}</Descriptions.Item>
            <Descriptions.Item label="手机号">{k.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所属工会">{k.orgName}</Descriptions.Item>
            <Descriptions.Item label="区县(市)">{k.districtName}</Descriptions.Item>
            <Descriptions.Item label="职务">{`${CADRE_POSITION_LABELS[k.position]}(${k.fullTime ? '专职' : '兼职'})`}</Descriptions.Item>
            <Descriptions.Item label="届次">
              {k.committeeId ? <Link to={`/cadres/committees/${k.committeeId}`}>第{k.termNo}届(至 {k.termEnd})</Link> : '未登记'} <TermDueTag state={k.termDueState} />
            </Descriptions.Item>
            <Descriptions.Item label="任职">{`${k.officeStart} 至 ${k.officeEnd ?? '—'},${ELECTION_METHOD_LABELS[k.electedHow]}`}</Descriptions.Item>
            <Descriptions.Item label="状态">{k.state === 'in_office' ? '在任' : `离任(${k.leftOn},${k.leftReason})`}</Descriptions.Item>
            <Descriptions.Item label="会员档案">{k.memberId ? `已关联(会员卡号 ${k.memberCardNo ?? '—'})` : '未关联在册会员'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="各年度培训学时">
          <Table<CadreYearHours> rowKey="year" size="small" pagination={false} columns={YEAR_COLUMNS} dataSource={k.hoursByYear} data-testid="cadre-hours" />
        </Card>
        <Card size="small" title="培训记录">
          <Table<TrainingRow> rowKey="trainingId" size="small" pagination={false} columns={TRAINING_COLUMNS} dataSource={k.trainings} locale={{ emptyText: '尚无培训记录' }} />
        </Card>
      </Flex>
      <CadreFormModal open={editing} cadre={k} onClose={() => setEditing(false)} />
      <CadreLeaveModal open={leaving} cadre={k} onClose={() => setLeaving(false)} />
    </>
  );
}
