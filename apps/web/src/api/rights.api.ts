import type { HazardEnterpriseOption, Page, RightsCampaign, RightsCase, RightsCaseListItem, hotlineRightsCaseBodySchema, memberRightsCaseBodySchema, rightsCloseBodySchema, rightsListQuerySchema, rightsStepBodySchema, RightsSatisfaction } from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type RightsListQuery = Partial<Output<typeof rightsListQuerySchema>>;
export type HotlineCaseBody = Input<typeof hotlineRightsCaseBodySchema>;
export type MemberCaseBody = Input<typeof memberRightsCaseBodySchema>;
export type RightsStepBody = Input<typeof rightsStepBodySchema>;
export type RightsCloseBody = Input<typeof rightsCloseBodySchema>;
type Districts = { districts: { id: string; name: string }[] };

export const rightsKeys = {
  all: ['rights'] as const,
  list: (query: object) => ['rights', 'list', query] as const,
  one: (id: string) => ['rights', 'one', id] as const,
  campaign: (query: object) => ['rights', 'campaign', query] as const,
  options: ['rights', 'options'] as const,
  enterprises: (q: string) => ['rights', 'enterprises', q] as const,
  mine: ['rights', 'me'] as const,
  myOne: (id: string) => ['rights', 'me', id] as const,
};

const one = (id: string, rest = ''): string => `/rights/cases/${encodeURIComponent(id)}${rest}`;
const mine = (id: string, rest = ''): string => `/m/rights/cases/${encodeURIComponent(id)}${rest}`;

/** 维权案件 (staff): 12351 intake, list, export, 春节前欠薪专项, acceptance, steps, closure. */
export const rightsApi = {
  list: (query: RightsListQuery): Promise<Page<RightsCaseListItem>> => api.get<Page<RightsCaseListItem>>('/rights/cases', { ...query }),
  get: (id: string): Promise<RightsCase> => api.get<RightsCase>(one(id)),
  exportList: (query: Omit<RightsListQuery, 'page' | 'pageSize'>): Promise<void> => fileApi.download(`/rights/cases/export.xlsx${buildQuery({ ...query })}`, '维权案件.xlsx'),
  campaign: (query: { from?: string; to?: string }): Promise<RightsCampaign> => api.get<RightsCampaign>('/rights/campaign', { ...query }),
  options: (): Promise<Districts> => api.get<Districts>('/rights/options'),
  enterprises: (q: string): Promise<HazardEnterpriseOption[]> => api.get<HazardEnterpriseOption[]>('/rights/enterprises', { q }),
  intake: (body: HotlineCaseBody): Promise<RightsCase> => api.post<RightsCase>('/rights/cases', body),
  accept: (id: string, body: { decision: 'accept' | 'reject'; opinion?: string }): Promise<RightsCase> => api.post<RightsCase>(one(id, '/accept'), body),
  addStep: (id: string, body: RightsStepBody): Promise<RightsCase> => api.post<RightsCase>(one(id, '/steps'), body),
  close: (id: string, body: RightsCloseBody): Promise<RightsCase> => api.post<RightsCase>(one(id, '/close'), body),
};

/** The worker's own (H5 `/m`). */
export const myRightsApi = {
  mine: (): Promise<Page<RightsCaseListItem>> => api.get<Page<RightsCaseListItem>>('/m/rights/cases'),
  get: (id: string): Promise<RightsCase> => api.get<RightsCase>(mine(id)),
  options: (): Promise<Districts> => api.get<Districts>('/m/rights/options'),
  enterprises: (q: string): Promise<HazardEnterpriseOption[]> => api.get<HazardEnterpriseOption[]>('/m/rights/enterprises', { q }),
  create: (body: MemberCaseBody): Promise<RightsCase> => api.post<RightsCase>('/m/rights/cases', body),
  withdraw: (id: string): Promise<RightsCase> => api.post<RightsCase>(mine(id, '/withdraw')),
  rate: (id: string, body: { satisfaction: RightsSatisfaction; comment?: string }): Promise<RightsCase> => api.post<RightsCase>(mine(id, '/rating'), body),
};
