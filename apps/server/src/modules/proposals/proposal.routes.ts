import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  duplicatePairSchema,
  idParamSchema,
  milestoneBodySchema,
  pageOf,
  progressUpdateBodySchema,
  proposalAdoptBodySchema,
  proposalAssessmentBodySchema,
  proposalCollectionBodySchema,
  proposalCollectionListQuerySchema,
  proposalCollectionSchema,
  proposalCollectionStatusBodySchema,
  proposalExportBodySchema,
  proposalListQuerySchema,
  proposalMergeBodySchema,
  proposalModerationBodySchema,
  proposalProjectSchema,
  proposalSchema,
  proposalShortlistBodySchema,
  proposalSimilarQuerySchema,
  proposalUnitBodySchema,
  similarProposalSchema,
} from '@gonghui/contracts';
import { listExportRoute } from '../../platform/import-export/list-export.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createCollection, getCollection, listCollections, setCollectionStatus, updateCollection } from './proposal-collection.service.js';
import { PROPOSAL_EXPORT } from './proposal-export.js';
import { adoptProposal, getProject, listProjects, reportProgress, saveMilestone } from './proposal-project.service.js';
import { assessProposal, duplicatePairs, mergeProposal, moderateProposal, shortlistProposal } from './proposal-review.service.js';
import { getProposal, listProposals, proposeAsUnit, similarProposals } from './proposal.service.js';

