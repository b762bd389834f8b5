import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  craftsmanActionBodySchema, craftsmanAwardBodySchema, craftsmanCallBodySchema, craftsmanCallSchema, craftsmanCallStatusBodySchema, craftsmanNominationBodySchema,
  craftsmanNominationListQuerySchema, craftsmanNominationSchema, craftsmanNominationUpdateSchema, craftsmanRankingItemSchema, craftsmanRegisterItemSchema,
  craftsmanContestSchema, craftsmanRegisterQuerySchema, craftsmanScoreBodySchema, idParamSchema, pageOf,
} from '@gonghui/contracts';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { actorOf, authOf, idempotencyKeyOf } from '../../platform/http/request-helpers.js';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { createCall, getCall, listCalls, moveCall, updateCall } from './craftsman-call.service.js';
import { craftsmanEvidenceRoutes } from './craftsman-evidence.js';
import { actOnNomination, createNomination, getNomination, listNominations, registryContestResults, updateNomination } from './craftsman-nomination.service.js';
import { REGISTER_COLUMNS, craftsmanRegister } from './craftsman-register.service.js';
import { callRanking, cityApprove, craftsmanCertificate, payAward, scoreNomination } from './craftsman-review.service.js';

/** 杭州工匠 selection: yearly calls with quotas, nominations with evidence, expert scores, decision, 公示, approval, award, certificate, register. */
export async function craftsmanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['杭州工匠'];
  const base = '/api/honours/craftsman';
  const list = { permission: 'honours:craftsman:list' } as const;
  const manageCall = { permission: 'honours:craftsman-call:manage' } as const;
  const nominate = { permission: 'honours:craftsman:nominate' } as const;
  const approve = { permission: 'honours:craftsman:approve' } as const;

  r.get(`${base}/calls`, { config: list, schema: { tags, summary: '年度评选列表(区县只见本单位配额)', response: { 200: z.object({ items: z.array(craftsmanCallSchema) }) } } }, async (req) => ({ items: await listCalls(db, authOf(req)) }));
  r.post(`${base}/calls`, { config: manageCall, schema: { tags, summary: '发布年度评选(日期、名额、推荐单位配额)', body: craftsmanCallBodySchema, response: { 201: craftsmanCallSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCall(db, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${base}/calls/:id`, { config: list, schema: { tags, summary: '年度评选详情', params: idParamSchema, response: { 200: craftsmanCallSchema } } }, (req) => getCall(db, authOf(req), req.params.id));
  r.put(`${base}/calls/:id`, { config: manageCall, schema: { tags, summary: '修改年度评选与配额', params: idParamSchema, body: craftsmanCallBodySchema, response: { 200: craftsmanCallSchema } } }, (req) =>
    updateCall(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/calls/:id/status`, { config: manageCall, schema: { tags, summary: '启动推荐、进入评审、结束评选', params: idParamSchema, body: craftsmanCallStatusBodySchema, response: { 200: craftsmanCallSchema } } }, (req) =>
    moveCall(db, authOf(req), actorOf(req), req.params.id, req.body.status),
  );
  r.get(`${base}/calls/:id/ranking`, { config: list, schema: { tags, summary: '综合评审排名(专家评分去掉最高最低后平均,同分并列)', params: idParamSchema, response: { 200: z.object({ items: z.array(craftsmanRankingItemSchema) }) } } }, async (req) => {
    // an unknown call (or one out of sight) answers 404, not an empty ranking
    await getCall(db, authOf(req), req.params.id);
    return { items: await callRanking(db, authOf(req), req.params.id) };
  });

  r.get(`${base}/nominations`, { config: list, schema: { tags, summary: '推荐列表(本单位及下级推荐)', querystring: craftsmanNominationListQuerySchema, response: { 200: pageOf(craftsmanNominationSchema) } } }, (req) =>
    listNominations(db, authOf(req), req.query),
  );
  r.post(`${base}/nominations`, { config: nominate, schema: { tags, summary: '推荐候选人(资格不符 422 列明每一项;名额用完 409)', body: craftsmanNominationBodySchema, response: { 201: craftsmanNominationSchema } } }, async (req, reply) =>
    reply.code(201).send(await createNomination(db, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${base}/members/:id/contest-results`, { config: nominate, schema: { tags, summary: '会员在技能比武中的成绩(市级以上,用于预填推荐表;不在范围内 404)', params: idParamSchema, response: { 200: z.object({ items: z.array(craftsmanContestSchema) }) } } }, async (req) => ({
    items: await registryContestResults(db, authOf(req), req.params.id),
  }));
  r.get(`${base}/nominations/:id`, { config: list, schema: { tags, summary: '推荐详情:资格、材料、评分、审定、时间线', params: idParamSchema, response: { 200: craftsmanNominationSchema } } }, (req) => getNomination(db, authOf(req), req.params.id));
  r.patch(`${base}/nominations/:id`, { config: nominate, schema: { tags, summary: '修改推荐(草稿或退回)', params: idParamSchema, body: craftsmanNominationUpdateSchema, response: { 200: craftsmanNominationSchema } } }, (req) =>
    updateNomination(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/nominations/:id/actions`, { config: list, schema: { tags, summary: '提交、评审通过、审定(杭州工匠/提名奖)、未入选、退回、撤回、重新审核', params: idParamSchema, body: craftsmanActionBodySchema, response: { 200: craftsmanNominationSchema } } }, (req) =>
    actOnNomination(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put(`${base}/nominations/:id/my-score`, { config: { permission: 'honours:craftsman:score' }, schema: { tags, summary: '专家评分(按评分项,可在评审期内修改)', params: idParamSchema, body: craftsmanScoreBodySchema, response: { 200: craftsmanNominationSchema } } }, (req) =>
    scoreNomination(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/nominations/:id/city-approval`, { config: approve, schema: { tags, summary: '市政府批准(公示期满后),杭州工匠编发证书号', params: idParamSchema, response: { 200: craftsmanNominationSchema } } }, (req) =>
    cityApprove(db, authOf(req), actorOf(req), req.params.id),
  );
  r.post(`${base}/nominations/:id/award`, { config: approve, schema: { tags, summary: '发放杭州工匠奖励(幂等:Idempotency-Key 头,只付一次)', params: idParamSchema, body: craftsmanAwardBodySchema, response: { 200: z.object({ nomination: craftsmanNominationSchema, replayed: z.boolean() }) } } }, (req) =>
    payAward(db, authOf(req), actorOf(req), req.params.id, req.body.fundId, idempotencyKeyOf(req.headers['idempotency-key'])),
  );
  r.get(`${base}/nominations/:id/certificate.pdf`, { config: list, schema: { tags, summary: '杭州工匠证书(D类人才认定,PDF)', params: idParamSchema } }, async (req, reply) => {
    const c = await craftsmanCertificate(db, authOf(req), actorOf(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', inlineHeader(c.fileName)).send(c.pdf);
  });

  r.get(`${base}/register`, { config: list, schema: { tags, summary: '年度杭州工匠名录(公开字段)', querystring: craftsmanRegisterQuerySchema, response: { 200: z.object({ items: z.array(craftsmanRegisterItemSchema) }) } } }, async (req) => ({
    items: await craftsmanRegister(db, authOf(req).scope, req.query.year),
  }));
  r.get(`${base}/register/export.xlsx`, { config: list, schema: { tags, summary: '导出年度杭州工匠名录', querystring: craftsmanRegisterQuerySchema } }, async (req, reply) => {
    const items = await craftsmanRegister(db, authOf(req).scope, req.query.year);
    await recordAudit(db, actorOf(req), { action: 'data.export', objectType: 'craftsman_register', objectId: String(req.query.year), detail: { rows: items.length } });
    async function* rows(): AsyncGenerator<Record<string, CellValue>> {
      for (const i of items) yield { year: i.year, title: i.title, name: i.name, gender: i.gender, trade: i.trade, employer: i.employerName, org: i.nominatingOrgName, certificateNo: i.certificateNo ?? '', approvedOn: i.approvedOn ?? '' };
    }
    const name = `${req.query.year}年度杭州工匠名录`;
    return sendXlsx(reply, `${name}.xlsx`, (out) => writeXlsx(out, { name, columns: REGISTER_COLUMNS, rows: rows() }));
  });
  craftsmanEvidenceRoutes(app, tags);
}
