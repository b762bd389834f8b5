import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamSchema, okSchema, pageOf, raterGroupsBodySchema, ratingBallotListQuerySchema, ratingBallotSchema, ratingCampaignBodySchema, ratingCampaignListItemSchema, ratingCampaignListQuerySchema,
  ratingCampaignSchema, ratingCodeBatchBodySchema, ratingCodeBatchSchema, ratingExcludeBodySchema, ratingReplyBodySchema, ratingReplyItemSchema, ratingReplyListQuerySchema, ratingResultsSchema, ratingUnitsBodySchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { listCodeBatches, startCodeBatch } from './rating-code-batch.service.js';
import { createCampaign, getCampaign, listCampaigns, saveGroups, saveUnits, transitionCampaign, updateCampaign } from './rating-campaign.service.js';
import { exportResults, getResults } from './rating-results.service.js';
import { answerReplyRequest, excludeBallots, listBallots, listReplyRequests } from './rating-review.service.js';
import { ratingPublicRoutes } from './rating-public.routes.js';

/** 满意不满意测评, staff side: campaigns, units and weighted groups, invitation batches, ballots and flags, replies, results. */
export async function ratingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['满意不满意测评'];
  const list = { permission: 'rating:campaign:list' } as const;
  const manage = { permission: 'rating:campaign:manage' } as const;
  const review = { permission: 'rating:ballot:review' } as const;
  const reply = { permission: 'rating:reply:manage' } as const;
  const params = idParamSchema;
  r.get('/api/rating-campaigns', { config: list, schema: { tags, summary: '测评活动列表(本范围单位组织的)', querystring: ratingCampaignListQuerySchema, response: { 200: pageOf(ratingCampaignListItemSchema) } } }, (req) => listCampaigns(db, authOf(req), req.query));
  r.post('/api/rating-campaigns', { config: manage, schema: { tags, summary: '新建测评活动(草稿,预置9个测评群体及权重)', body: ratingCampaignBodySchema, response: { 201: ratingCampaignSchema } } }, async (req, rep) =>
    rep.code(201).send(await createCampaign(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/rating-campaigns/:id', { config: list, schema: { tags, summary: '测评活动详情:被测评单位、测评群体与权重、可执行操作', params, response: { 200: ratingCampaignSchema } } }, (req) => getCampaign(db, authOf(req), req.params.id));
  r.put('/api/rating-campaigns/:id', { config: manage, schema: { tags, summary: '修改测评活动(名称、时间、评定线、异常检测设置)', params, body: ratingCampaignBodySchema, response: { 200: ratingCampaignSchema } } }, (req) =>
    updateCampaign(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put('/api/rating-campaigns/:id/units', { config: manage, schema: { tags, summary: '设置被测评单位(草稿)', params, body: ratingUnitsBodySchema, response: { 200: ratingCampaignSchema } } }, (req) =>
    saveUnits(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put('/api/rating-campaigns/:id/groups', { config: manage, schema: { tags, summary: '设置测评群体与权重(草稿,权重之和100%)', params, body: raterGroupsBodySchema, response: { 200: ratingCampaignSchema } } }, (req) =>
    saveGroups(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  for (const step of ['open', 'close', 'publish'] as const) {
    r.post(`/api/rating-campaigns/:id/${step}`, { config: manage, schema: { tags, summary: { open: '开始测评', close: '结束测评(测评码失效)', publish: '发布测评结果' }[step], params, response: { 200: ratingCampaignSchema } } }, (req) =>
      transitionCampaign(db, authOf(req), actorOf(req), req.params.id, step),
    );
  }
  r.get('/api/rating-campaigns/:id/code-batches', { config: { permission: 'rating:invite:manage' }, schema: { tags, summary: '邀请码批次与生成进度', params, response: { 200: z.array(ratingCodeBatchSchema) } } }, (req) =>
    listCodeBatches(db, authOf(req), req.params.id),
  );
  r.post('/api/rating-campaigns/:id/code-batches', { config: { permission: 'rating:invite:manage' }, schema: { tags, summary: '批量生成一次性测评码并加入短信发送队列(后台任务)', params, body: ratingCodeBatchBodySchema, response: { 202: z.object({ batchId: z.uuid(), jobId: z.uuid() }) } } }, async (req, rep) =>
    rep.code(202).send(await startCodeBatch(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.get('/api/rating-campaigns/:id/ballots', { config: review, schema: { tags, summary: '答卷与异常标记', params, querystring: ratingBallotListQuerySchema, response: { 200: pageOf(ratingBallotSchema) } } }, async (req, rep) =>
    rep.header('cache-control', 'no-store').send(await listBallots(db, authOf(req), req.params.id, req.query)),
  );
  r.post('/api/rating-campaigns/:id/ballots/exclude', { config: review, schema: { tags, summary: '剔除或恢复答卷(须填写理由,留痕)', params, body: ratingExcludeBodySchema, response: { 200: z.object({ changed: z.number().int() }) } } }, (req) =>
    excludeBallots(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/rating-campaigns/:id/results', { config: list, schema: { tags, summary: '测评结果:单位排名,各维度、各群体满意率', params, response: { 200: ratingResultsSchema } } }, (req) => getResults(db, authOf(req), req.params.id));
  r.get('/api/rating-campaigns/:id/results.xlsx', { config: list, schema: { tags, summary: '导出测评结果(Excel)', params } }, async (req, rep) => {
    const f = await exportResults(db, authOf(req), actorOf(req), req.params.id);
    return sendXlsx(rep, f.fileName, f.write);
  });
  r.get('/api/rating-replies', { config: reply, schema: { tags, summary: '要求回复的测评意见(本范围被测评单位或本单位组织的测评)', querystring: ratingReplyListQuerySchema, response: { 200: pageOf(ratingReplyItemSchema) } } }, async (req, rep) =>
    rep.header('cache-control', 'no-store').send(await listReplyRequests(db, authOf(req), req.query)),
  );
  r.post('/api/rating-replies/:id', { config: reply, schema: { tags, summary: '答复测评意见', params, body: ratingReplyBodySchema, response: { 200: okSchema } } }, (req) =>
    answerReplyRequest(db, authOf(req), actorOf(req), req.params.id, req.body.replyText),
  );
  ratingPublicRoutes(app);
}
