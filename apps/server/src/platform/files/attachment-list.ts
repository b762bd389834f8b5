import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { ATTACHMENT_MAX_BYTES, type Attachment } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { invalidField, notFound } from '../http/app-error.js';
import { EVIDENCE_KINDS, type UploadKind } from './file-kind.js';
import { deleteFile, fileInfo, storeFile, type StoredFileInfo } from './file-store.js';

/**
 * Where a kind of record keeps its attachments: a jsonb array column of `Attachment` on its table,
 * written only through these functions (and the routes of attachment.routes.ts).
 */
export interface AttachmentHost {
  table: string;
  column: string;
  /** audit object type of the record */
  objectType: string;
  /** the stored files' purpose (a file of another purpose is never served as one of these) */
  purpose: string;
  maxFiles: number;
  /** what the UI calls them: 证明材料, 报名材料 ... */
  label: string;
  /** the `type` codes an upload may carry */
  types: readonly string[];
  /** also set `updated_at = now()` on the record */
  touch?: boolean;
  /** the kinds taken (by their bytes); default JPG, PNG and PDF */
  kinds?: readonly UploadKind[];
}

/** What the caller may do with one record's attachments, as its module decides (scope first: 404 outside). */
export interface AttachmentAccess {
  /** the record's union: its files are stored under it and served only for it */
  orgId: string;
  list: Attachment[];
  /** shown beside the file: `王芳(本人)`, `张敏(西湖区总工会)` */
  uploadedBy: string;
  /** throws (409 / 403) when the caller may not add files now */
  checkUpload(): void;
  /** throws when the caller may not remove files now */
  checkDelete(): void;
  /** other places of the record citing a file (a timeline entry): such a file may be viewed and is kept on removal */
  cites?(db: Db, fileId: string): Promise<boolean>;
}

/** The `type` field of an upload, else 422 on `type`. */
export function attachmentType(host: AttachmentHost, value: string | undefined): string {
  if (value === undefined || !host.types.includes(value)) throw invalidField('type', '请选择材料类型');
  return value;
}

/** Before the upload is read: the caller's right, and room in the list (422 on `file` when full). */
export function checkRoom(host: AttachmentHost, access: AttachmentAccess): void {
  access.checkUpload();
  if (access.list.length >= host.maxFiles) throw invalidField('file', `${host.label}最多${host.maxFiles}份`);
}

/** The record's list, locked for the rest of the transaction (uploads and removals on one record run one after the other). */
export async function lockedAttachments(tx: Db, host: AttachmentHost, id: string): Promise<Attachment[]> {
  const [row] = await queryRows<{ list: Attachment[] }>(tx, sql`SELECT ${sql.identifier(host.column)} AS list FROM ${sql.identifier(host.table)} WHERE id = ${id} FOR UPDATE`);
  return Array.isArray(row?.list) ? row.list : [];
}

/** Stores an upload under the record's union: JPG, PNG or PDF (or the host's kinds) by its bytes (else 422), at most 10 MB (else 413). */
export function storeAttachment(db: Db, host: AttachmentHost, access: AttachmentAccess, userId: string, source: Readable, name: string): Promise<StoredFileInfo> {
  return storeFile(db, source, { name, purpose: host.purpose, kinds: host.kinds ?? EVIDENCE_KINDS, maxBytes: ATTACHMENT_MAX_BYTES, createdBy: userId, orgId: access.orgId });
}

/** The list's file ids before and after, for the audit row (security.md item 11). */
function fileIdsChange(before: readonly Attachment[], after: readonly Attachment[]): { before: string[]; after: string[] } {
  return { before: before.map((e) => e.fileId), after: after.map((e) => e.fileId) };
}

/**
 * Appends a stored upload to the record's list, audited in the same transaction. `recheck` loads
 * the caller's access again (the record may have moved on while the file was read); any refusal
 * deletes the stored file.
 */
export async function appendAttachment(
  db: Db,
  host: AttachmentHost,
  actor: Actor,
  id: string,
  file: StoredFileInfo,
  type: string | undefined,
  recheck: () => Promise<AttachmentAccess>,
): Promise<Attachment> {
  try {
    const entryType = attachmentType(host, type);
    const access = await recheck();
    checkRoom(host, access);
    const entry: Attachment = { fileId: file.id, type: entryType, name: file.name, mime: file.mime, size: file.size, uploadedAt: file.createdAt.toISOString(), uploadedBy: access.uploadedBy };
    await db.transaction(async (tx) => {
      const list = await lockedAttachments(tx, host, id);
      if (list.length >= host.maxFiles) throw invalidField('file', `${host.label}最多${host.maxFiles}份`);
      const touch = host.touch ? sql`, updated_at = now()` : sql``;
      await tx.execute(sql`UPDATE ${sql.identifier(host.table)} SET ${sql.identifier(host.column)} = ${sql.identifier(host.column)} || ${JSON.stringify([entry])}::jsonb ${touch} WHERE id = ${id}`);
      const added = { fileId: file.id, type: entryType, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256 };
      await recordAudit(tx, actor, { action: 'data.update', objectType: host.objectType, objectId: id, detail: { [host.column]: { added, ...fileIdsChange(list, [...list, entry]) } } }, true);
    });
    return entry;
  } catch (e) {
    await deleteFile(db, file.id);
    throw e;
  }
}

/** Removes one file from the record's list (404 when not in it); the stored file goes too unless the record cites it elsewhere. */
export async function removeAttachment(db: Db, host: AttachmentHost, actor: Actor, id: string, fileId: string, access: AttachmentAccess): Promise<void> {
  access.checkDelete();
  const target = fileId.toLowerCase();
  await db.transaction(async (tx) => {
    const list = await lockedAttachments(tx, host, id);
    const gone = list.find((e) => e.fileId === target);
    if (!gone) throw notFound(host.label);
    const touch = host.touch ? sql`, updated_at = now()` : sql``;
    await tx.execute(sql`UPDATE ${sql.identifier(host.table)} SET ${sql.identifier(host.column)} = ${JSON.stringify(list.filter((e) => e !== gone))}::jsonb ${touch} WHERE id = ${id}`);
    const cited = access.cites ? await access.cites(tx, target) : false;
    if (!cited) await deleteFile(tx, target);
    const removed = { fileId: gone.fileId, type: gone.type, name: gone.name ?? null, fileKept: cited };
    await recordAudit(tx, actor, { action: 'data.update', objectType: host.objectType, objectId: id, detail: { [host.column]: { removed, ...fileIdsChange(list, list.filter((e) => e !== gone)) } } }, true);
  });
}

/** A file of the record: in its list or cited by it, stored for this purpose under the record's union; else 404. */
export async function findAttachment(db: Db, host: AttachmentHost, access: AttachmentAccess, fileId: string): Promise<StoredFileInfo> {
  const wanted = fileId.toLowerCase();
  const listed = access.list.some((e) => e.fileId === wanted) || (access.cites ? await access.cites(db, wanted) : false);
  const info = listed ? await fileInfo(db, wanted) : null;
  if (!info || info.purpose !== host.purpose || info.orgId !== access.orgId) throw notFound(host.label);
  return info;
}
