import type { Page, WageContract, WageContractBody, WageContractListItem, WageCoverage, WageFilingBody, WageRoundBody, WageVoteBody, wageContractListQuerySchema } from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';

type Input<S extends { _input: unknown }> = S['_input'];
export type WageContractListQuery = Partial<Omit<Input<typeof wageContractListQuerySchema>, 'page' | 'pageSize'>> & { page?: number; pageSize?: number };

export const wageContractKeys = {
  all: ['wage-contracts'] as const,
  list: (q: object) => ['wage-contracts', 'list', q] as const,
  one: (id: string) => ['wage-contracts', 'one', id] as const,
  coverage: (orgId?: string) => ['wage-contracts', 'coverage', orgId ?? ''] as const,
};

const c = (id: string, rest = '') => `/wage-contracts/${encodeURIComponent(id)}${rest}`;

/** 工资集体协商: collective contracts, rounds, votes, filing, renewal and coverage. */
export const wageContractApi = {
  list: (q: WageContractListQuery): Promise<Page<WageContractListItem>> => api.get<Page<WageContractListItem>>('/wage-contracts', { ...q }),
  export: ({ kind, phase, q }: WageContractListQuery): Promise<JobStarted> => api.post<JobStarted>('/wage-contracts/export', { kind, phase, q }),
  create: (body: WageContractBody): Promise<WageContract> => api.post<WageContract>('/wage-contracts', body),
  get: (id: string): Promise<WageContract> => api.get<WageContract>(c(id)),
  update: (id: string, body: WageContractBody): Promise<WageContract> => api.put<WageContract>(c(id), body),
  renew: (id: string, body: WageContractBody): Promise<WageContract> => api.post<WageContract>(c(id, '/renew'), body),
  addRound: (id: string, body: WageRoundBody): Promise<WageContract> => api.post<WageContract>(c(id, '/rounds'), body),
  vote: (id: string, body: WageVoteBody): Promise<WageContract> => api.post<WageContract>(c(id, '/votes'), body),
  file: (id: string, body: WageFilingBody): Promise<WageContract> => api.post<WageContract>(c(id, '/filing'), body),
  coverage: (orgId?: string): Promise<WageCoverage> => api.get<WageCoverage>('/wage-contracts/coverage', orgId ? { orgId } : {}),
};
