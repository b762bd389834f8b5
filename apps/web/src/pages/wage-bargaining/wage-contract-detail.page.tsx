import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { WAGE_CONTRACT_KIND_LABELS, WAGE_CONTRACT_PHASE_LABELS, WAGE_CONTRACT_TYPE_LABELS, type WageContract, type WageRound, type WageVote } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { wageContractApi, wageContractKeys } from '../../api/wage-contract.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { WageContractActions } from './wage-contract-actions.component';
import { WageContractFormModal, type WageFormMode } from './wage-contract-form-modal.component';
import { WAGE_PHASE_COLORS, percentOfBp } from './wage-contract-labels';

/** One collective contract: parties, term and wage terms, covered enterprises, rounds, votes, filing. */
export function WageContractDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<WageFormMode | null>(null);
  const q = useQuery({ queryKey: wageContractKeys.one(id), queryFn: () => wageContractApi.get(id) });
  const changed = (next: WageContract) => {
    qc.setQueryData(wageContractKeys.one(next.id), next);
    void qc.invalidateQueries({ queryKey: wageContractKeys.all });
  };
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const c = q.data;
  if (!c) return <Card loading />;
  return (
    <>
      <PageTitle
        title={c.title}
        extra={
          <Space>
            <WageContractActions c={c} onChanged={changed} />
            {c.abilities.edit ? <Button onClick={() => setForm({ kind: 'edit', contract: c })}>修改</Button> : null}
            {c.abilities.renew ? <Button type="primary" onClick={() => setForm({ kind: 'renew', contract: c })} data-testid="wage-renew">续签</Button> : null}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态"><Tag color={WAGE_PHASE_COLORS[c.phase]} data-testid="wage-phase">{WAGE_CONTRACT_PHASE_LABELS[c.phase]}</Tag></Descriptions.Item>
        <Descriptions.Item label="类别">{WAGE_CONTRACT_KIND_LABELS[c.kind]}</Descriptions.Item>
        <Descriptions.Item label="种类">{WAGE_CONTRACT_TYPE_LABELS[c.contractType]}</Descriptions.Item>
        <Descriptions.Item label="签约工会">{c.orgName}</Descriptions.Item>
        <Descriptions.Item label="企业方首席代表">{c.employerRepresentative}</Descriptions.Item>
        <Descriptions.Item label="职工方首席代表">{c.unionRepresentative}</Descriptions.Item>
        <Descriptions.Item label="合同期限">{c.termStart} 至 {c.termEnd}</Descriptions.Item>
        <Descriptions.Item label="平均工资增长">{percentOfBp(c.wageIncreaseBp)}</Descriptions.Item>
        <Descriptions.Item label="最低工资标准">{formatYuan(c.minimumWageFen, ' 元/月')}</Descriptions.Item>
        <Descriptions.Item label="覆盖职工">{c.workersCovered} 人</Descriptions.Item>
        <Descriptions.Item label="备案">{c.filedOn ? `${c.filedOn} ${c.bureau ?? ''} ${c.filingReference ?? ''}` : '未备案'}</Descriptions.Item>
        <Descriptions.Item label="续签">
          {c.predecessorId ? <Link to={`/wage-contracts/${c.predecessorId}`}>上一期合同</Link> : null} {c.renewedById ? <Link to={`/wage-contracts/${c.renewedById}`}>下一期合同</Link> : null}
          {!c.predecessorId && !c.renewedById ? '—' : null}
        </Descriptions.Item>
        {c.area ? <Descriptions.Item label="区域或行业">{c.area}</Descriptions.Item> : null}
        {c.note ? <Descriptions.Item label="备注" span={3}>{c.note}</Descriptions.Item> : null}
      </Descriptions>
      <Card size="small" title={`覆盖企业(${c.enterpriseCount})`} style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={c.enterprises} columns={[
          { title: '企业名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 220 },
          { title: '职工人数', dataIndex: 'employeeCount', width: 100, align: 'right' },
        ]} />
      </Card>
      <Card size="small" title="协商记录" style={{ marginBottom: 16 }}>
        <Table<WageRound> rowKey="id" size="small" pagination={false} locale={{ emptyText: '尚无协商记录。草案须经协商后才能提交表决。' }} dataSource={c.rounds} data-testid="wage-rounds" columns={[
          { title: '轮次', dataIndex: 'roundNo', width: 70, render: (n: number) => `第${n}轮` },
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '地点', dataIndex: 'place', width: 160 },
          { title: '议题', dataIndex: 'topics' },
          { title: '结果', dataIndex: 'outcome' },
          { title: '记录人', dataIndex: 'recordedBy', width: 90 },
        ]} />
      </Card>
      <Card size="small" title="表决">
        <Typography.Paragraph type="secondary">须三分之二以上应到人员出席,且赞成票超过应到人数的一半(不是实到人数的一半)方为通过。</Typography.Paragraph>
        <Table<WageVote> rowKey="id" size="small" pagination={false} locale={{ emptyText: '尚未表决' }} dataSource={c.votes} data-testid="wage-votes" columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '方式', dataIndex: 'body', width: 120, render: (b: WageVote['body']) => (b === 'congress' ? '职工代表大会' : '全体职工大会') },
          { title: '应到/实到', key: 'n', width: 100, render: (_v, v) => `${v.representatives}/${v.present}` },
          { title: '赞成/反对', key: 'y', width: 100, render: (_v, v) => `${v.votesFor}/${v.votesAgainst}` },
          { title: '结果', key: 'r', render: (_v, v) => (v.passed ? <Tag color="success">通过</Tag> : <><Tag color="error">未通过</Tag>{v.reason}</>) },
        ]} />
      </Card>
      {form ? (
        <WageContractFormModal open mode={form} onClose={() => setForm(null)} onSaved={(next) => { setForm(null); changed(next); if (next.id !== c.id) void navigate(`/wage-contracts/${next.id}`); }} />
      ) : null}
    </>
  );
}
