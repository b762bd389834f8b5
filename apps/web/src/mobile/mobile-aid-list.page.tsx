import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { myAidApi } from '../api/aid.api';
import { queryKeys } from '../api/query-keys';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { pendingText } from '../pages/aid/aid-labels';
import { MobileItemList, MobilePageTitle } from './mobile-item-list.component';

/** 我的申请 (H5): the worker's aid applications with where each stands. */
export function MobileAidListPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: queryKeys.myAid, queryFn: myAidApi.list, staleTime: 0 });
  return (
    <>
      <MobilePageTitle>我的申请</MobilePageTitle>
      <Button type="primary" block size="large" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/aid/apply')}>
        申请帮扶
      </Button>
      <MobileItemList
        load={list}
        empty="您还没有提交过帮扶申请"
        testId="my-aid-item"
        items={list.data?.items.map((a) => ({
          id: a.id,
          to: `/m/aid/${a.id}`,
          title: `${a.categoryLabel} · ${formatYuan(a.approvedAmountFen ?? a.amountFen)}`,
          tags: <WorkflowStatusTag status={a.status} />,
          meta: `${pendingText(a) ?? (a.payout ? '已发放' : '')} · ${formatTime(a.createdAt, 'YYYY-MM-DD')}`,
        }))}
      />
    </>
  );
}
