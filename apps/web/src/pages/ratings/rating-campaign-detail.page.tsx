import { useState } from 'react';
import { Button, Descriptions, Popconfirm, Skeleton, Tabs, Tag, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { RATING_STATE_LABELS, type RatingCampaign } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ratingApi, ratingKeys } from '../../api/rating.api';
import { PageTitle } from '../../components/page-title.component';
import { RatingBallots } from './rating-ballots.component';
import { RatingCampaignFormModal } from './rating-campaign-form-modal.component';
import { RatingGroupsEditor } from './rating-groups-editor.component';
import { RatingInvitations } from './rating-invitations.component';
import { pct, RATING_STATE_COLORS } from './rating-labels';
import { RatingResultsView } from './rating-results.component';
import { RatingUnitsEditor } from './rating-units-editor.component';

const STEPS = [
  { step: 'open', ability: 'canOpen', label: '开始测评', confirm: '开始后被测评单位与群体权重不能再修改,测评码开始生效。' },
  { step: 'close', ability: 'canClose', label: '结束测评', confirm: '结束后所有未使用的测评码失效。' },
  { step: 'publish', ability: 'canPublish', label: '发布结果', confirm: '发布后结果定稿,不能再剔除或恢复答卷。' },
] as const;

function Actions({ c, onEdit }: { c: RatingCampaign; onEdit: () => void }) {
  const qc = useQueryClient();
  const step = useMutation({
    mutationFn: (s: (typeof STEPS)[number]['step']) => ratingApi.step(c.id, s),
    onSuccess: (n) => {
      qc.setQueryData(ratingKeys.one(n.id), n);
      void qc.invalidateQueries({ queryKey: ratingKeys.all });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <>
      {c.abilities.canEdit ? <Button onClick={onEdit}>修改设置</Button> : null}
      {STEPS.filter((s) => c.abilities[s.ability]).map((s) => (
        <Popconfirm key={s.step} title={`${s.label}?`} description={s.confirm} onConfirm={() => step.mutate(s.step)}>
          <Button type="primary" loading={step.isPending} data-testid={`rating-${s.step}`}>{s.label}</Button>
        </Popconfirm>
      ))}
    </>
  );
}

/** One campaign: settings and state steps, units, weighted groups, invitation codes, ballots and flags, results. */
export function RatingCampaignDetailPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ratingKeys.one(id), queryFn: () => ratingApi.get(id) });
  const c = q.data;
  if (!c) return <Skeleton active />;
  const tabs = [
    {
      key: 'overview',
      label: '概况',
      children: (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label="组织单位">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="状态"><Tag color={RATING_STATE_COLORS[c.state]}>{RATING_STATE_LABELS[c.state]}</Tag></Descriptions.Item>
          <Descriptions.Item label="测评时间">{c.startsOn} 至 {c.endsOn}</Descriptions.Item>
          <Descriptions.Item label="参评人数">{c.raters}(异常答卷 {c.flagged})</Descriptions.Item>
          <Descriptions.Item label="满意单位线">{pct(c.satisfiedMinBp)}</Descriptions.Item>
          <Descriptions.Item label="不满意单位线">{pct(c.dissatisfiedBelowBp)}</Descriptions.Item>
          <Descriptions.Item label="会员登录参评">{c.allowMembers ? `允许(${c.groups.find((g) => g.forMembers)?.name ?? '未指定群体'})` : '不允许'}</Descriptions.Item>
          <Descriptions.Item label="异常检测">{c.burstWindowMinutes}分钟内同一设备超过{c.burstIpLimit}份,或同一单位完全相同答卷达{c.burstSameAnswerLimit}份</Descriptions.Item>
          <Descriptions.Item label="说明" span={2}>{c.description ?? '—'}</Descriptions.Item>
        </Descriptions>
      ),
    },
    { key: 'units', label: `被测评单位(${c.unitList.length})`, children: <RatingUnitsEditor key={c.unitList.map((u) => u.id + u.name).join()} campaign={c} /> },
    { key: 'groups', label: '测评群体与权重', children: <RatingGroupsEditor key={c.groups.map((g) => g.id + g.weightBp).join()} campaign={c} /> },
    ...(c.abilities.canInvite ? [{ key: 'codes', label: '测评码', children: <RatingInvitations campaign={c} /> }] : []),
    ...(c.abilities.canReview ? [{ key: 'ballots', label: '答卷与异常', children: <RatingBallots campaign={c} /> }] : []),
    { key: 'results', label: '测评结果', children: <RatingResultsView campaign={c} /> },
  ];
  return (
    <>
      <PageTitle title={c.title} extra={<Actions c={c} onEdit={() => setEditing(true)} />} />
      <Tabs items={tabs} destroyOnHidden />
      <RatingCampaignFormModal open={editing} campaign={c} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void q.refetch(); }} />
    </>
  );
}
