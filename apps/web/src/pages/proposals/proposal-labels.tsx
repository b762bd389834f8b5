import { Tag } from 'antd';
import {
  PROPOSAL_ASSESSMENT_LABELS,
  PROPOSAL_COLLECTION_STATUS_LABELS,
  PROPOSAL_COLLECTION_STATUSES,
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STATUSES,
  type ProposalAssessment,
  type ProposalCollectionStatus,
  type ProposalStatus,
} from '@gonghui/contracts';

const COLLECTION_COLORS: Record<ProposalCollectionStatus, string> = { draft: 'default', collecting: 'processing', assessing: 'gold', voting: 'purple', closed: 'success' };
const STATUS_COLORS: Record<ProposalStatus, string> = { pending: 'orange', public: 'green', blocked: 'red', merged: 'default' };

export const COLLECTION_STATUS_OPTIONS = PROPOSAL_COLLECTION_STATUSES.map((s) => ({ value: s, label: PROPOSAL_COLLECTION_STATUS_LABELS[s] }));
export const PROPOSAL_STATUS_OPTIONS = PROPOSAL_STATUSES.map((s) => ({ value: s, label: PROPOSAL_STATUS_LABELS[s] }));
export const ASSESSMENT_OPTIONS = [
  { value: 'feasible', label: '可行' },
  { value: 'infeasible', label: '不可行' },
  { value: 'none', label: '未评估' },
];

export function CollectionStatusTag({ status }: { status: ProposalCollectionStatus }) {
  return <Tag color={COLLECTION_COLORS[status]}>{PROPOSAL_COLLECTION_STATUS_LABELS[status]}</Tag>;
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{PROPOSAL_STATUS_LABELS[status]}</Tag>;
}

export function AssessmentTag({ assessment }: { assessment: ProposalAssessment | null }) {
  if (!assessment) return <Tag>未评估</Tag>;
  return <Tag color={assessment === 'feasible' ? 'green' : 'red'}>{PROPOSAL_ASSESSMENT_LABELS[assessment]}</Tag>;
}

/** The next phases a collection may move to, with the button text. */
export const NEXT_PHASES: Record<ProposalCollectionStatus, { to: ProposalCollectionStatus; label: string; danger?: boolean }[]> = {
  draft: [{ to: 'collecting', label: '发布,开始征集' }],
  collecting: [{ to: 'assessing', label: '截止征集,开始评估' }, { to: 'draft', label: '退回草稿', danger: true }],
  assessing: [{ to: 'voting', label: '开始投票' }, { to: 'closed', label: '结束(不投票)' }, { to: 'collecting', label: '重新开放征集', danger: true }],
  voting: [{ to: 'closed', label: '结束投票' }, { to: 'assessing', label: '退回评估', danger: true }],
  closed: [],
};
