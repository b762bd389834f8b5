import { sql } from 'drizzle-orm';
import { AID_EVIDENCE_MAX_FILES, AID_EVIDENCE_TYPES } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { lockedAttachments, type AttachmentHost } from '../../platform/files/attachment-list.js';
import { AID_WORKFLOW_TYPE } from './aid-workflow.js';

/** 证明材料: the `evidence` list of an application. */
export const AID_EVIDENCE_HOST: AttachmentHost = {
  table: 'aid_applications',
  column: 'evidence',
  objectType: 'aid_application',
  purpose: 'aid.evidence',
  maxFiles: AID_EVIDENCE_MAX_FILES,
  label: '证明材料',
  types: AID_EVIDENCE_TYPES,
  touch: true,
};

/**
 * Workflow action attachments: only files uploaded as evidence of THIS application (in its
 * evidence list, which only the evidence routes write), else 422 on `attachments`. Duplicates
 * are dropped.
 */
export async function checkAttachments(tx: Db, applicationId: string, ids: readonly string[]): Promise<string[]> {
  const own = new Set((await lockedAttachments(tx, AID_EVIDENCE_HOST, applicationId)).map((e) => e.fileId));
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (wanted.some((id) => !own.has(id))) throw invalidField('attachments', '附件只能选择本申请已上传的证明材料');
  return wanted;
}

/** True when a file is an attachment of one of the application's timeline entries. */
export async function isTimelineAttachment(db: Db, applicationId: string, fileId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM workflow_events e JOIN workflow_instances w ON w.id = e.instance_id
        WHERE w.business_type = ${AID_WORKFLOW_TYPE} AND w.business_id = ${applicationId} AND e.attachments @> ${JSON.stringify([fileId])}::jsonb) AS ok`,
  );
  return row?.ok === true;
}
