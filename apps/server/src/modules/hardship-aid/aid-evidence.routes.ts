import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { aidApplicationSchema, aidEvidenceParamSchema, idParamSchema, type AidApplication, type PermissionCode } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { invalidField } from '../../platform/http/app-error.js';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { deleteFile, openFileStream, type StoredFileInfo } from '../../platform/files/file-store.js';
import type { AidContext } from './aid-application.service.js';
import { attachEvidence, checkEvidenceUpload, deleteEvidence, evidenceType, findEvidenceFile, storeEvidenceFile, type EvidenceCaller } from './aid-evidence.service.js';

/** The shown file may not run anything: images in a sandbox; a PDF only in the browser's viewer. */
const FILE_CSP: Record<string, string> = {
  'application/pdf': "default-src 'none'; object-src 'self'; img-src 'self' data: blob:; style-src 'unsafe-inline'; frame-ancestors 'none'",
  image: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
};

/**
 * Reads a multipart evidence upload (`type`, then `file`) after the rules allowed it: the file is
 * stored (kind by its bytes, size limited) and appended to the application's evidence list.
 */
async function receiveEvidence(ctx: AidContext, req: FastifyRequest, id: string, mine: boolean): Promise<AidApplication> {
  const caller: EvidenceCaller = { auth: authOf(req), mine };
  const row = await checkEvidenceUpload(ctx, caller, id);
  let stored: StoredFileInfo | null = null;
  let type: string | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || stored) {
          part.file.resume();
          continue;
        }
        if (type !== undefined) evidenceType(type); // a wrong type stops the upload before it is stored
        stored = await storeEvidenceFile(ctx, caller, row, part.file, part.filename || '证明材料');
      } else if (part.fieldname === 'type' && typeof part.value === 'string') type = part.value;
    }
  } catch (e) {
    if (stored) await deleteFile(ctx.db, stored.id);
    throw e;
  }
  if (!stored) throw invalidField('file', '请选择要上传的文件(JPG、PNG 或 PDF)');
  return attachEvidence(ctx, caller, actorOf(req), id, stored, type);
}

async function sendEvidence(ctx: AidContext, req: FastifyRequest, reply: FastifyReply, id: string, fileId: string, mine: boolean): Promise<FastifyReply> {
  const info = await findEvidenceFile(ctx, { auth: authOf(req), mine }, id, fileId);
  reply
    .header('content-type', info.mime)
    .header('content-length', String(info.size))
    .header('content-disposition', inlineHeader(info.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP[info.mime] ?? FILE_CSP.image!);
  return reply.send(openFileStream(ctx.db, info.id));
}

/** 证明材料 of aid applications: upload (multipart `type` + `file`), view, delete; staff and the worker's H5. */
export async function aidEvidenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动·帮扶申请'];
  const sides: { base: string; mine: boolean; view: PermissionCode; change: PermissionCode; who: string }[] = [
    { base: '/api/aid/applications', mine: false, view: 'aid:application:list', change: 'aid:application:create', who: '填报方(草稿、退回时)或当前环节审核人' },
    { base: '/api/m/aid/applications', mine: true, view: 'aid:application:apply', change: 'aid:application:apply', who: '职工本人(草稿、退回时)' },
  ];
  for (const s of sides) {
    r.post(
      `${s.base}/:id/evidence`,
      { config: { permission: s.change }, schema: { tags, summary: `上传证明材料(multipart:type、file;JPG/PNG/PDF,≤10MB;${s.who})`, consumes: ['multipart/form-data'], params: idParamSchema, response: { 201: aidApplicationSchema } } },
      async (req, reply) => reply.code(201).send(await receiveEvidence(app.ctx, req, req.params.id, s.mine)),
    );
    r.get(`${s.base}/:id/evidence/:fileId`, { config: { permission: s.view }, schema: { tags, summary: '查看证明材料或办理附件(在浏览器中打开)', params: aidEvidenceParamSchema } }, (req, reply) =>
      sendEvidence(app.ctx, req, reply, req.params.id, req.params.fileId, s.mine),
    );
    r.delete(`${s.base}/:id/evidence/:fileId`, { config: { permission: s.change }, schema: { tags, summary: '删除证明材料(草稿或退回时,填报方)', params: aidEvidenceParamSchema, response: { 200: aidApplicationSchema } } }, (req) =>
      deleteEvidence(app.ctx, { auth: authOf(req), mine: s.mine }, actorOf(req), req.params.id, req.params.fileId),
    );
  }
}
