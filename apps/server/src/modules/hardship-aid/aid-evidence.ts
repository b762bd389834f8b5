import { sql } from 'drizzle-orm';
import type { AidEvidence } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { AID_WORKFLOW_TYPE } from './aid-workflow.js';

/** The stored files' purpose for 证明材料. */
export const AID_EVIDENCE_PURPOSE = 'aid.evidence';

/**
 * The application's evidence list, locked for the rest of the transaction (an upload, a deletion
 * and an action with attachments on the same application run one after the other).
 */
export async function lockedEvidence(tx: Db, applicationId: string): Promise<AidEvidence[]> {
  const [row] = await queryRows<{ evidence: AidEvidence[] }>(tx, sql`SELECT evidence FROM aid_applications WHERE id = ${applicationId} FOR UPDATE`);
  return Array.isArray(row?.evidence) ? row.evidence : [];
}

/**
 * Workflow action attachments: only files uploaded as evidence of THIS application (in its
 * evidence list, which only the evidence routes write), else 422 on `attachments`. Duplicates
 * are dropped.
 */
export async function checkAttachments(tx: Db, applicationId: string, ids: readonly string[]): Promise<string[]> {
  const own = new Set((await lockedEvidence(tx, applicationId)).map((e) => e.fileId));
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
