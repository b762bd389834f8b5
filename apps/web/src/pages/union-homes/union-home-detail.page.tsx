import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { UNION_HOME_FACILITY_LABELS, type AssessmentStatus, type UnionHome } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { unionHomeApi, unionHomeKeys } from '../../api/union-home.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { UnionHomeProfileForm } from './union-home-profile-form.component';
import { GRADE_COLORS, STATUS_COLORS, percent } from './union-home-labels';

/** Where 有经费 comes from: the union's approved budget, else its account's income this year. */
const fundsSourceText = (f: UnionHome['fundsCheck']): string =>
  f.source === 'budget'
    ? `${f.year}年度已批准预算(职工活动、职工之家建设)${formatYuan(f.budgetFen)}`
    : f.source === 'income'
      ? `${f.year}年度经费账户收入 ${formatYuan(f.incomeFen)}(尚无已批准预算)`
      : `${f.year}年度无已批准预算,经费账户无收入`;

const CHECKS: { key: keyof UnionHome['checks']; label: string; hint: string }[] = [
  { key: 'staff', label: '有人干事', hint: '工会主席或专(兼)职干部' },
  { key: 'funds', label: '有钱办事', hint: '本年度已批准预算或经费账户收入' },
  { key: 'room', label: '有屋议事', hint: '职工之家阵地面积' },
  { key: 'rules', label: '有章理事', hint: '工作制度' },
];

/** 职工之家档案: the profile with the four checks, the assessment under way (or a start / re-evaluation) and past results. */
export function UnionHomeDetailPage() {
  const { orgId = '' } = useParams();
  const { user } = useSession();
  const canSeeBudgets = hasPermission(user, 'finance:budget:list');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: unionHomeKeys.home(orgId), queryFn: () => unionHomeApi.home(orgId) });
  const start = useMutation({
    mutationFn: () => unionHomeApi.start(orgId),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: unionHomeKeys.all });
      void navigate(`/union-homes/assessments/${r.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const h = q.data;
  if (!h) return <Card loading />;
  const c = h.current;
  return (
    <>
      <PageTitle
        title={`职工之家 · ${h.orgName}`}
        extra={
          <>
            {h.abilities.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-home">
                {h.id ? '修改档案' : '填写档案'}
              </Button>
            ) : null}
            {h.abilities.canStartAssessment ? (
              <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={() => start.mutate()} data-testid="start-assessment">
                {h.history.length > 0 ? '开始复评' : '开始自评'}
              </Button>
            ) : null}
          </>
        }
      />
      {h.id === null ? <Empty description="尚未填写职工之家档案。填写阵地、经费、制度等情况后即可开始自评。" style={{ margin: 24 }} /> : null}
      <Flex gap={12} wrap style={{ marginBottom: 12 }} data-testid="home-checks">
        {CHECKS.map((x) => (
          <Card key={x.key} size="small" style={{ minWidth: 160 }}>
            {h.checks[x.key] ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#bfbfbf' }} />} <b>{x.label}</b>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.hint}
              </Typography.Text>
            </div>
          </Card>
        ))}
      </Flex>
      <Card size="small" title="档案" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="阵地">{h.venueName || '—'}</Descriptions.Item>
          <Descriptions.Item label="地址">{h.address || '—'}</Descriptions.Item>
          <Descriptions.Item label="面积">{h.areaM2} m²</Descriptions.Item>
          <Descriptions.Item label="区县">{h.districtName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="服务设施">{h.facilities.map((f) => UNION_HOME_FACILITY_LABELS[f as keyof typeof UNION_HOME_FACILITY_LABELS] ?? f).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="年度活动经费">
            {formatYuan(h.annualFundsFen)} <Typography.Text type="secondary">(档案填报)</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="有经费">
            <span data-testid="home-funds-source">{fundsSourceText(h.fundsCheck)}</span>
            {canSeeBudgets ? (
              <Link to="/finance/budgets" style={{ marginLeft: 8 }}>
                预算与支出
              </Link>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label="本年度活动">{h.activitiesHeld} 次</Descriptions.Item>
          <Descriptions.Item label="工会主席 / 干部">{`${h.chairName || '—'} / ${h.staffCount} 人`}</Descriptions.Item>
          <Descriptions.Item label="工作制度">{h.rules.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="入会率">
            {percent(h.membershipRate)} <Typography.Text type="secondary">({h.membershipRateSource === 'entered' ? `统计年报;名册测算 ${percent(h.registryMembershipRate)}` : h.membershipRateSource === 'registry' ? '会员名册测算' : '无数据'})</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="当前考评" style={{ marginBottom: 12 }}>
        {c ? (
          <Flex gap={12} align="center" wrap>
            <span>{c.cycleYear}年度</span>
            <Tag color={STATUS_COLORS[c.status as AssessmentStatus]}>{c.statusLabel}</Tag>
            {c.gradeLabel ? <Tag color={GRADE_COLORS[c.gradeCode ?? 'none']}>{c.gradeLabel}</Tag> : null}
            {c.dueDate ? <span>有效期至 {c.dueDate}</span> : null}
            <Link to={`/union-homes/assessments/${c.assessmentId}`} data-testid="open-assessment">
              查看考评
            </Link>
          </Flex>
        ) : (
          <Typography.Text type="secondary">尚未考评</Typography.Text>
        )}
      </Card>
      <Card size="small" title="历次考评">
        <Table
          rowKey="assessmentId"
          size="small"
          pagination={false}
          dataSource={h.history}
          locale={{ emptyText: '暂无' }}
          columns={[
            { title: '年度', dataIndex: 'cycleYear', render: (v: number, r) => <Link to={`/union-homes/assessments/${r.assessmentId}`}>{v}年度</Link> },
            { title: '状态', dataIndex: 'statusLabel' },
            { title: '等级', dataIndex: 'gradeLabel', render: (v: string | null) => v ?? '—' },
            { title: '得分', dataIndex: 'finalScore', render: (v: number | null) => v ?? '—' },
            { title: '标准版本', dataIndex: 'version', render: (v: number) => `第${v}版` },
          ]}
        />
      </Card>
      <UnionHomeProfileForm home={h} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
