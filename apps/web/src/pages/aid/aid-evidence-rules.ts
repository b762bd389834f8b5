import { AID_EVIDENCE_LABELS, AID_EVIDENCE_TYPES, type AidApplication, type AidEvidence, type AidEvidenceType } from '@gonghui/contracts';
import type { EvidenceApi } from '../../api/aid.api';
import { evidenceLabel } from './aid-labels';

export const EVIDENCE_OPTIONS: { value: AidEvidenceType; label: string }[] = AID_EVIDENCE_TYPES.map((value) => ({ value, label: AID_EVIDENCE_LABELS[value] }));

const FINISHED: readonly AidApplication['status'][] = ['publicity', 'approved', 'rejected', 'withdrawn'];

/** The server's rule, to show the upload: the filer side of a draft or returned case, or a reviewer of the current step. */
export function canAddEvidence(app: AidApplication): boolean {
  const a = app.abilities;
  return !FINISHED.includes(app.status) && (a.canEdit || a.canApprove || a.canRecordVisit);
}

/** Deleting: a draft or returned case, the filer side. */
export function canRemoveEvidence(app: AidApplication): boolean {
  return (app.status === 'draft' || app.status === 'returned') && app.abilities.canEdit;
}

/** 收入证明:工资单.pdf */
export function evidenceTitle(e: Pick<AidEvidence, 'type' | 'name'>): string {
  return `${evidenceLabel(e.type)}${e.name ? `:${e.name}` : ''}`;
}

/** Timeline attachments as links to the files, named after the evidence (a removed one by its number). */
export function attachmentLinkOf(app: AidApplication, api: EvidenceApi): (fileId: string, index: number) => { href: string; label: string } {
  const byId = new Map(app.evidence.map((e) => [e.fileId, e]));
  return (fileId, index) => {
    const e = byId.get(fileId);
    return { href: api.href(app.id, fileId), label: e ? evidenceTitle(e) : `附件${index + 1}` };
  };
}
