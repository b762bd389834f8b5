import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, or } from 'drizzle-orm';
import { idParamSchema, jobSchema, type Job } from '@gonghui/contracts';
import { scopePredicate } from '../access/data-scope.js';
import { notFound } from '../http/app-error.js';
import { authOf } from '../http/request-helpers.js';
import { jobs } from './job.schema.js';

export async function jobRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/jobs/:id', { config: { permission: 'job:job:read' }, schema: { tags: ['后台任务'], summary: '任务进度与结果', params: idParamSchema, response: { 200: jobSchema } } }, async (req) => {
    const auth = authOf(req);
    const [row] = await app.ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.id, req.params.id), or(eq(jobs.createdBy, auth.user.id), scopePredicate(auth.scope, { org: jobs.orgId }))));
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
