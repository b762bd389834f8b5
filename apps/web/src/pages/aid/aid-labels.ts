import {
  AID_CATEGORIES,
  AID_CATEGORY_LABELS,
  AID_EVIDENCE_LABELS,
  PAYOUT_STATUS_LABELS,
  WORKFLOW_STATUS_CODES,
  WORKFLOW_STATUS_LABELS,
  type AidApplication,
  type AidCategory,
  type WorkflowStatusCode,
} from '@gonghui/contracts';
import type { AidAction, AidBox, AidSettings } from '../../api/contract-types';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';

export const CATEGORY_OPTIONS: { value: AidCategory; label: string }[] = AID_CATEGORIES.map((value) => ({ value, label: AID_CATEGORY_LABELS[value] }));
export const STATUS_OPTIONS: { value: WorkflowStatusCode; label: string }[] = WORKFLOW_STATUS_CODES.map((value) => ({ value, label: WORKFLOW_STATUS_LABELS[value] }));

export const CATEGORY_HELP = '助困:生活困难;助医:本人或家属患病、医疗费用负担重;助学:子女就学;应急救助:突发事故、灾害;其他:如反哺等。';

export const BOX_TABS: readonly { key: AidBox; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'inbox', label: '待我审核' },
  { key: 'mine', label: '我填报的' },
];

export function evidenceLabel(type: string): string {
  return (AID_EVIDENCE_LABELS as Record<string, string>)[type] ?? type;
}

export function payoutStatusLabel(status: string): string {
  return (PAYOUT_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export interface ActionText {
  title: string;
  ok: string;
  done: string;
  /** a written opinion is required (the server answers 422 otherwise) */
  opinionRequired: boolean;
  danger: boolean;
}

export const ACTION_TEXT: Record<AidAction, ActionText> = {
  submit: { title: '提交申请', ok: '提交', done: '已提交', opinionRequired: false, danger: false },
  approve: { title: '审核同意', ok: '同意', done: '已同意', opinionRequired: false, danger: false },
  reject: { title: '审核不同意', ok: '不同意', done: '已办结(未通过)', opinionRequired: true, danger: true },
  return: { title: '退回修改', ok: '退回', done: '已退回申请人修改', opinionRequired: true, danger: true },
  withdraw: { title: '撤回申请', ok: '撤回', done: '已撤回', opinionRequired: false, danger: true },
  reopen: { title: '重新审核', ok: '重新审核', done: '已重新进入复审', opinionRequired: true, danger: false },
};

const publicityText = (settings: AidSettings | undefined): string => {
  if (!settings) return '同意后进入公示,公示期满无异议即批准。';
  if (settings.publicityDays === 0) return '同意后进入公示;公示天数设为 0,可立即做「公示期满处理」转为已批准。';
  return `同意后进入公示(${settings.publicityDays} 天,公示页面姓名脱敏),公示期满无异议即批准。`;
};

/** What an action does to this case, in a sentence for the confirmation dialog. */
export function actionExplanation(app: AidApplication, action: AidAction, settings: AidSettings | undefined): string {
  switch (action) {
    case 'submit':
      return '提交后进入基层工会初审,审核期间不能修改。';
    case 'withdraw':
      return '撤回后申请办结,如仍需帮扶须重新申请。';
    case 'reject':
      return '不同意后申请办结(未通过),复审单位可重新审核。请写明理由,申请人可以看到。';
    case 'return':
      return '退回后由申请人或代办工会修改后重新提交。请写明需要补充或修改的内容。';
    case 'reopen':
      return '重新审核后,申请回到区县(市)总工会复审。请写明重新审核的原因。';
    case 'approve':
      if (app.workflow.stepKey === 'grassroots_review') return '同意后转区县(市)总工会复审;复审前须完成入户调查并由申请人签署收入核查授权书。';
      if (app.workflow.stepKey === 'district_review' && settings && app.amountFen > settings.cityApprovalThresholdFen) {
        return `申请金额超过 ${formatYuan(settings.cityApprovalThresholdFen)},同意后报市总工会审批。`;
      }
      return publicityText(settings);
  }
}

/** What the case waits for now, the last line of its timeline. */
export function pendingText(app: Pick<AidApplication, 'status' | 'workflow' | 'payout'>): string | null {
  const w = app.workflow;
  switch (app.status) {
    case 'draft':
      return '草稿,待提交';
    case 'returned':
      return '已退回,待修改后重新提交';
    case 'in_review':
      return `待${w.assigneeOrgName ?? ''}「${w.stepLabel ?? '审核'}」${w.stepDueDate ? `,办理时限 ${w.stepDueDate}` : ''}`;
    case 'publicity':
      return `公示中,${formatTime(w.publicityEndsAt, 'YYYY-MM-DD HH:mm')} 期满`;
    case 'approved':
      return app.payout ? null : '已批准,待发放';
    default:
      return null;
  }
}
