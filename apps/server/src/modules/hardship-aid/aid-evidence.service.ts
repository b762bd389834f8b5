import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { AID_EVIDENCE_MAX_BYTES, AID_EVIDENCE_MAX_FILES, aidEvidenceTypeSchema, type AidApplication, type AidEvidence } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { EVIDENCE_KINDS } from '../../platform/files/file-kind.js';
import { deleteFile, fileInfo, storeFile, type StoredFileInfo } from '../../platform/files/file-store.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import type { AidApplicationRow } from './aid-application.repository.js';
import { getAidApplication, loadAidCase, visibleAidRow, type AidContext } from './aid-application.service.js';
import { AID_EVIDENCE_PURPOSE, isTimelineAttachment, lockedEvidence } from './aid-evidence.js';

/** Who asks: staff (`/api/aid`) or the worker on the H5 (`/api/m/aid`, their own applications only). */
export interface EvidenceCaller {
  auth: AuthContext;
  /** the H5 routes: only an application the caller filed or that is about their member record */
  mine: boolean;
}

const FINISHED = ['publicity', 'approved', 'rejected', 'withdrawn'];

async function caseFor(ctx: AidContext, c: EvidenceCaller, id: string): Promise<{ row: AidApplicationRow; app: AidApplication }> {
  const found = await loadAidCase(ctx, c.auth, id);
  if (c.mine && found.row.filed_by !== c.auth.user.id && found.row.member_id !== c.auth.user.memberId) throw notFound('帮扶申请');
  return found;
}

/**
 * May the caller add 证明材料 now? Checked before the upload is read: 404 outside scope, 409 once
 * the case is in 公示 or finished, 403 unless the caller is the filer side of a draft / returned
 * application or a reviewer of the current step (abilities canEdit, canApprove, canRecordVisit),
 * 422 when the list is full.
 */
export async function checkEvidenceUpload(ctx: AidContext, c: EvidenceCaller, id: string): Promise<AidApplicationRow> {
  const { row, app } = await caseFor(ctx, c, id);
  if (FINISHED.includes(app.status)) throw conflict('申请已进入公示或已办结,不能再上传证明材料', 'ILLEGAL_TRANSITION');
  const a = app.abilities;
  if (!(a.canEdit || a.canApprove || a.canRecordVisit)) {
    throw forbidden(app.status === 'in_review' ? '申请审核中,只有当前环节的审核人可以补充证明材料' : '您不能为该申请上传证明材料', 'NOT_YOUR_STEP');
  }
  if (row.evidence.length >= AID_EVIDENCE_MAX_FILES) throw invalidField('file', `证明材料最多${AID_EVIDENCE_MAX_FILES}份`);
  return row;
}

/** Parses the multipart `type` field. */
export function evidenceType(value: string | undefined): AidEvidence['type'] {
  const parsed = aidEvidenceTypeSchema.safeParse(value);
  if (!parsed.success) throw invalidField('type', '请选择材料类型');
  return parsed.data;
}

/** Stores the upload: JPG, PNG or PDF by its bytes (else 422), at most 10 MB (else 413). */
export function storeEvidenceFile(ctx: AidContext, c: EvidenceCaller, row: AidApplicationRow, source: Readable, name: string): Promise<StoredFileInfo> {
  return storeFile(ctx.db, source, { name, purpose: AID_EVIDENCE_PURPOSE, kinds: EVIDENCE_KINDS, maxBytes: AID_EVIDENCE_MAX_BYTES, createdBy: c.auth.user.id, orgId: row.org_id });
}

/** Appends a stored upload to the evidence list (the rules checked again); a refusal deletes the file. */
export async function attachEvidence(ctx: AidContext, c: EvidenceCaller, actor: Actor, id: string, file: StoredFileInfo, type: string | undefined): Promise<AidApplication> {
  try {
    const entryType = evidenceType(type);
    const row = await checkEvidenceUpload(ctx, c, id);
    const self = row.member_id === c.auth.user.memberId;
    const entry: AidEvidence = {
      fileId: file.id,
      type: entryType,
      name: file.name,
      mime: file.mime,
      size: file.size,
      uploadedAt: file.createdAt.toISOString(),
      uploadedBy: `${c.auth.user.name}${self ? '(本人)' : `(${c.auth.user.orgName})`}`,
    };
    await ctx.db.transaction(async (tx) => {
      if ((await lockedEvidence(tx, id)).length >= AID_EVIDENCE_MAX_FILES) throw invalidField('file', `证明材料最多${AID_EVIDENCE_MAX_FILES}份`);
      await tx.execute(sql`UPDATE aid_applications SET evidence = evidence || ${JSON.stringify([entry])}::jsonb, updated_at = now() WHERE id = ${id}`);
      const added = { fileId: file.id, type: entryType, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256 };
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'aid_application', objectId: id, detail: { evidence: { added } } }, true);
    });
  } catch (e) {
    await deleteFile(ctx.db, file.id);
    throw e;
  }
  return getAidApplication(ctx, c.auth, id);
}

/**
 * A file of an application the caller can see, when it is in the application's evidence list or
 * attached to one of its timeline entries (and was uploaded as evidence of its unit); else 404.
 */
export async function findEvidenceFile(ctx: AidContext, c: EvidenceCaller, id: string, fileId: string): Promise<StoredFileInfo> {
  const row = c.mine ? (await caseFor(ctx, c, id)).row : await visibleAidRow(ctx, c.auth, id);
  const wanted = fileId.toLowerCase();
  const listed = row.evidence.some((e) => e.fileId === wanted) || (await isTimelineAttachment(ctx.db, id, wanted));
  const info = listed ? await fileInfo(ctx.db, wanted) : null;
  if (!info || info.purpose !== AID_EVIDENCE_PURPOSE || info.orgId !== row.org_id) throw notFound('证明材料');
  return info;
}

/**
 * Removes a 证明材料 from a draft or returned application (the filer side only): 409 in any other
 * status, 403 for others. The stored file goes too, unless a timeline entry cites it.
 */
export async function deleteEvidence(ctx: AidContext, c: EvidenceCaller, actor: Actor, id: string, fileId: string): Promise<AidApplication> {
  const { app } = await caseFor(ctx, c, id);
  if (app.status !== 'draft' && app.status !== 'returned') throw conflict('只有草稿或退回修改的申请可以删除证明材料', 'ILLEGAL_TRANSITION');
  if (!app.abilities.canEdit) throw forbidden('只有申请人或代办工会可以删除证明材料');
  const target = fileId.toLowerCase();
  await ctx.db.transaction(async (tx) => {
    const list = await lockedEvidence(tx, id);
    const gone = list.find((e) => e.fileId === target);
    if (!gone) throw notFound('证明材料');
    await tx.execute(sql`UPDATE aid_applications SET evidence = ${JSON.stringify(list.filter((e) => e !== gone))}::jsonb, updated_at = now() WHERE id = ${id}`);
    const cited = await isTimelineAttachment(tx, id, target);
    if (!cited) await deleteFile(tx, target);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'aid_application', objectId: id, detail: { evidence: { removed: { fileId: gone.fileId, type: gone.type, name: gone.name ?? null, fileKept: cited } } } }, true);
  });
  return getAidApplication(ctx, c.auth, id);
}
