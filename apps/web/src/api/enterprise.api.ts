import type { Enterprise, Page } from '@gonghui/contracts';
import { api } from './api-client';
import type {
  CreateEnterpriseInput,
  EnterpriseExportBody,
  EnterpriseFilterQuery,
  EnterpriseListQuery,
  JobStarted,
  ReviewCreditCodeBody,
  UpdateEnterpriseBody,
} from './contract-types';

const path = (id: string, rest = ''): string => `/enterprises/${encodeURIComponent(id)}${rest}`;
const flag = (v: boolean | undefined): 'true' | 'false' | undefined => (v === undefined ? undefined : v ? 'true' : 'false');

function exportBody(f: EnterpriseFilterQuery): EnterpriseExportBody {
  return {
    q: f.q,
    orgId: f.orgId,
    review: f.review,
    minEmployees: f.minEmployees,
    unionised: flag(f.unionised),
    nonPublic: flag(f.nonPublic),
    platformCompany: flag(f.platformCompany),
  };
}

/** 企业与建会: the registry the 建会率 counts, including the 未建会企业 work list. */
export const enterpriseApi = {
  list: (query: EnterpriseListQuery): Promise<Page<Enterprise>> => api.get<Page<Enterprise>>('/enterprises', { ...query }),
  get: (id: string): Promise<Enterprise> => api.get<Enterprise>(path(id)),
  create: (body: CreateEnterpriseInput): Promise<Enterprise> => api.post<Enterprise>('/enterprises', body),
  update: (id: string, body: UpdateEnterpriseBody): Promise<Enterprise> => api.patch<Enterprise>(path(id), body),
  review: (id: string, body: ReviewCreditCodeBody): Promise<Enterprise> => api.post<Enterprise>(path(id, '/credit-code-review'), body),
  /** exports what the list shows with these filters (the 未建会企业 work list: unionised false + minEmployees) */
  export: (filters: EnterpriseFilterQuery): Promise<JobStarted> => api.post<JobStarted>('/enterprises/export', exportBody(filters)),
};

export const ENTERPRISE_IMPORT = {
  endpoint: '/enterprises/import',
  templatePath: '/enterprises/import-template.xlsx',
  errorReportPath: (jobId: string) => `/enterprises/import/${encodeURIComponent(jobId)}/errors.xlsx`,
} as const;
