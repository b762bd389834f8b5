import { PassThrough, type Writable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authOf } from '../http/request-helpers.js';
import { invalid } from '../http/app-error.js';
import { storeFile } from '../files/file-store.js';
import { UPLOAD_ZIP_LIMITS } from '../files/zip-directory.js';
import { SPREADSHEET_KINDS } from '../files/file-kind.js';
import { attachmentHeader } from '../files/file.routes.js';
import { recordAudit } from '../audit/audit.service.js';
import { actorOf } from '../http/request-helpers.js';
import type { ColumnSpec } from './column-spec.js';
import { writeXlsx, type CellValue } from './xlsx-writer.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const truthy = (v: string | undefined) => ['true', '1', 'on'].includes((v ?? '').toLowerCase());

/**
 * Receives a multipart import upload (field `file`, flags `dryRun`, `updateExisting`), stores the
 * file (type by magic bytes, size limited) and queues the import job acting for the caller.
 */
export async function queueImportUpload(app: FastifyInstance, req: FastifyRequest, jobType: string, objectType: string): Promise<string> {
  const auth = authOf(req);
  let fileId: string | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || fileId) {
        part.file.resume();
        continue;
      }
      const stored = await storeFile(app.ctx.db, part.file, { name: part.filename || objectType, purpose: `${jobType}`, kinds: SPREADSHEET_KINDS, createdBy: auth.user.id, orgId: auth.user.orgId, maxBytes: app.ctx.config.uploadLimitBytes, zipLimits: { ...UPLOAD_ZIP_LIMITS, maxTotalUncompressed: app.ctx.config.uploadUnzippedLimitBytes }, expiresAt: new Date(Date.now() + 7 * 86_400_000) });
      fileId = stored.id;
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!fileId) throw invalid([{ path: 'file', message: '请选择要导入的文件(.xlsx 或 .csv)' }]);
  const payload = { fileId, dryRun: truthy(fields.dryRun), updateExisting: truthy(fields.updateExisting), userId: auth.user.id, maxUnzippedBytes: app.ctx.config.uploadUnzippedLimitBytes };
  const jobId = await app.ctx.jobs.enqueue(jobType, payload, { createdBy: auth.user.id, orgId: auth.user.orgId, maxAttempts: 5 });
  await recordAudit(app.ctx.db, actorOf(req), { action: 'data.import', objectType, objectId: jobId, detail: { fileId, dryRun: payload.dryRun, updateExisting: payload.updateExisting, requested: true } });
  return jobId;
}

/** Streams an xlsx produced by `write` as a download. */
export function sendXlsx(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<unknown>): FastifyReply {
  const out = new PassThrough();
  void write(out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(fileName));
  return reply.send(out);
}

/** An import template: the header row of the columns and one example row. */
export function writeTemplate(out: Writable, name: string, columns: ColumnSpec[], example: Record<string, CellValue>): Promise<number> {
  async function* rows() {
    yield example;
  }
  return writeXlsx(out, { name, columns: columns.map((c) => ({ header: c.label, key: c.key, width: 16 })), rows: rows() });
}
