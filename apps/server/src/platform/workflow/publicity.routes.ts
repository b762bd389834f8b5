import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, publicityItemSchema, objectionBodySchema } from '@gonghui/contracts';
import { AppError, notFound } from '../http/app-error.js';
import { listPublicity, raiseObjection } from './publicity.service.js';

/** Objections per IP address: enough for a person, not for a script. */
const OBJECTIONS_PER_WINDOW = 5;
const WINDOW_MS = 10 * 60_000;

/** The public 公示 page (no login): cases in their window, masked; objections reopen a case. */
export async function publicityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['公示'];
  const recent = new Map<string, number[]>();
  r.get('/api/public/publicity', { config: { permission: 'public' }, schema: { tags, summary: '公示中的事项(姓名脱敏)', response: { 200: z.object({ items: z.array(publicityItemSchema) }) } } }, async () => ({
    items: await listPublicity(app.ctx.db),
  }));
  r.post('/api/public/publicity/:id/objections', { config: { permission: 'public' }, schema: { tags, summary: '对公示事项提出异议', params: idParamSchema, body: objectionBodySchema } }, async (req, reply) => {
    const now = Date.now();
    const times = (recent.get(req.ip) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= OBJECTIONS_PER_WINDOW) throw new AppError(429, '提交过于频繁,请稍后再试', 'RATE_LIMITED');
    recent.set(req.ip, [...times, now]);
    if (!(await raiseObjection(app.ctx.db, req.params.id, req.body, req.ip))) throw notFound('公示事项');
    return reply.code(201).send({ received: true });
  });
}
