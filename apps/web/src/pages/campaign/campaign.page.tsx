import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Skeleton, Tabs } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { campaignApi, campaignKeys } from '../../api/campaign.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { CampaignDashboardView } from './campaign-dashboard.component';
import { CampaignDonations } from './campaign-donations.component';
import { CampaignSettingsModal } from './campaign-settings-modal.component';
import { CampaignSummary } from './campaign-summary.component';

const thisYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** 春风行动: the yearly campaign's settings, its donations and its progress dashboard. */
export function CampaignPage() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const [settings, setSettings] = useState<number | Campaign | null>(null);
  const list = useQuery({ queryKey: campaignKeys.list, queryFn: campaignApi.list });
  const campaigns = list.data ?? [];
  const current = campaigns.find((c) => c.id === chosen) ?? campaigns.find((c) => c.status === 'active') ?? campaigns[0] ?? null;
  const mayCreate = hasPermission(user, 'aid:campaign:manage');
  const nextYear = campaigns.some((c) => c.year === thisYear()) ? Math.max(...campaigns.map((c) => c.year)) + 1 : thisYear();

  const status = useMutation({
    mutationFn: ({ c, to }: { c: Campaign; to: 'active' | 'closed' }) => campaignApi.setStatus(c.id, { status: to }),
    onSuccess: (c) => {
      void message.success(c.status === 'active' ? `「${c.name}」已启动` : `「${c.name}」已结束`);
      void queryClient.invalidateQueries({ queryKey: ['aid'] });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const changeStatus = (c: Campaign, to: 'active' | 'closed') =>
    modal.confirm({
      title: to === 'active' ? `启动「${c.name}」?` : `结束「${c.name}」?`,
      content: to === 'active' ? '启动后各级工会即可登记捐款、按本活动申请帮扶;同一时间只能进行一个春风行动。' : '结束后不能再登记捐款,活动设置将只读(可重新启动)。',
      okText: to === 'active' ? '启动' : '结束',
      onOk: () => status.mutateAsync({ c, to }).catch(() => undefined),
    });

  const extra = (
    <>
      {campaigns.length > 0 ? (
        <Select style={{ width: 200 }} value={current?.id} onChange={setChosen} options={campaigns.map((c) => ({ value: c.id, label: c.name }))} aria-label="选择年度活动" data-testid="campaign-select" />
      ) : null}
      {current?.abilities.canManage ? (
        <>
          <Button icon={<SettingOutlined />} onClick={() => setSettings(current)} disabled={current.status === 'closed'}>
            活动设置
          </Button>
          {current.status === 'active' ? (
            <Button icon={<PauseCircleOutlined />} onClick={() => changeStatus(current, 'closed')}>
              结束活动
            </Button>
          ) : (
            <Button icon={<PlayCircleOutlined />} onClick={() => changeStatus(current, 'active')} data-testid="campaign-start">
              {current.status === 'closed' ? '重新启动' : '启动活动'}
            </Button>
          )}
        </>
      ) : null}
      {mayCreate ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setSettings(nextYear)} data-testid="campaign-create">
          新建活动
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageTitle title="年度活动" extra={extra} />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {list.isSuccess && !current ? (
        <Card>
          <Empty description={mayCreate ? '还没有春风行动,请新建本年度活动' : '还没有春风行动'} />
        </Card>
      ) : null}
      {current ? (
        <>
          <CampaignSummary campaign={current} />
          <Tabs
            destroyOnHidden
            items={[
              { key: 'dashboard', label: '进度看板', children: <CampaignDashboardView campaignId={current.id} /> },
              { key: 'donations', label: '捐款', children: <CampaignDonations campaign={current} /> },
            ]}
          />
        </>
      ) : null}
      <CampaignSettingsModal
        target={settings}
        onClose={() => setSettings(null)}
        onSaved={(c) => {
          setSettings(null);
          setChosen(c.id);
        }}
      />
    </>
  );
}
