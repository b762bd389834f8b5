import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, jobSchema, type Job } from '@gonghui/contracts';
import { findJobForUser } from './job-access.js';
import { notFound } from '../http/app-error.js';
import { authOf } from '../http/request-helpers.js';

export async function jobRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/jobs/:id', { config: { permission: 'job:job:read' }, schema: { tags: ['后台任务'], summary: '任务进度与结果', params: idParamSchema, response: { 200: jobSchema } } }, async (req) => {
    const row = await findJobForUser(app.ctx.db, authOf(req), req.params.id);
    if (!row) throw notFound('任务');
    const job: Job = {
      id: row.id,
      type: row.type,
      status: row.status as Job['status'],
      progress: { done: row.progressDone, total: row.progressTotal },
      ...(row.result !== null ? { result: row.result } : {}),
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
    return job;
  });
}
