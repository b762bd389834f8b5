import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '@gonghui/contracts';
import { authOf } from '../http/request-helpers.js';
import { notFound } from '../http/app-error.js';
import { fileInfo, openFileStream } from './file-store.js';

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name, so Chinese file names survive. */
function dispositionHeader(type: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Content-Disposition for a download. */
export const attachmentHeader = (name: string): string => dispositionHeader('attachment', name);
/** Content-Disposition for a file the browser shows itself (an image, a PDF), under its name. */
export const inlineHeader = (name: string): string => dispositionHeader('inline', name);

export async function fileRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A generated file (an export) goes only to the user whose job made it: anyone else gets 404.
  r.get('/api/files/:id/download', { config: { permission: 'authenticated' }, schema: { tags: ['文件'], summary: '下载自己生成的文件(导出结果)', params: idParamSchema } }, async (req, reply) => {
    const info = await fileInfo(app.ctx.db, req.params.id);
    if (!info || info.createdBy !== authOf(req).user.id || (info.expiresAt && info.expiresAt.getTime() < Date.now())) throw notFound('文件');
    reply.header('content-type', info.mime).header('content-disposition', attachmentHeader(info.name)).header('x-content-type-options', 'nosniff');
    return reply.send(openFileStream(app.ctx.db, info.id));
  });
}
