import { useState } from 'react';
import { Button, Form, Modal, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { PayoutBatchStatus } from '@gonghui/contracts';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { BatchTable } from './batch-table.component';
import { PAYOUT_BATCH_STATUS_LABELS } from './fund-labels';
import { PayoutTable } from './payout-table.component';
import { useBatchActions } from './use-batch-actions.hook';

type BatchTab = PayoutBatchStatus | 'all' | 'payouts';

/** Choose the fund whose pending payouts make the new batch. */
function ChooseFundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [fundId, setFundId] = useState<string | undefined>(undefined);
  const funds = useQuery({ queryKey: queryKeys.fundList({ status: 'active', pageSize: 200, for: 'batch' }), queryFn: () => ledgerApi.list({ status: 'active', pageSize: 200 }), enabled: open });
  const { confirmCreate } = useBatchActions(onClose);
  const fund = funds.data?.items.find((f) => f.id === fundId);
  return (
    <Modal open={open} title="生成代发批次" okText="下一步" okButtonProps={{ disabled: !fund }} onOk={() => fund && confirmCreate(fund)} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label="资金" extra="该资金所有待代发的支付(收款人已登记银行账号)将纳入新批次">
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择资金"
            loading={funds.isPending}
            value={fundId}
            onChange={setFundId}
            options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}(余额 ${formatYuan(f.balanceFen)})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 代发批次: bank batches (export the file, confirm paid) and every payout in scope. */
export function PayoutBatchesPage() {
  const { user } = useSession();
  const [tab, setTab] = useState<BatchTab>('exported');
  const [choosing, setChoosing] = useState(false);
  return (
    <>
      <PageTitle
        title="代发批次"
        extra={
          hasPermission(user, 'ledger:payout:export') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setChoosing(true)}>
              生成代发批次
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as BatchTab)}
        items={[
          { key: 'exported', label: PAYOUT_BATCH_STATUS_LABELS.exported },
          { key: 'paid', label: PAYOUT_BATCH_STATUS_LABELS.paid },
          { key: 'all', label: '全部批次' },
          { key: 'payouts', label: '支付记录' },
        ]}
      />
      {tab === 'payouts' ? <PayoutTable /> : <BatchTable key={tab} status={tab === 'all' ? undefined : tab} />}
      <ChooseFundModal open={choosing} onClose={() => setChoosing(false)} />
    </>
  );
}
