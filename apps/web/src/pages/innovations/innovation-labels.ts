import { INNOVATION_ATTACHMENT_LABELS, INNOVATION_ATTACHMENT_TYPES, INNOVATION_KINDS, INNOVATION_KIND_LABELS, SKILL_CONTEST_LEVELS, SKILL_CONTEST_LEVEL_LABELS, type InnovationListItem } from '@gonghui/contracts';

export const KIND_OPTIONS = INNOVATION_KINDS.map((k) => ({ value: k, label: INNOVATION_KIND_LABELS[k] }));
export const STATUS_OPTIONS = [
  { value: 'draft', label: '草稿' },
  { value: 'in_review', label: '审核中' },
  { value: 'returned', label: '已退回修改' },
  { value: 'approved', label: '市级认定' },
  { value: 'rejected', label: '未通过' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'adopted', label: '已采纳' },
] as const;
export const ATTACHMENT_OPTIONS = INNOVATION_ATTACHMENT_TYPES.map((t) => ({ value: t, label: INNOVATION_ATTACHMENT_LABELS[t] }));
export const attachmentLabel = (type: string): string => (INNOVATION_ATTACHMENT_LABELS as Record<string, string>)[type] ?? type;
export const LEVEL_OPTIONS = SKILL_CONTEST_LEVELS.map((l) => ({ value: l, label: SKILL_CONTEST_LEVEL_LABELS[l] }));

export const KIND_HELP = '五小:小发明、小创造、小革新、小设计、小建议;合理化建议:对生产经营、管理、安全、服务的改进建议。';

/** Where the item waits, in words (for the submitter and the lists). */
export function pendingText(i: Pick<InnovationListItem, 'status' | 'workflow'>): string | null {
  if (i.status === 'in_review') return `待${i.workflow.assigneeOrgName ?? ''}${i.workflow.stepLabel ?? '审核'}`;
  if (i.status === 'returned') return '已退回,请按意见修改后重新提交';
  if (i.status === 'draft') return '草稿,尚未提交';
  return null;
}

/** Who: the worker or the team. */
export const whoText = (i: Pick<InnovationListItem, 'teamName' | 'memberName' | 'teamMembers'>): string =>
  i.teamName ? `${i.teamName}(${i.teamMembers.map((m) => m.name).join('、')})` : (i.memberName ?? '');
