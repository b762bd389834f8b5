import { Alert, Descriptions, Drawer, Skeleton, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { CONTRIBUTION_LEVEL_LABELS, type Contribution } from '@gonghui/contracts';
import { contributionApi, contributionKeys } from '../../api/contribution.api';
import { errorMessage } from '../../api/api-client';
import { formatYuan } from '../../components/money';
import { formatTime } from '../../app/time';
import { ContributionStatusTag } from './contribution-status-tag.component';

type Allocation = Contribution['allocations'][number];

/** 申报详情: the declaration, its receipt and its split into the unions' 经费账户. */
export function ContributionDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const one = useQuery({ queryKey: contributionKeys.one(id ?? ''), queryFn: () => contributionApi.get(id!), enabled: !!id });
  const d = one.data;
  return (
    <Drawer title="工会经费申报详情" open={!!id} onClose={onClose} size="large" destroyOnHidden>
      {one.isError ? <Alert type="error" showIcon title={errorMessage(one.error)} /> : null}
      {!d ? <Skeleton active /> : (
        <>
          <Descriptions column={2} size="small" bordered data-testid="contribution-detail">
            <Descriptions.Item label="企业" span={2}>{d.enterpriseName}({d.creditCode})</Descriptions.Item>
            <Descriptions.Item label="企业工会">{d.unionOrgName}</Descriptions.Item>
            <Descriptions.Item label="区县(市)">{d.districtName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所属月份">{d.period}</Descriptions.Item>
            <Descriptions.Item label="状态"><ContributionStatusTag row={d} /></Descriptions.Item>
            <Descriptions.Item label="工资总额">{formatYuan(d.payrollFen)}</Descriptions.Item>
            <Descriptions.Item label={`工会经费(${d.rateBp / 100}%)`}>{formatYuan(d.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="申报时间">{formatTime(d.declaredAt)}</Descriptions.Item>
            <Descriptions.Item label="拨缴截止">{d.dueOn}</Descriptions.Item>
            <Descriptions.Item label="到账日期">{d.paidOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="到账凭证号">{d.paymentReference ?? '—'}</Descriptions.Item>
            {d.note ? <Descriptions.Item label="备注" span={2}>{d.note}</Descriptions.Item> : null}
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>分成入账</h4>
          <Table<Allocation>
            rowKey="level" size="small" pagination={false} dataSource={d.allocations} data-testid="contribution-allocations"
            locale={{ emptyText: '尚未到账:确认到账后按分成比例记入各级工会经费账户' }}
            columns={[
              { title: '分成', dataIndex: 'level', render: (v: Allocation['level']) => CONTRIBUTION_LEVEL_LABELS[v] },
              { title: '入账单位', dataIndex: 'orgName', render: (v: string | null, a) => v ?? (a.level === 'province' ? '浙江省总工会(上解,不入本市账户)' : '—') },
              { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
              { title: '账务', dataIndex: 'entryId', render: (v: number | null) => (v ? <Tag color="green">已入账 #{v}</Tag> : <Tag>不入账</Tag>) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
