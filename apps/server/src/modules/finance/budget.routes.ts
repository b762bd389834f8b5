import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  budgetApproveBodySchema,
  budgetBodySchema,
  budgetListItemSchema,
  budgetListQuerySchema,
  budgetReportQuerySchema,
  budgetReportSchema,
  budgetSchema,
  budgetUpdateBodySchema,
  idParamSchema,
  pageOf,
  spendingBodySchema,
  spendingListQuerySchema,
  spendingReverseBodySchema,
  spendingSchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { approveBudget, createBudget, getBudget, listBudgets, updateBudget } from './budget.service.js';
import { budgetReport, exportBudgetReport } from './budget-report.service.js';
import { createSpending, getSpending, listSpendings, reverseSpending } from './spending.service.js';
import { spendingVoucherRoutes } from './spending-vouchers.js';

/** 预算与支出: yearly budgets by category (草稿 → 已批准), spending posted to the union's 经费账户, execution report. */
export async function budgetRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['预算与支出'];
  const list = { permission: 'finance:budget:list' } as const;
  const manage = { permission: 'finance:budget:manage' } as const;
  const report = { permission: 'finance:report:view' } as const;
  const db = app.ctx.db;

  r.get('/api/finance/budgets', { config: list, schema: { tags, summary: '年度预算列表', querystring: budgetListQuerySchema, response: { 200: pageOf(budgetListItemSchema) } } }, (req) => listBudgets(db, authOf(req), req.query));
  r.post('/api/finance/budgets', { config: manage, schema: { tags, summary: '编制年度预算(草稿;每个工会每年一份)', body: budgetBodySchema, response: { 201: budgetSchema } } }, async (req, reply) =>
    reply.code(201).send(await createBudget(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/finance/budgets/report', { config: report, schema: { tags, summary: '预算执行报表:按下级组织小计(可逐级下钻)与按科目', querystring: budgetReportQuerySchema, response: { 200: budgetReportSchema } } }, (req) =>
    budgetReport(db, authOf(req), req.query),
  );
  r.get('/api/finance/budgets/report/export.xlsx', { config: report, schema: { tags, summary: '导出预算执行报表(按工会,含街道、区县小计)', querystring: budgetReportQuerySchema } }, async (req, reply) => {
    const file = await exportBudgetReport(db, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get('/api/finance/budgets/:id', { config: list, schema: { tags, summary: '预算详情:科目、已支出、结余、执行率与经费账户余额', params: idParamSchema, response: { 200: budgetSchema } } }, (req) => getBudget(db, authOf(req), req.params.id));
  r.put('/api/finance/budgets/:id', { config: manage, schema: { tags, summary: '修改草稿预算', params: idParamSchema, body: budgetUpdateBodySchema, response: { 200: budgetSchema } } }, (req) =>
    updateBudget(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/finance/budgets/:id/approve', { config: manage, schema: { tags, summary: '批准预算(本级工会委员会或上级工会,填写审批依据;批准后不能修改)', params: idParamSchema, body: budgetApproveBodySchema, response: { 200: budgetSchema } } }, (req) =>
    approveBudget(db, authOf(req), actorOf(req), req.params.id, req.body),
  );

  r.get('/api/finance/spendings', { config: list, schema: { tags, summary: '预算的支出明细', querystring: spendingListQuerySchema, response: { 200: pageOf(spendingSchema) } } }, (req) => listSpendings(db, authOf(req), req.query));
  r.post('/api/finance/spendings', { config: manage, schema: { tags, summary: '登记支出(记入经费账户;超预算须填超支理由,超余额拒绝)', body: spendingBodySchema, response: { 201: spendingSchema } } }, async (req, reply) =>
    reply.code(201).send(await createSpending(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/finance/spendings/:id', { config: list, schema: { tags, summary: '支出详情', params: idParamSchema, response: { 200: spendingSchema } } }, (req) => getSpending(db, authOf(req), req.params.id));
  r.post('/api/finance/spendings/:id/reverse', { config: manage, schema: { tags, summary: '冲销支出(记一笔冲销分录,原分录保留)', params: idParamSchema, body: spendingReverseBodySchema, response: { 200: spendingSchema } } }, (req) =>
    reverseSpending(db, authOf(req), actorOf(req), req.params.id, req.body.reason),
  );
  spendingVoucherRoutes(app);
}
