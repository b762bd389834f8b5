import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ENROLMENT_MODE_LABELS, type MemberActivity, type SignupResult } from '@gonghui/contracts';
import { memberActivityApi, memberActivityKeys } from '../api/activity-member.api';
import { ApiError, errorMessage } from '../api/api-client';
import { formatTime } from '../app/time';
import { needsSignupDetails } from '../components/activity-programme';
import { MobileActivityFacts } from './mobile-activity-facts.component';
import { enrolmentText, isLive } from './mobile-activity-labels';
import { MobileActivitySignupDrawer } from './mobile-activity-signup-drawer.component';
import { MobileSignupDocuments } from './mobile-signup-documents.component';

const title = (
  <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
    活动详情
  </Typography.Title>
);

/** 活动详情 (H5): the activity, 报名条件, 报名 (or why not), my result, 取消报名 and the 签到二维码. */
export function MobileActivityDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: memberActivityKeys.detail(id), queryFn: () => memberActivityApi.get(id), staleTime: 0 });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: memberActivityKeys.all });
  const signUp = useMutation({ mutationFn: () => memberActivityApi.signUp(id), onSettled: refresh });
  // 小候鸟 / 集体婚礼 / 圆梦计划: 报名 opens a form for what the sign-up must carry
  const [formOpen, setFormOpen] = useState(false);
  const [formResult, setFormResult] = useState<SignupResult | null>(null);
  const signedUp = signUp.data ?? formResult;
  const cancel = useMutation({
    mutationFn: () => memberActivityApi.cancel(id),
    onSuccess: (a: MemberActivity) => {
      signUp.reset();
      setFormResult(null);
      queryClient.setQueryData(memberActivityKeys.detail(id), a);
      void message.success('已取消报名');
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: refresh,
  });
  const confirmCancel = () =>
    modal.confirm({
      title: '取消报名?',
      content: '取消后名额将让给其他职工,如需参加须重新报名(名额可能已满)。',
      okText: '取消报名',
      cancelText: '再想想',
      okButtonProps: { danger: true },
      onOk: () => cancel.mutateAsync().catch(() => undefined),
    });

  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) {
    return (
      <>
        {title}
        {detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="活动不存在或已结束" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}
        <Button block style={{ marginTop: 12 }} onClick={() => void navigate('/m/activities')}>
          返回活动列表
        </Button>
      </>
    );
  }
  const a = detail.data;
  const mine = a.myEnrolment;
  const live = isLive(mine);
  const withForm = needsSignupDetails(a.type);
  return (
    <>
      {title}
      <MobileActivityFacts activity={a} />
      <Card size="small" title="报名条件" style={{ marginBottom: 12 }}>
        {a.rulesText.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="activity-rules">
            {a.rulesText.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">本单位及下属工会会员均可报名</Typography.Text>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          报名方式:{ENROLMENT_MODE_LABELS[a.mode]}
          {a.waitlist ? ',名额满后可候补' : ''}
        </Typography.Paragraph>
      </Card>
      {mine ? (
        <Card size="small" title="我的报名" style={{ marginBottom: 12 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'status', label: '结果', children: <span data-testid="my-enrolment-text">{enrolmentText(mine)}</span> },
              ...(mine.checkedInAt ? [{ key: 'checkedIn', label: '签到', children: `已签到(${formatTime(mine.checkedInAt, 'MM-DD HH:mm')})` }] : []),
            ]}
          />
        </Card>
      ) : null}
      {mine && live ? <MobileSignupDocuments activity={a} mine={mine} /> : null}
      {signedUp ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={enrolmentText(signedUp)} data-testid="signup-result" /> : null}
      {signUp.isError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(signUp.error)} data-testid="signup-error" /> : null}
      {!live ? (
        <>
          <Button
            type="primary"
            block
            size="large"
            autoInsertSpace={false}
            style={{ marginBottom: 8, height: 48, fontSize: 17 }}
            disabled={a.refusal !== null}
            loading={signUp.isPending}
            onClick={() => (withForm ? setFormOpen(true) : signUp.mutate())}
            data-testid="signup-button"
          >
            {withForm ? '填写信息并报名' : '报名'}
          </Button>
          {a.refusal !== null ? (
            <Typography.Paragraph type="warning" style={{ textAlign: 'center' }} data-testid="signup-refusal">
              {a.refusal}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
      {mine?.status === 'confirmed' ? (
        <Button type="primary" block size="large" icon={<QrcodeOutlined />} style={{ marginBottom: 8 }} onClick={() => void navigate(`/m/activities/${a.id}/qr`)} data-testid="check-in-code-button">
          签到二维码
        </Button>
      ) : null}
      {mine?.canCancel ? (
        <Button danger block size="large" style={{ marginBottom: 8 }} loading={cancel.isPending} onClick={confirmCancel} data-testid="cancel-signup-button">
          取消报名
        </Button>
      ) : null}
      <Button block onClick={() => void navigate('/m/activities')}>
        返回活动列表
      </Button>
      {withForm ? (
        <MobileActivitySignupDrawer
          activity={a}
          open={formOpen}
          onClose={() => setFormOpen(false)}
          onSignedUp={(r) => {
            setFormOpen(false);
            setFormResult(r);
            void message.success(enrolmentText(r));
            refresh();
          }}
        />
      ) : null}
    </>
  );
}
