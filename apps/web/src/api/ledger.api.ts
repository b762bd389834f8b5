import type {
  FundDetail,
  FundListItem,
  LedgerEntryPage,
  Page,
  Payout,
  PayoutBatch,
  createFundBodySchema,
  fundBudgetBodySchema,
  fundIncomeBodySchema,
  fundListQuerySchema,
  ledgerEntryQuerySchema,
  payoutBatchListQuerySchema,
  payoutListQuerySchema,
} from '@gonghui/contracts';
import { api } from './api-client';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type FundListQuery = Partial<Output<typeof fundListQuerySchema>>;
export type CreateFundInput = Input<typeof createFundBodySchema>;
export type FundBudgetInput = Input<typeof fundBudgetBodySchema>;
export type FundIncomeInput = Input<typeof fundIncomeBodySchema>;
export type LedgerEntryQuery = Partial<Output<typeof ledgerEntryQuerySchema>>;
export type PayoutListQuery = Partial<Output<typeof payoutListQuerySchema>>;
export type PayoutBatchListQuery = Partial<Output<typeof payoutBatchListQuerySchema>>;

export interface CreatedBatch {
  batch: PayoutBatch;
  /** pending payouts left out: the payee has no bank account on file */
  skippedWithoutAccount: number;
}

const fund = (id: string, rest = ''): string => `/funds/${encodeURIComponent(id)}${rest}`;
const batch = (id: string, rest = ''): string => `/payout-batches/${encodeURIComponent(id)}${rest}`;

/** 资金台账: funds, budgets, incomes, the ledger, payouts and bank batches (代发批次). */
export const ledgerApi = {
  list: (query: FundListQuery): Promise<Page<FundListItem>> => api.get<Page<FundListItem>>('/funds', { ...query }),
  get: (id: string): Promise<FundDetail> => api.get<FundDetail>(fund(id)),
  create: (body: CreateFundInput): Promise<FundDetail> => api.post<FundDetail>('/funds', body),
  setBudget: (id: string, body: FundBudgetInput): Promise<FundDetail> => api.put<FundDetail>(fund(id, '/budgets'), body),
  addIncome: (id: string, body: FundIncomeInput): Promise<FundDetail> => api.post<FundDetail>(fund(id, '/incomes'), body),
  entries: (id: string, query: LedgerEntryQuery): Promise<LedgerEntryPage> => api.get<LedgerEntryPage>(fund(id, '/entries'), { ...query }),
  payouts: (query: PayoutListQuery): Promise<Page<Payout>> => api.get<Page<Payout>>('/payouts', { ...query }),
  createBatch: (fundId: string): Promise<CreatedBatch> => api.post<CreatedBatch>(fund(fundId, '/batches')),
  batches: (query: PayoutBatchListQuery): Promise<Page<PayoutBatch>> => api.get<Page<PayoutBatch>>('/payout-batches', { ...query }),
  /** the bank file's path (GET, downloaded with fileApi.download) */
  exportPath: (id: string): string => batch(id, '/export.xlsx'),
  markPaid: (id: string, bankReference: string): Promise<PayoutBatch> => api.post<PayoutBatch>(batch(id, '/paid'), { bankReference }),
};
