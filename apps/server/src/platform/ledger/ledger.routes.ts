import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createFundBodySchema,
  createPayoutBatchAnswerSchema,
  fundBudgetBodySchema,
  fundDetailSchema,
  fundIncomeBodySchema,
  fundListItemSchema,
  fundListQuerySchema,
  idParamSchema,
  ledgerEntryPageSchema,
  ledgerEntryQuerySchema,
  markBatchPaidBodySchema,
  pageOf,
  payoutBatchListQuerySchema,
  payoutBatchSchema,
  payoutListQuerySchema,
  payoutSchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import { sendXlsx } from '../import-export/import-http.js';
import { createFund, getFund, listFunds } from './fund.service.js';
import { addFundIncome, setFundBudget } from './fund-money.service.js';
import { listEntries, listPayouts } from './ledger-entries.service.js';
import { createBatch, listBatches, markBatchPaid } from './ledger-batch.service.js';
import { prepareBankFile } from './ledger-batch-export.js';

/** 资金台账: funds, budgets, incomes, the ledger, payouts and bank batches (代发批次). */
export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['资金台账'];
  const list = { permission: 'ledger:fund:list' } as const;
  const manage = { permission: 'ledger:fund:manage' } as const;

  r.get('/api/funds', { config: list, schema: { tags, summary: '资金列表(余额、本年预算与支出)', querystring: fundListQuerySchema, response: { 200: pageOf(fundListItemSchema) } } }, (req) =>
    listFunds(app.ctx, authOf(req), req.query),
  );
  r.post('/api/funds', { config: manage, schema: { tags, summary: '设立资金(编号自动生成)', body: createFundBodySchema, response: { 201: fundDetailSchema } } }, async (req, reply) =>
    reply.code(201).send(await createFund(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/funds/:id', { config: list, schema: { tags, summary: '资金详情(含各年度、各活动预算)', params: idParamSchema, response: { 200: fundDetailSchema } } }, (req) =>
    getFund(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/funds/:id/budgets', { config: manage, schema: { tags, summary: '编制或调整预算(年度或活动)', params: idParamSchema, body: fundBudgetBodySchema, response: { 200: fundDetailSchema } } }, (req) =>
    setFundBudget(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/funds/:id/incomes', { config: manage, schema: { tags, summary: '收入入账(拨款、捐赠;文号或收据号不能重复)', params: idParamSchema, body: fundIncomeBodySchema, response: { 201: fundDetailSchema } } }, async (req, reply) =>
    reply.code(201).send(await addFundIncome(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.get('/api/funds/:id/entries', { config: list, schema: { tags, summary: '资金台账明细(含每笔后的余额)', params: idParamSchema, querystring: ledgerEntryQuerySchema, response: { 200: ledgerEntryPageSchema } } }, (req) =>
    listEntries(app.ctx, authOf(req), req.params.id, req.query),
  );
  r.get('/api/payouts', { config: list, schema: { tags, summary: '支付记录(收款账号脱敏)', querystring: payoutListQuerySchema, response: { 200: pageOf(payoutSchema) } } }, (req) =>
    listPayouts(app.ctx, authOf(req), req.query),
  );
  r.post('/api/funds/:id/batches', { config: { permission: 'ledger:payout:export' }, schema: { tags, summary: '将待代发的支付生成银行代发批次', params: idParamSchema, response: { 201: createPayoutBatchAnswerSchema } } }, async (req, reply) =>
    reply.code(201).send(await createBatch(app.ctx, authOf(req), actorOf(req), req.params.id)),
  );
  r.get('/api/payout-batches', { config: list, schema: { tags, summary: '代发批次列表', querystring: payoutBatchListQuerySchema, response: { 200: pageOf(payoutBatchSchema) } } }, (req) =>
    listBatches(app.ctx, authOf(req), req.query),
  );
  r.get('/api/payout-batches/:id/export.xlsx', { config: { permission: 'ledger:payout:export' }, schema: { tags, summary: '下载银行代发文件(账号明文,审计)', params: idParamSchema } }, async (req, reply) => {
    const file = await prepareBankFile(app.ctx, authOf(req), actorOf(req), req.params.id);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.post('/api/payout-batches/:id/paid', { config: { permission: 'ledger:payout:confirm' }, schema: { tags, summary: '确认代发批次已支付', params: idParamSchema, body: markBatchPaidBodySchema, response: { 200: payoutBatchSchema } } }, (req) =>
    markBatchPaid(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
