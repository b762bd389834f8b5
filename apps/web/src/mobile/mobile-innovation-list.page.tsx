import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { innovationKeys, myInnovationApi } from '../api/innovation.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { pendingText } from '../pages/innovations/innovation-labels';
import { MobileItemList, MobilePageTitle } from './mobile-item-list.component';

/** 职工创新 (H5): the worker's own 五小 and 合理化建议 with where each stands. */
export function MobileInnovationListPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: innovationKeys.mine, queryFn: myInnovationApi.list, staleTime: 0 });
  return (
    <>
      <MobilePageTitle>职工创新</MobilePageTitle>
      <Button type="primary" block size="large" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/innovations/new')}>
        提交五小创新或合理化建议
      </Button>
      <MobileItemList
        load={list}
        empty="您还没有提交过创新项目"
        testId="my-innovation-item"
        items={list.data?.items.map((i) => ({
          id: i.id,
          to: `/m/innovations/${i.id}`,
          title: i.title,
          tags: (
            <>
              <WorkflowStatusTag status={i.status} /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.kindLabel}</Typography.Text>
            </>
          ),
          meta: `${pendingText(i) ?? (i.reward ? `已获奖励 ${formatYuan(i.reward.amountFen)}` : i.adoption ? '已被采纳' : '')} · ${formatTime(i.createdAt, 'YYYY-MM-DD')}`,
        }))}
      />
    </>
  );
}
