import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contestBodySchema, contestListItemSchema, contestListQuerySchema, contestResultBodySchema, contestSchema, idParamSchema, pageOf } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createContest, getContest, listContests, recordContestResult } from './skill-contest.service.js';

/** 技能比武: contests, members' results, and the skill levels the results raise. */
export async function skillContestRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['技能比武'];
  const list = { permission: 'contest:contest:list' } as const;
  const manage = { permission: 'contest:contest:manage' } as const;
  r.get('/api/skill-contests', { config: list, schema: { tags, summary: '技能比武列表(本级及上级主办)', querystring: contestListQuerySchema, response: { 200: pageOf(contestListItemSchema) } } }, (req) => listContests(db, authOf(req), req.query));
  r.get('/api/skill-contests/:id', { config: list, schema: { tags, summary: '比武详情与成绩(本范围内的会员)', params: idParamSchema, response: { 200: contestSchema } } }, (req) => getContest(db, authOf(req), req.params.id));
  r.post('/api/skill-contests', { config: manage, schema: { tags, summary: '登记技能比武', body: contestBodySchema, response: { 201: contestSchema } } }, async (req, reply) =>
    reply.code(201).send(await createContest(db, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/skill-contests/:id/results', { config: manage, schema: { tags, summary: '登记会员成绩(可据成绩晋升技能等级,记入会员档案变更)', params: idParamSchema, body: contestResultBodySchema, response: { 200: contestSchema } } }, (req) =>
    recordContestResult(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
