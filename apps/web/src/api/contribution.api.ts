import type {
  Contribution, ContributionArrearsItem, ContributionBody, ContributionPayerBody, ContributionPayment, ContributionReport, ContributionUpdate, FinanceSettings, FinanceSettingsBody, Page,
  contributionArrearsQuerySchema, contributionListQuerySchema,
} from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';

type Output<S extends { _output: unknown }> = S['_output'];
export type ContributionListQuery = Partial<Output<typeof contributionListQuerySchema>>;
export type ContributionArrearsQuery = Partial<Output<typeof contributionArrearsQuerySchema>>;
export type ContributionListItem = Omit<Contribution, 'allocations'>;
export interface ContributionReportQuery {
  year: number;
  orgId?: string;
}

export const contributionKeys = {
  all: ['contributions'] as const,
  list: (q: object) => ['contributions', 'list', q] as const,
  one: (id: string) => ['contributions', 'one', id] as const,
  arrears: (q: object) => ['contributions', 'arrears', q] as const,
  report: (q: object) => ['contributions', 'report', q] as const,
  settings: ['finance-settings'] as const,
};

const base = '/finance/contributions';
const one = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;
const filters = <T extends { page?: number; pageSize?: number }>({ page: _p, pageSize: _s, ...rest }: T) => rest;

/** 工会经费: declarations, receipt and split, arrears and 催缴, the report, the split settings. */
export const contributionApi = {
  list: (q: ContributionListQuery): Promise<Page<ContributionListItem>> => api.get<Page<ContributionListItem>>(base, { ...q }),
  export: (q: ContributionListQuery): Promise<JobStarted> => api.post<JobStarted>(`${base}/export`, filters(q)),
  get: (id: string): Promise<Contribution> => api.get<Contribution>(one(id)),
  declare: (body: ContributionBody): Promise<Contribution> => api.post<Contribution>(base, body),
  update: (id: string, body: ContributionUpdate): Promise<Contribution> => api.put<Contribution>(one(id), body),
  confirmPayment: (id: string, body: ContributionPayment): Promise<Contribution> => api.post<Contribution>(one(id, '/payment'), body),
  arrears: (q: ContributionArrearsQuery): Promise<Page<ContributionArrearsItem>> => api.get<Page<ContributionArrearsItem>>(`${base}/arrears`, { ...q }),
  exportArrears: (q: ContributionArrearsQuery): Promise<JobStarted> => api.post<JobStarted>(`${base}/arrears/export`, filters(q)),
  remind: (enterpriseId: string): Promise<{ months: number }> => api.post<{ months: number }>(`${base}/remind`, { enterpriseId }),
  enrol: (body: ContributionPayerBody): Promise<{ enterpriseId: string; since: string }> => api.post<{ enterpriseId: string; since: string }>(`${base}/payers`, body),
  report: (q: ContributionReportQuery): Promise<ContributionReport> => api.get<ContributionReport>(`${base}/report`, { ...q }),
  exportReport: (q: ContributionReportQuery): Promise<JobStarted> => api.post<JobStarted>(`${base}/report/export`, q),
  settings: (): Promise<FinanceSettings> => api.get<FinanceSettings>('/finance/settings'),
  saveSettings: (body: FinanceSettingsBody): Promise<FinanceSettings> => api.put<FinanceSettings>('/finance/settings', body),
};
