import type { MemberRecuperationBatch, MemberRecuperationOverview, RecuperationCompanion, SignupResult } from '@gonghui/contracts';
import { api } from './api-client';

export type CompanionInput = Pick<RecuperationCompanion, 'name' | 'relation'>;

/** Query keys of the member's 疗休养 pages: one prefix, so a sign-up or a cancel refreshes them all. */
export const memberRecuperationKeys = {
  all: ['member-recuperation'] as const,
  overview: ['member-recuperation', 'overview'] as const,
  detail: (id: string) => ['member-recuperation', 'detail', id] as const,
};

const at = (id: string, rest = ''): string => `/m/recuperation/batches/${encodeURIComponent(id)}${rest}`;

/** 职工疗休养 (H5 `/m`): the year's cost and the open batches, signing up (with companions at their own cost) and cancel. */
export const memberRecuperationApi = {
  overview: (): Promise<MemberRecuperationOverview> => api.get<MemberRecuperationOverview>('/m/recuperation/batches'),
  get: (id: string): Promise<MemberRecuperationBatch> => api.get<MemberRecuperationBatch>(at(id)),
  /** 201 with the result; 409 with the reason in Chinese (名额已满、超出年度上限、仅限推荐 …) */
  signUp: (id: string, companions: CompanionInput[]): Promise<SignupResult> =>
    api.post<SignupResult>(`/recuperation/batches/${encodeURIComponent(id)}/signups`, companions.length > 0 ? { companions } : {}),
  /** 409 after the cancel deadline */
  cancel: (id: string): Promise<MemberRecuperationBatch> => api.post<MemberRecuperationBatch>(at(id, '/cancel'), {}),
};
