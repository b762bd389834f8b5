import { useState } from 'react';
import { App, Button } from 'antd';
import { ApartmentOutlined, EditOutlined, SendOutlined, StopOutlined, ThunderboltOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { errorMessage } from '../../api/api-client';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { ActivityDrawModal } from './activity-draw-modal.component';
import { ActivityFormModal } from './activity-form-modal.component';
import { QuotaModal } from './quota-modal.component';
import { NominateModal } from './nominate-modal.component';
import { ReasonModal, type ReasonRequest } from './reason-modal.component';

type DialogKind = 'edit' | 'quota' | 'draw' | 'nominate';
/** The activity as it was when the dialog opened (a background refetch must not reset a form being filled in). */
interface Dialog {
  kind: DialogKind;
  activity: Activity;
}

/** The buttons the server's abilities (and the user's codes) allow on this activity, with their dialogs. */
export function ActivityActions({ activity: a }: { activity: Activity }) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const canNominate = hasPermission(user, 'activity:enrolment:manage') && a.status === 'published' && a.phase === 'open';

  const open = (kind: DialogKind) => setDialog({ kind, activity: a });
  const close = () => setDialog(null);
  const shown = (kind: DialogKind): Activity | null => (dialog?.kind === kind ? dialog.activity : null);

  const refresh = (next: Activity) => {
    queryClient.setQueryData(activityKeys.detail(next.id), next);
    void queryClient.invalidateQueries({ queryKey: activityKeys.all });
  };

  const publish = useMutation({
    mutationFn: () => activityApi.publish(a.id),
    onSuccess: (next) => {
      void message.success('活动已发布,会员可在报名时间内报名');
      refresh(next);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const confirmPublish = () =>
    modal.confirm({
      title: `发布活动「${a.title}」?`,
      content: `发布后会员可在 ${formatTime(a.signupOpensAt, 'YYYY-MM-DD HH:mm')} 至 ${formatTime(a.signupClosesAt, 'YYYY-MM-DD HH:mm')} 报名;发布后不能再修改活动内容。`,
      okText: '发布',
      cancelText: '再看看',
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });

  const askCancel = () =>
    setReasonRequest({
      title: `取消活动:${a.title}`,
      description: `取消后全部报名(报名成功、候补、待抽签共 ${a.confirmed + a.waitlisted + a.pendingLottery} 人)随之取消,并通知相关会员;取消不能撤销。`,
      okText: '取消活动',
      confirmTitle: `确认取消活动「${a.title}」?`,
      submit: async (reason) => {
        const next = await activityApi.cancel(a.id, reason);
        void message.success('活动已取消,已通知报名会员');
        refresh(next);
      },
    });

  return (
    <>
      {a.abilities.canEdit ? (
        <Button icon={<EditOutlined />} onClick={() => open('edit')} data-testid="activity-edit">
          编辑
        </Button>
      ) : null}
      {a.abilities.canPublish ? (
        <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} onClick={confirmPublish} data-testid="activity-publish">
          发布
        </Button>
      ) : null}
      {a.abilities.canAllocate ? (
        <Button icon={<ApartmentOutlined />} onClick={() => open('quota')} data-testid="activity-allocate">
          分配名额
        </Button>
      ) : null}
      {canNominate ? (
        <Button icon={<UserAddOutlined />} onClick={() => open('nominate')} data-testid="activity-nominate">
          推荐报名
        </Button>
      ) : null}
      {a.abilities.canDraw ? (
        <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => open('draw')} data-testid="activity-draw">
          抽签
        </Button>
      ) : null}
      {a.abilities.canCancel ? (
        <Button danger icon={<StopOutlined />} onClick={askCancel} data-testid="activity-cancel">
          取消活动
        </Button>
      ) : null}
      <ActivityFormModal target={shown('edit')} onClose={close} onSaved={refresh} />
      <QuotaModal
        offering={shown('quota')}
        formName="activity-quota-form"
        orgExtra="须为主办单位的下级工会"
        allocate={activityApi.allocateQuota}
        detailKey={activityKeys.detail}
        allKey={activityKeys.all}
        onClose={close}
      />
      <ActivityDrawModal activity={shown('draw')} onClose={close} />
      <NominateModal activity={shown('nominate')} onClose={close} />
      <ReasonModal request={reasonRequest} onClose={() => setReasonRequest(null)} />
    </>
  );
}
