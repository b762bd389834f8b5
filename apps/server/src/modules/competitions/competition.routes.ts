import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  awardBodySchema, competitionBodySchema, competitionListItemSchema, competitionListQuerySchema, competitionSchema, idParamSchema, pageOf, participantBodySchema,
  rankingQuerySchema, rankingSchema, scoreBodySchema, scoreListQuerySchema, scoreReturnBodySchema, scoreSchema,
} from '@gonghui/contracts';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { awardCertificate, grantAward } from './competition-award.service.js';
import { registerScoreEvidenceRoutes } from './competition-evidence.js';
import { competitionExportRoute } from './competition-export.js';
import { listScores, ranking, reviewScore, submitScore } from './competition-score.service.js';
import { addParticipant, createCompetition, getCompetition, listCompetitions, moveCompetition, updateCompetition } from './competition.service.js';

/** 劳动竞赛 / 立功竞赛: campaigns, participants, periodic scores with evidence, rankings, awards and certificates. */
export async function competitionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['劳动竞赛'];
  const list = { permission: 'competition:campaign:list' } as const;
  const manage = { permission: 'competition:campaign:manage' } as const;
  r.get('/api/competitions', { config: list, schema: { tags, summary: '竞赛列表(主办或参赛在本范围内)', querystring: competitionListQuerySchema, response: { 200: pageOf(competitionListItemSchema) } } }, (req) => listCompetitions(db, authOf(req), req.query));
  r.post('/api/competitions', { config: manage, schema: { tags, summary: '发起竞赛(本单位主办,筹备中)', body: competitionBodySchema, response: { 201: competitionSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCompetition(db, authOf(req), actorOf(req), req.body)),
  );
  competitionExportRoute(app);
  r.get('/api/competitions/:id', { config: list, schema: { tags, summary: '竞赛详情:阶段、指标与权重、参赛对象、表彰', params: idParamSchema, response: { 200: competitionSchema } } }, (req) => getCompetition(db, authOf(req), req.params.id));
  r.put('/api/competitions/:id', { config: manage, schema: { tags, summary: '修改竞赛(筹备中)', params: idParamSchema, body: competitionBodySchema, response: { 200: competitionSchema } } }, (req) =>
    updateCompetition(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  for (const action of ['start', 'close'] as const) {
    r.post(`/api/competitions/:id/${action}`, { config: manage, schema: { tags, summary: action === 'start' ? '启动竞赛(开始填报得分)' : '结束竞赛', params: idParamSchema, response: { 200: competitionSchema } } }, (req) =>
      moveCompetition(db, authOf(req), actorOf(req), req.params.id, action),
    );
  }
  r.post('/api/competitions/:id/participants', { config: manage, schema: { tags, summary: '添加参赛单位、班组或个人', params: idParamSchema, body: participantBodySchema, response: { 200: competitionSchema } } }, (req) =>
    addParticipant(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/competitions/:id/scores', { config: list, schema: { tags, summary: '各阶段得分(主办单位看全部,参赛单位看本单位)', params: idParamSchema, querystring: scoreListQuerySchema, response: { 200: z.array(scoreSchema) } } }, (req) =>
    listScores(db, authOf(req), req.params.id, req.query),
  );
  r.post('/api/competitions/:id/scores', { config: { permission: 'competition:score:submit' }, schema: { tags, summary: '填报某阶段得分(按指标,加权计分;核定前可重报)', params: idParamSchema, body: scoreBodySchema, response: { 200: scoreSchema } } }, (req) =>
    submitScore(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/competitions/scores/:id/verify', { config: { permission: 'competition:score:verify' }, schema: { tags, summary: '核定得分', params: idParamSchema, response: { 200: scoreSchema } } }, (req) =>
    reviewScore(db, authOf(req), actorOf(req), req.params.id, 'verify'),
  );
  r.post('/api/competitions/scores/:id/return', { config: { permission: 'competition:score:verify' }, schema: { tags, summary: '退回得分(须写明原因)', params: idParamSchema, body: scoreReturnBodySchema, response: { 200: scoreSchema } } }, (req) =>
    reviewScore(db, authOf(req), actorOf(req), req.params.id, 'return', req.body.reason),
  );
  r.get('/api/competitions/:id/ranking', { config: list, schema: { tags, summary: '排名(累计或某阶段,同分并列)', params: idParamSchema, querystring: rankingQuerySchema, response: { 200: rankingSchema } } }, (req) =>
    ranking(db, authOf(req), req.params.id, req.query),
  );
  r.post('/api/competitions/:id/awards', { config: { permission: 'competition:award:manage' }, schema: { tags, summary: '评定表彰(先进集体、工人先锋号、先进个人、立功等次)', params: idParamSchema, body: awardBodySchema, response: { 200: competitionSchema } } }, (req) =>
    grantAward(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/competitions/awards/:id/certificate.pdf', { config: list, schema: { tags, summary: '荣誉证书(PDF,A4横版)', params: idParamSchema } }, async (req, reply) => {
    const c = await awardCertificate(db, authOf(req), actorOf(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', inlineHeader(c.fileName)).send(c.pdf);
  });
  registerScoreEvidenceRoutes(app, tags);
}
