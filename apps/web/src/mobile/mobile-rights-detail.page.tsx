import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Radio, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { RIGHTS_SATISFACTIONS, RIGHTS_SATISFACTION_LABELS, type RightsCase, type RightsSatisfaction } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/api-client';
import { myRightsApi, rightsKeys } from '../api/rights.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { RightsOutcome, RightsSteps } from '../pages/rights/rights-case-facts.component';
import { RightsPhaseTag } from '../pages/rights/rights-labels';

interface RateValues { satisfaction: RightsSatisfaction; comment?: string }

/** 求助进度 (H5): the request, the union's steps and outcome, 撤回 before acceptance, and the one satisfaction rating after closing. */
export function MobileRightsDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RateValues>();
  const detail = useQuery({ queryKey: rightsKeys.myOne(id), queryFn: () => myRightsApi.get(id), staleTime: 0 });
  const changed = (text: string) => (c: RightsCase) => {
    queryClient.setQueryData(rightsKeys.myOne(id), c);
    void queryClient.invalidateQueries({ queryKey: rightsKeys.mine, exact: true });
    void message.success(text);
  };
  const withdraw = useMutation({ mutationFn: () => myRightsApi.withdraw(id), onSuccess: changed('已撤回'), onError: (e) => void message.error(errorMessage(e)) });
  const rate = useMutation({ mutationFn: (v: RateValues) => myRightsApi.rate(id, { satisfaction: v.satisfaction, comment: v.comment?.trim() || undefined }), onSuccess: changed('感谢您的评价'), onError: (e) => void message.error(errorMessage(e)) });
  const title = (
    <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
      求助进度
    </Typography.Title>
  );
  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) return <>{title}{detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="求助记录不存在" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}</>;
  const c = detail.data;
  return (
    <>
      {title}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'no', label: '编号', children: c.caseNo },
            { key: 'phase', label: '状态', children: <RightsPhaseTag phase={c.phase} /> },
            { key: 'category', label: '类别', children: `${c.categoryLabel}(${c.urgencyLabel})` },
            { key: 'enterprise', label: '用人单位', children: c.enterpriseName },
            { key: 'org', label: '承办工会', children: c.orgName },
            ...(c.amountClaimedFen ? [{ key: 'claimed', label: '诉求金额', children: formatYuan(c.amountClaimedFen) }] : []),
            { key: 'at', label: '求助时间', children: formatTime(c.receivedAt, 'YYYY-MM-DD HH:mm') },
            ...(c.workflow.status === 'in_review' && c.dueDate ? [{ key: 'due', label: c.phase === 'new' ? '受理时限' : '办结时限', children: c.dueDate }] : []),
            { key: 'text', label: '情况描述', children: c.description },
          ]}
        />
      </Card>
      <Card size="small" title="办理进展" style={{ marginBottom: 12 }}>
        <RightsSteps c={c} />
      </Card>
      <Card size="small" title="办理结果" style={{ marginBottom: 12 }}>
        <RightsOutcome c={c} />
      </Card>
      {c.abilities.canRate ? (
        <Card size="small" title="评价办理情况" style={{ marginBottom: 12 }} data-testid="rights-rate">
          <Form<RateValues> form={form} layout="vertical" name="rights-rate" onFinish={(v) => rate.mutate(v)}>
            <Form.Item name="satisfaction" label="您对办理结果是否满意?" extra="每件求助只能评价一次" rules={[{ required: true, message: '请选择满意度' }]}>
              <Radio.Group options={RIGHTS_SATISFACTIONS.map((s) => ({ value: s, label: RIGHTS_SATISFACTION_LABELS[s] }))} optionType="button" buttonStyle="solid" />
            </Form.Item>
            <Form.Item name="comment" label="意见建议">
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={rate.isPending} data-testid="rights-rate-submit">提交评价</Button>
          </Form>
        </Card>
      ) : null}
      {c.abilities.canWithdraw ? (
        <Button danger block size="large" style={{ marginBottom: 8 }} loading={withdraw.isPending} onClick={() => modal.confirm({ title: '撤回求助?', content: '撤回后工会不再办理,如仍需帮助可重新求助。', okText: '撤回', okButtonProps: { danger: true }, onOk: () => withdraw.mutateAsync().catch(() => undefined) })}>
          撤回求助
        </Button>
      ) : null}
      <Button block onClick={() => void navigate('/m/rights')}>返回我的求助</Button>
    </>
  );
}
