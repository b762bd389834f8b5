import type { Budget, BudgetListItem, BudgetReport, Page, Spending, budgetApproveBodySchema, budgetBodySchema, budgetListQuerySchema, budgetUpdateBodySchema, spendingBodySchema } from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type BudgetListQuery = Partial<Output<typeof budgetListQuerySchema>>;
export type BudgetBody = Input<typeof budgetBodySchema>;
export type BudgetUpdateBody = Input<typeof budgetUpdateBodySchema>;
export type BudgetApproveBody = Input<typeof budgetApproveBodySchema>;
export type SpendingBody = Input<typeof spendingBodySchema>;
export interface BudgetReportQuery {
  year: number;
  orgId?: string;
}

/** Query keys of the budget screens (one prefix: a spending refreshes the budget, its lines and the report). */
export const budgetKeys = {
  all: ['budgets'] as const,
  list: (query: object) => ['budgets', 'list', query] as const,
  budget: (id: string) => ['budgets', 'budget', id] as const,
  spendings: (query: object) => ['budgets', 'spendings', query] as const,
  report: (query: object) => ['budgets', 'report', query] as const,
};

const one = (id: string, rest = '') => `/finance/budgets/${encodeURIComponent(id)}${rest}`;

/** 预算与支出: yearly budgets, spending with vouchers, reversal, the execution report. */
export const budgetApi = {
  list: (query: BudgetListQuery): Promise<Page<BudgetListItem>> => api.get<Page<BudgetListItem>>('/finance/budgets', { ...query }),
  get: (id: string): Promise<Budget> => api.get<Budget>(one(id)),
  create: (body: BudgetBody): Promise<Budget> => api.post<Budget>('/finance/budgets', body),
  update: (id: string, body: BudgetUpdateBody): Promise<Budget> => api.put<Budget>(one(id), body),
  approve: (id: string, body: BudgetApproveBody): Promise<Budget> => api.post<Budget>(one(id, '/approve'), body),
  spendings: (query: { budgetId: string; lineId?: string; page: number; pageSize: number }): Promise<Page<Spending>> => api.get<Page<Spending>>('/finance/spendings', { ...query }),
  spend: (body: SpendingBody): Promise<Spending> => api.post<Spending>('/finance/spendings', body),
  reverse: (id: string, reason: string): Promise<Spending> => api.post<Spending>(`/finance/spendings/${encodeURIComponent(id)}/reverse`, { reason }),
  vouchers: attachmentApi<Spending, string>('/finance/spendings', 'vouchers'),
  report: (query: BudgetReportQuery): Promise<BudgetReport> => api.get<BudgetReport>('/finance/budgets/report', { ...query }),
  /** downloads the execution report (the server audits the export) */
  exportReport: (query: BudgetReportQuery): Promise<void> => fileApi.download(`/finance/budgets/report/export.xlsx${buildQuery({ ...query })}`, `${query.year}年预算执行报表.xlsx`),
};
