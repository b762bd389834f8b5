import type { Innovation } from '@gonghui/contracts';
import { innovationApi, type InnovationAction } from '../../api/innovation.api';
import { OpinionActionModal, type OpinionActionText } from '../../components/opinion-action-modal.component';

const TEXT: Record<InnovationAction, OpinionActionText> = {
  submit: { title: '提交审核', ok: '提交', required: false },
  approve: { title: '同意', ok: '同意', required: false },
  reject: { title: '不同意', ok: '不同意', required: true, danger: true },
  return: { title: '退回修改', ok: '退回', required: true },
  withdraw: { title: '撤回', ok: '撤回', required: false, danger: true },
  reopen: { title: '重新审核', ok: '重新审核', required: true },
};

interface Props {
  inv: Innovation;
  action: InnovationAction | null;
  onClose: () => void;
  onDone: (next: Innovation) => void;
}

/** A workflow action with its opinion (required for 不同意、退回、重新审核: the submitter sees it). */
export function InnovationActionModal({ inv, action, onClose, onDone }: Props) {
  return <OpinionActionModal record={inv} action={action} texts={TEXT} audience="申报人" name="innovation-action-form" maxLength={1000} run={(a, opinion) => innovationApi.act(inv.id, { action: a, opinion })} onClose={onClose} onDone={onDone} />;
}
