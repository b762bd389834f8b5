import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, pageOf, pageQuerySchema, proposalCollectionSchema, proposalSchema, proposalSelfBodySchema, proposalSimilarQuerySchema, publicProposalResultsSchema, similarProposalSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { getCollection, listCollections } from './proposal-collection.service.js';
import { publicResults } from './proposal-public.service.js';
import { supportProposal, voteProposal } from './proposal-support.service.js';
import { getMemberProposal, listPublicProposals, myProposals, proposeAsMember, similarProposals } from './proposal.service.js';

/** 办实事建议 on the phone (members) and the public results page (no login). */
export async function proposalMemberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['办实事建议(移动端)'];
  const self = { permission: 'proposal:proposal:self' } as const;
  const answer = z.object({ proposal: proposalSchema, created: z.boolean() });
  const listQuery = pageQuerySchema.extend({ category: z.string().trim().max(10).optional(), q: z.string().trim().max(40).optional(), shortlisted: z.enum(['true', 'false']).optional() });

  r.get('/api/m/proposal-collections', { config: self, schema: { tags, summary: '本市的办实事项目征集', response: { 200: pageOf(proposalCollectionSchema) } } }, (req) => listCollections(db, authOf(req), { page: 1, pageSize: 20 }));
  r.get('/api/m/proposal-collections/:id', { config: self, schema: { tags, summary: '征集活动', params: idParamSchema, response: { 200: proposalCollectionSchema } } }, (req) => getCollection(db, authOf(req), req.params.id));
  r.get('/api/m/proposal-collections/:id/proposals', { config: self, schema: { tags, summary: '已公开的建议(附议多的在前)', params: idParamSchema, querystring: listQuery, response: { 200: pageOf(proposalSchema) } } }, async (req) => {
    // an unknown collection (or one out of sight) answers 404, not an empty page
    await getCollection(db, authOf(req), req.params.id);
    return listPublicProposals(db, authOf(req), { ...req.query, shortlisted: req.query.shortlisted === 'true', collectionId: req.params.id });
  });
  r.get('/api/m/proposals/similar', { config: self, schema: { tags, summary: '相似的已公开建议(可直接附议)', querystring: proposalSimilarQuerySchema, response: { 200: z.object({ items: z.array(similarProposalSchema) }) } } }, async (req) => ({
    items: await similarProposals(db, authOf(req), req.query),
  }));
  r.get('/api/m/proposals/mine', { config: self, schema: { tags, summary: '我的建议', response: { 200: z.object({ items: z.array(proposalSchema) }) } } }, async (req) => ({ items: await myProposals(db, authOf(req)) }));
  r.get('/api/m/proposals/:id', { config: self, schema: { tags, summary: '建议详情', params: idParamSchema, response: { 200: proposalSchema } } }, (req) => getMemberProposal(db, authOf(req), req.params.id));
  r.post('/api/m/proposals', { config: self, schema: { tags, summary: '提出建议(审核后公开)', body: proposalSelfBodySchema, response: { 201: proposalSchema } } }, async (req, reply) =>
    reply.code(201).send(await proposeAsMember(db, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/m/proposals/:id/support', { config: self, schema: { tags, summary: '附议(每人每条一次,重复提交不重复计数)', params: idParamSchema, response: { 200: answer } } }, (req) => supportProposal(db, authOf(req), actorOf(req), req.params.id));
  r.post('/api/m/proposals/:id/vote', { config: self, schema: { tags, summary: '为入围建议投票(每次征集每人一票)', params: idParamSchema, response: { 200: answer } } }, (req) => voteProposal(db, authOf(req), actorOf(req), req.params.id));

  r.get('/api/public/proposal-results', { config: { permission: 'public' }, schema: { tags: ['办实事项目公示'], summary: '办实事项目结果公示(投票结果、项目进度,无个人信息)', response: { 200: publicProposalResultsSchema } } }, () => publicResults(db));
}
