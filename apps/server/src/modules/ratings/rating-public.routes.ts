import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, ratingCodeEntrySchema, ratingMemberSubmitSchema, ratingSheetSchema, ratingSubmitByCodeSchema, ratingSubmitResultSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { enterCode, submitByCode, type ClientInfo } from './rating-code-entry.service.js';
import { listMyCampaigns, mySheet, submitAsMember } from './rating-member.service.js';

const clientOf = (req: FastifyRequest): ClientInfo => ({ ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 300) ?? null });

/** The rater's side: by one-time code (public, no login; the code travels in the body, never the URL) or as a logged-in member. */
export function ratingPublicRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['满意不满意测评(测评人)'];
  const open = { permission: 'public' } as const;
  const self = { permission: 'rating:ballot:self' } as const;
  r.post('/api/public/ratings/code', { config: open, schema: { tags, summary: '输入测评码:返回测评表(不消耗测评码;错误次数过多限流)', body: ratingCodeEntrySchema, response: { 200: ratingSheetSchema } } }, async (req, rep) =>
    rep.header('cache-control', 'no-store').send(await enterCode(app.ctx, req.body.code, clientOf(req))),
  );
  r.post('/api/public/ratings/submit', { config: open, schema: { tags, summary: '凭测评码提交测评(每个单位三个维度,测评码随即失效)', body: ratingSubmitByCodeSchema, response: { 200: ratingSubmitResultSchema } } }, (req) =>
    submitByCode(app.ctx, req.body.code, req.body.answers, clientOf(req)),
  );
  r.get('/api/my/ratings', { config: self, schema: { tags, summary: '我可参加的测评(会员登录)', response: { 200: z.array(ratingSheetSchema) } } }, (req) => listMyCampaigns(app.ctx.db, authOf(req)));
  r.get('/api/my/ratings/:id', { config: self, schema: { tags, summary: '测评表(会员登录)', params: idParamSchema, response: { 200: ratingSheetSchema } } }, (req) => mySheet(app.ctx.db, authOf(req), req.params.id));
  r.post('/api/my/ratings/:id', { config: self, schema: { tags, summary: '提交测评(会员本人,每个单位一票)', params: idParamSchema, body: ratingMemberSubmitSchema, response: { 200: ratingSubmitResultSchema } } }, (req) =>
    submitAsMember(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.answers, clientOf(req)),
  );
}
