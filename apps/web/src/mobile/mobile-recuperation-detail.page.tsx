import { Alert, App, Button, Card, Descriptions, Empty, Form, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { MemberRecuperationBatch } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/api-client';
import { memberRecuperationApi, memberRecuperationKeys, type CompanionInput } from '../api/recuperation-member.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { RecuperationCompanionsFields } from '../pages/recuperation/recuperation-companions-fields.component';
import { priorityText } from '../pages/recuperation/recuperation-labels';
import { PhaseTag, enrolmentText, placesLeft, signupWindowText } from './mobile-activity-labels';
import { MyRecuperationTag, holdsPlace } from './mobile-recuperation-labels';

const title = (
  <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
    疗休养详情
  </Typography.Title>
);

function BatchFacts({ batch: b }: { batch: MemberRecuperationBatch }) {
  const left = placesLeft(b);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div style={{ marginBottom: 6 }}>
        <Tag color="cyan">{b.location}</Tag>
        <PhaseTag phase={b.phase} />
        <MyRecuperationTag enrolment={b.myEnrolment} />
      </div>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }} data-testid="recuperation-title">
        {b.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'org', label: '主办单位', children: b.orgName },
          { key: 'base', label: '基地线路', children: `${b.baseName} · ${b.routeName}` },
          { key: 'stay', label: '行程日期', children: `${b.startDate} 至 ${b.endDate}(${b.days}天,含路途)` },
          { key: 'cost', label: '每人费用', children: `${formatYuan(b.costPerPerson)}(每天 ${formatYuan(b.allowancePerDay)})` },
          { key: 'window', label: '报名时间', children: signupWindowText(b) },
          {
            key: 'places',
            label: '名额',
            children: (
              <span data-testid="recuperation-places-left">
                共 {b.capacity} 个,剩余 <Typography.Text type={left > 0 ? 'success' : 'danger'}>{left}</Typography.Text> 个
              </span>
            ),
          },
          ...(b.cancelUntil ? [{ key: 'cancelUntil', label: '取消截止', children: formatTime(b.cancelUntil, 'YYYY-MM-DD HH:mm') }] : []),
          { key: 'who', label: '报名对象', children: `${priorityText(b)}${b.selfSignup ? '' : ',仅限工会推荐'}` },
        ]}
      />
      {b.rulesText.length > 0 ? (
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }} data-testid="recuperation-rules">
          {b.rulesText.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      ) : null}
      {b.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{b.description}</Typography.Paragraph> : null}
    </Card>
  );
}

/** 疗休养详情 (H5): the batch, its itinerary, 报名 with companions (at their own cost) or why not, and 取消报名. */
export function MobileRecuperationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ companions?: CompanionInput[] }>();
  const detail = useQuery({ queryKey: memberRecuperationKeys.detail(id), queryFn: () => memberRecuperationApi.get(id), staleTime: 0 });

  const refresh = () => void queryClient.invalidateQueries({ queryKey: memberRecuperationKeys.all });
  const signUp = useMutation({
    mutationFn: (companions: CompanionInput[]) => memberRecuperationApi.signUp(id, companions),
    onSuccess: () => form.resetFields(),
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: () => memberRecuperationApi.cancel(id),
    onSuccess: (b) => {
      signUp.reset();
      queryClient.setQueryData(memberRecuperationKeys.detail(id), b);
      void message.success('已取消报名');
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: refresh,
  });
  const confirmCancel = () =>
    modal.confirm({
      title: '取消疗休养报名?',
      content: '取消后名额将让给其他职工,随行家属一并取消;如需参加须重新报名(名额可能已满)。',
      okText: '取消报名',
      cancelText: '再想想',
      okButtonProps: { danger: true },
      onOk: () => cancel.mutateAsync().catch(() => undefined),
    });
  const back = (
    <Button block onClick={() => void navigate('/m/recuperation')}>
      返回疗休养
    </Button>
  );

  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) {
    return (
      <>
        {title}
        {detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="批次不存在或已结束" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}
        <div style={{ marginTop: 12 }}>{back}</div>
      </>
    );
  }
  const b = detail.data;
  const mine = b.myEnrolment;
  const live = holdsPlace(mine);
  return (
    <>
      {title}
      <BatchFacts batch={b} />
      <Card size="small" title="行程安排" style={{ marginBottom: 12 }}>
        {b.itinerary ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="recuperation-itinerary">
            {b.itinerary}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">行程安排以主办单位通知为准</Typography.Text>
        )}
      </Card>
      {mine && live ? (
        <Card size="small" title="我的报名" style={{ marginBottom: 12 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'status', label: '结果', children: <span data-testid="my-enrolment-text">{mine.statusLabel}{mine.source === 'nominated' ? '(工会推荐)' : ''}</span> },
              {
                key: 'companions',
                label: '随行家属',
                children:
                  mine.companions.length > 0
                    ? mine.companions.map((c) => `${c.name}(${c.relationLabel},自费 ${formatYuan(c.ownCost)})`).join(';')
                    : '无',
              },
            ]}
          />
        </Card>
      ) : null}
      {signUp.data ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={enrolmentText(signUp.data)} data-testid="signup-result" /> : null}
      {signUp.isError ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(signUp.error)} data-testid="signup-error" /> : null}
      {!live ? (
        b.refusal === null ? (
          <Card size="small" title="随行家属(可选,费用自理)" style={{ marginBottom: 12 }}>
            <Form form={form} name="recuperation-signup-form" layout="vertical" onFinish={(v) => signUp.mutate((v.companions ?? []).map((c) => ({ name: c.name.trim(), relation: c.relation })))}>
              <RecuperationCompanionsFields costPerPerson={b.costPerPerson} />
              <Button
                type="primary"
                block
                size="large"
                htmlType="submit"
                autoInsertSpace={false}
                style={{ marginTop: 12, height: 48, fontSize: 17 }}
                loading={signUp.isPending}
                data-testid="signup-button"
              >
                报名
              </Button>
            </Form>
          </Card>
        ) : (
          <Typography.Paragraph type="warning" style={{ textAlign: 'center' }} data-testid="signup-refusal">
            {b.refusal}
          </Typography.Paragraph>
        )
      ) : null}
      {mine?.canCancel ? (
        <Button danger block size="large" style={{ marginBottom: 8 }} loading={cancel.isPending} onClick={confirmCancel} data-testid="cancel-signup-button">
          取消报名
        </Button>
      ) : null}
      {back}
    </>
  );
}
