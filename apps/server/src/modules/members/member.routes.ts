import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMemberBodySchema, idParamSchema, memberHistoryItemSchema, memberListQuerySchema, memberSchema, memberSearchBodySchema, memberStatusBodySchema, pageOf, revealBodySchema, updateMemberBodySchema } from '@gonghui/contracts';
import { asc, eq } from 'drizzle-orm';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { notFound } from '../../platform/http/app-error.js';
import { changeMemberStatus, createMember, getMember, listMembers, revealMember, updateMember } from './member.service.js';
import { findMemberRow } from './member.repository.js';
import { memberHistory } from './member.schema.js';

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['会员实名制'];
  // The API contract keeps `q` (exact 身份证 too) on the GET for outside callers; the platform's own
  // screens search by POST so that no 身份证 or phone number travels in a URL (security.md 18), and
  // the request log never records query strings.
  r.get('/api/members', { config: { permission: 'member:member:list' }, schema: { tags, summary: '会员列表与搜索(姓名、拼音、首字母、手机尾号;按身份证号、手机号查询建议用 POST /api/members/search)', querystring: memberListQuerySchema, response: { 200: pageOf(memberSchema) } } }, (req) =>
    listMembers(app.ctx, authOf(req), req.query),
  );
  r.post('/api/members/search', { config: { permission: 'member:member:list' }, schema: { tags, summary: '会员搜索(条件在请求体中,可含身份证号、手机号)', body: memberSearchBodySchema, response: { 200: pageOf(memberSchema) } } }, (req) =>
    listMembers(app.ctx, authOf(req), req.body),
  );
  r.get('/api/members/:id', { config: { permission: 'member:member:list' }, schema: { tags, summary: '会员详情(脱敏)', params: idParamSchema, response: { 200: memberSchema } } }, (req) =>
    getMember(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/members', { config: { permission: 'member:member:create' }, schema: { tags, summary: '登记会员', body: createMemberBodySchema, response: { 201: memberSchema } } }, async (req, reply) =>
    reply.code(201).send(await createMember(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.patch('/api/members/:id', { config: { permission: 'member:member:update' }, schema: { tags, summary: '修改会员信息', params: idParamSchema, body: updateMemberBodySchema, response: { 200: memberSchema } } }, (req) =>
    updateMember(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/members/:id/status', { config: { permission: 'member:member:update' }, schema: { tags, summary: '变更会员状态(退休、退会、去世、转出)', params: idParamSchema, body: memberStatusBodySchema, response: { 200: memberSchema } } }, (req) =>
    changeMemberStatus(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/members/:id/reveal', { config: { permission: 'member:member:reveal' }, schema: { tags, summary: '查看敏感信息明文(审计)', params: idParamSchema, body: revealBodySchema, response: { 200: z.object({ value: z.string().nullable() }) } } }, (req) =>
    revealMember(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/members/:id/history', { config: { permission: 'member:member:list' }, schema: { tags, summary: '会员信息变更记录', params: idParamSchema, response: { 200: z.array(memberHistoryItemSchema) } } }, async (req) => {
    if (!(await findMemberRow(app.ctx.db, authOf(req).scope, req.params.id))) throw notFound('会员');
    const rows = await app.ctx.db.select().from(memberHistory).where(eq(memberHistory.memberId, req.params.id)).orderBy(asc(memberHistory.id));
    return rows.map((h) => ({ id: String(h.id), at: h.at.toISOString(), username: h.username, action: h.action, changes: h.changes }));
  });
}