/** 办实事项目征集 (staff): collections, proposals, moderation, duplicates and merging, assessment, shortlist, adoption, implementation. */
export async function proposalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['办实事项目征集'];
  const list = { permission: 'proposal:proposal:list' } as const;
  const manage = { permission: 'proposal:collection:manage' } as const;
  const moderate = { permission: 'proposal:proposal:moderate' } as const;
  const project = { permission: 'proposal:project:manage' } as const;
  const collectionId = z.object({ collectionId: z.uuid({ error: '请选择征集活动' }) });
  const milestoneParams = z.object({ id: z.uuid({ error: '编号格式不正确' }), milestoneId: z.uuid({ error: '编号格式不正确' }) });

  r.get('/api/proposal-collections', { config: list, schema: { tags, summary: '征集活动列表', querystring: proposalCollectionListQuerySchema, response: { 200: pageOf(proposalCollectionSchema) } } }, (req) => listCollections(db, authOf(req), req.query));
  r.get('/api/proposal-collections/:id', { config: list, schema: { tags, summary: '征集活动详情与统计', params: idParamSchema, response: { 200: proposalCollectionSchema } } }, (req) => getCollection(db, authOf(req), req.params.id));
  r.post('/api/proposal-collections', { config: manage, schema: { tags, summary: '新建征集活动(草稿,本单位主办)', body: proposalCollectionBodySchema, response: { 201: proposalCollectionSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCollection(db, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/proposal-collections/:id', { config: manage, schema: { tags, summary: '修改征集活动(名称、日期、类别)', params: idParamSchema, body: proposalCollectionBodySchema, response: { 200: proposalCollectionSchema } } }, (req) =>
    updateCollection(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put('/api/proposal-collections/:id/status', { config: manage, schema: { tags, summary: '切换阶段(草稿→征集中→评估中→投票中→已结束)', params: idParamSchema, body: proposalCollectionStatusBodySchema, response: { 200: proposalCollectionSchema } } }, (req) =>
    setCollectionStatus(db, authOf(req), actorOf(req), req.params.id, req.body.status),
  );
  r.get('/api/proposal-collections/:id/duplicates', { config: moderate, schema: { tags, summary: '疑似重复建议(字符三元组相似度)', params: idParamSchema, response: { 200: z.object({ items: z.array(duplicatePairSchema) }) } } }, async (req) => ({
    items: await duplicatePairs(db, authOf(req), req.params.id),
  }));

  r.get('/api/proposals', { config: list, schema: { tags, summary: '建议列表(征集活动、状态、类别、评估、入围、关键词)', querystring: proposalListQuerySchema, response: { 200: pageOf(proposalSchema) } } }, (req) => listProposals(db, authOf(req), req.query));
  r.get('/api/proposals/similar', { config: list, schema: { tags, summary: '相似的已公开建议(填写时提示,最多5条)', querystring: proposalSimilarQuerySchema, response: { 200: z.object({ items: z.array(similarProposalSchema) }) } } }, async (req) => ({
    items: await similarProposals(db, authOf(req), req.query),
  }));
  listExportRoute(app, PROPOSAL_EXPORT, { url: '/api/proposals/export', tags, summary: '导出建议(按当前筛选)', body: proposalExportBodySchema });
  r.get('/api/proposals/:id', { config: list, schema: { tags, summary: '建议详情', params: idParamSchema, response: { 200: proposalSchema } } }, (req) => getProposal(db, authOf(req), req.params.id));
  r.post('/api/proposals', { config: { permission: 'proposal:proposal:file' }, schema: { tags, summary: '以单位名义提出建议(待审核)', body: proposalUnitBodySchema, response: { 201: proposalSchema } } }, async (req, reply) =>
    reply.code(201).send(await proposeAsUnit(db, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/proposals/:id/moderation', { config: moderate, schema: { tags, summary: '审核:公开或屏蔽(须填原因)', params: idParamSchema, body: proposalModerationBodySchema, response: { 200: proposalSchema } } }, (req) =>
    moderateProposal(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/proposals/:id/merge', { config: moderate, schema: { tags, summary: '合并到另一条建议(附议并入,不重复计数,通知提出人)', params: idParamSchema, body: proposalMergeBodySchema, response: { 200: proposalSchema } } }, (req) =>
    mergeProposal(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/proposals/:id/assessment', { config: manage, schema: { tags, summary: '评估:可行/不可行(意见告知提出人)', params: idParamSchema, body: proposalAssessmentBodySchema, response: { 200: proposalSchema } } }, (req) =>
    assessProposal(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put('/api/proposals/:id/shortlist', { config: manage, schema: { tags, summary: '确定或取消入围', params: idParamSchema, body: proposalShortlistBodySchema, response: { 200: proposalSchema } } }, (req) =>
    shortlistProposal(db, authOf(req), actorOf(req), req.params.id, req.body.shortlisted),
  );
  r.post('/api/proposals/:id/adoption', { config: manage, schema: { tags, summary: '采纳为办实事项目(责任单位、预算、完成时间)', params: idParamSchema, body: proposalAdoptBodySchema, response: { 201: proposalProjectSchema } } }, async (req, reply) =>
    reply.code(201).send(await adoptProposal(db, authOf(req), actorOf(req), req.params.id, req.body)),
  );

  r.get('/api/proposal-projects', { config: list, schema: { tags, summary: '办实事项目与实施进度', querystring: collectionId.partial(), response: { 200: z.object({ items: z.array(proposalProjectSchema) }) } } }, async (req) => ({
    items: await listProjects(db, authOf(req), req.query.collectionId),
  }));
  r.get('/api/proposal-projects/:id', { config: list, schema: { tags, summary: '办实事项目详情', params: idParamSchema, response: { 200: proposalProjectSchema } } }, (req) => getProject(db, authOf(req), req.params.id));
  r.post('/api/proposal-projects/:id/milestones', { config: project, schema: { tags, summary: '新增实施节点', params: idParamSchema, body: milestoneBodySchema, response: { 201: proposalProjectSchema } } }, async (req, reply) =>
    reply.code(201).send(await saveMilestone(db, authOf(req), actorOf(req), req.params.id, null, req.body)),
  );
  r.put('/api/proposal-projects/:id/milestones/:milestoneId', { config: project, schema: { tags, summary: '修改实施节点(完成日期、进度)', params: milestoneParams, body: milestoneBodySchema, response: { 200: proposalProjectSchema } } }, (req) =>
    saveMilestone(db, authOf(req), actorOf(req), req.params.id, req.params.milestoneId, req.body),
  );
  r.post('/api/proposal-projects/:id/progress', { config: project, schema: { tags, summary: '报送实施进展', params: idParamSchema, body: progressUpdateBodySchema, response: { 201: proposalProjectSchema } } }, async (req, reply) =>
    reply.code(201).send(await reportProgress(db, authOf(req), actorOf(req), req.params.id, req.body)),
  );
}
