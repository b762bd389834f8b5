import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamSchema, pageOf, wageContractBodySchema, wageContractExportBodySchema, wageContractListItemSchema, wageContractListQuerySchema, wageContractSchema,
  wageCoverageQuerySchema, wageCoverageSchema, wageFilingBodySchema, wageRoundBodySchema, wageVoteBodySchema,
} from '@gonghui/contracts';
import { listExportRoute } from '../../platform/import-export/list-export.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { WAGE_CONTRACT_EXPORT } from './wage-contract-jobs.js';
import { addWageRound, createWageContract, fileWageContract, getWageContract, listWageContracts, recordWageVote, renewWageContract, updateWageContract } from './wage-contract.service.js';
import { wageCoverage } from './wage-coverage.service.js';

/** 工资集体协商: collective contracts, negotiation rounds, the vote, filing, renewal, coverage. */
export async function wageContractRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['工资集体协商'];
  const list = { permission: 'wage:contract:list' } as const;
  const manage = { permission: 'wage:contract:manage' } as const;
  r.get('/api/wage-contracts', { config: list, schema: { tags, summary: '集体合同台账(签约工会或覆盖企业在本范围内)', querystring: wageContractListQuerySchema, response: { 200: pageOf(wageContractListItemSchema) } } }, (req) =>
    listWageContracts(db, authOf(req), req.query),
  );
  r.post('/api/wage-contracts', { config: manage, schema: { tags, summary: '登记集体合同(协商中)', body: wageContractBodySchema, response: { 201: wageContractSchema } } }, async (req, reply) =>
    reply.code(201).send(await createWageContract(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/wage-contracts/coverage', { config: list, schema: { tags, summary: '工资集体协商覆盖率(本级及各下级,对照80%/90%目标)', querystring: wageCoverageQuerySchema, response: { 200: wageCoverageSchema } } }, (req) =>
    wageCoverage(db, authOf(req), req.query.orgId),
  );
  listExportRoute(app, WAGE_CONTRACT_EXPORT, { url: '/api/wage-contracts/export', tags, summary: '导出集体合同台账(按当前筛选)', body: wageContractExportBodySchema });
  r.get('/api/wage-contracts/:id', { config: list, schema: { tags, summary: '集体合同详情:覆盖企业、协商记录、表决、备案', params: idParamSchema, response: { 200: wageContractSchema } } }, (req) =>
    getWageContract(db, authOf(req), req.params.id),
  );
  r.put('/api/wage-contracts/:id', { config: manage, schema: { tags, summary: '修改集体合同(协商中)', params: idParamSchema, body: wageContractBodySchema, response: { 200: wageContractSchema } } }, (req) =>
    updateWageContract(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/wage-contracts/:id/rounds', { config: manage, schema: { tags, summary: '记录一轮协商', params: idParamSchema, body: wageRoundBodySchema, response: { 200: wageContractSchema } } }, (req) =>
    addWageRound(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/wage-contracts/:id/votes', {
    config: manage,
    schema: { tags, summary: '记录职代会表决(三分之二以上出席,且全体代表半数以上同意方为通过)', params: idParamSchema, body: wageVoteBodySchema, response: { 200: wageContractSchema } },
  }, (req) => recordWageVote(db, authOf(req), actorOf(req), req.params.id, req.body));
  r.post('/api/wage-contracts/:id/filing', { config: manage, schema: { tags, summary: '登记报送人社部门备案', params: idParamSchema, body: wageFilingBodySchema, response: { 200: wageContractSchema } } }, (req) =>
    fileWageContract(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/wage-contracts/:id/renew', { config: manage, schema: { tags, summary: '续签:期满前三个月内发起新一期合同协商', params: idParamSchema, body: wageContractBodySchema, response: { 201: wageContractSchema } } }, async (req, reply) =>
    reply.code(201).send(await renewWageContract(db, authOf(req), actorOf(req), req.params.id, req.body)),
  );
}
