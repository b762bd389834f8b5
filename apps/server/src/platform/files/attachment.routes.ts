import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { attachmentParamSchema, idParamSchema, type PermissionCode } from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import { invalidField } from '../http/app-error.js';
import { appendAttachment, attachmentType, checkRoom, findAttachment, removeAttachment, storeAttachment, type AttachmentAccess, type AttachmentHost } from './attachment-list.js';
import { attachmentHeader, inlineHeader } from './file.routes.js';
import { deleteFile, openFileStream, type StoredFileInfo } from './file-store.js';
import { EVIDENCE_KINDS } from './file-kind.js';

/** The shown file may not run anything: images in a sandbox; a PDF only in the browser's viewer. */
const FILE_CSP: Record<string, string> = {
  'application/pdf': "default-src 'none'; object-src 'self'; img-src 'self' data: blob:; style-src 'unsafe-inline'; frame-ancestors 'none'",
  image: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
};

/**
 * One side's attachment routes of a kind of record: `POST {base}/:id/{segment}` (multipart `type`
 * then `file`), `GET` and `DELETE {base}/:id/{segment}/:fileId`. The module says who may do what
 * (`access`, scope first) and what to answer after a change (`result`).
 */
export interface AttachmentRouteSpec<T> {
  host: AttachmentHost;
  base: string;
  segment: string;
  tags: string[];
  view: PermissionCode;
  change: PermissionCode;
  /** who may change, for the API docs */
  who: string;
  access(req: FastifyRequest, id: string): Promise<AttachmentAccess>;
  result(req: FastifyRequest, id: string): Promise<T>;
  resultSchema: z.ZodType<T>;
}

/** Reads the multipart upload after the rules allowed it; a wrong `type` stops it before the file is stored. */
async function receive<T>(app: FastifyInstance, spec: AttachmentRouteSpec<T>, req: FastifyRequest, id: string): Promise<T> {
  const db = app.ctx.db;
  const access = await spec.access(req, id);
  checkRoom(spec.host, access);
  let stored: StoredFileInfo | null = null;
  let type: string | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || stored) {
          part.file.resume();
          continue;
        }
        if (type !== undefined) attachmentType(spec.host, type);
        stored = await storeAttachment(db, spec.host, access, authOf(req).user.id, part.file, part.filename || spec.host.label);
      } else if (part.fieldname === 'type' && typeof part.value === 'string') type = part.value;
    }
  } catch (e) {
    if (stored) await deleteFile(db, stored.id);
    throw e;
  }
  if (!stored) throw invalidField('file', '请选择要上传的文件');
  await appendAttachment(db, spec.host, actorOf(req), id, stored, type, () => spec.access(req, id));
  return spec.result(req, id);
}

/**
 * Streams a stored attachment under its name, with a CSP that runs nothing: images and PDF shown in
 * the browser, Word and Excel files downloaded.
 */
export function sendAttachment(app: FastifyInstance, reply: FastifyReply, info: StoredFileInfo): FastifyReply {
  const viewable = info.mime === 'application/pdf' || info.mime.startsWith('image/');
  reply
    .header('content-type', info.mime)
    .header('content-length', String(info.size))
    .header('content-disposition', viewable ? inlineHeader(info.name) : attachmentHeader(info.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP[info.mime] ?? FILE_CSP.image!);
  return reply.send(openFileStream(app.ctx.db, info.id));
}

/** Registers upload, view and delete for one side (staff or the worker's H5) of a kind of record. */
export function registerAttachmentRoutes<T>(app: FastifyInstance, spec: AttachmentRouteSpec<T>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tags, host } = spec;
  const path = `${spec.base}/:id/${spec.segment}`;
  // the answer's type is the module's (`resultSchema` still validates and documents it)
  const upload: FastifySchema = { tags, summary: `上传${host.label}(multipart:type、file;${(host.kinds ?? EVIDENCE_KINDS).map((k) => k.toUpperCase()).join('/')},≤10MB;${spec.who})`, consumes: ['multipart/form-data'], params: idParamSchema, response: { 201: spec.resultSchema } };
  const remove: FastifySchema = { tags, summary: `删除${host.label}(${spec.who})`, params: attachmentParamSchema, response: { 200: spec.resultSchema } };
  r.post<{ Params: { id: string } }>(path, { config: { permission: spec.change }, schema: upload }, async (req, reply) => reply.code(201).send(await receive(app, spec, req, req.params.id)));
  r.get(`${path}/:fileId`, { config: { permission: spec.view }, schema: { tags, summary: `查看${host.label}(在浏览器中打开)`, params: attachmentParamSchema } }, async (req, reply) => {
    const access = await spec.access(req, req.params.id);
    return sendAttachment(app, reply, await findAttachment(app.ctx.db, host, access, req.params.fileId));
  });
  r.delete<{ Params: { id: string; fileId: string } }>(`${path}/:fileId`, { config: { permission: spec.change }, schema: remove }, async (req) => {
    await removeAttachment(app.ctx.db, host, actorOf(req), req.params.id, req.params.fileId, await spec.access(req, req.params.id));
    return spec.result(req, req.params.id);
  });
}
