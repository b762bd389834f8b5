import type { CraftsmanCall, CraftsmanContest, CraftsmanNomination, CraftsmanRankingItem, CraftsmanRegisterItem, CraftsmanStage, Page, craftsmanActionBodySchema, craftsmanCallBodySchema, craftsmanNominationBodySchema, craftsmanNominationUpdateSchema, craftsmanScoreBodySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';

type Input<S extends { _input: unknown }> = S['_input'];
export type CraftsmanCallBody = Input<typeof craftsmanCallBodySchema>;
export type CraftsmanNominationBody = Input<typeof craftsmanNominationBodySchema>;
export type CraftsmanNominationUpdate = Input<typeof craftsmanNominationUpdateSchema>;
export type CraftsmanActionBody = Input<typeof craftsmanActionBodySchema>;
export type CraftsmanScoreBody = Input<typeof craftsmanScoreBodySchema>;
export type { CraftsmanRankingItem };
export type CraftsmanListQuery = { callId?: string; stage?: CraftsmanStage; q?: string; page?: number; pageSize?: number };

export const craftsmanKeys = {
  all: ['craftsman'] as const,
  calls: ['craftsman', 'calls'] as const,
  list: (q: object) => ['craftsman', 'list', q] as const,
  one: (id: string) => ['craftsman', 'one', id] as const,
  ranking: (callId: string) => ['craftsman', 'ranking', callId] as const,
  register: (year: number) => ['craftsman', 'register', year] as const,
};

const base = '/honours/craftsman';
const n = (id: string, rest = '') => `${base}/nominations/${encodeURIComponent(id)}${rest}`;

/** 杭州工匠: yearly calls and quotas, nominations with evidence, expert scores, decision, approval, award, certificate, register. */
export const craftsmanApi = {
  /** the member's city-level-and-above 技能比武 results, to pre-fill a nomination */
  registryContests: async (memberId: string): Promise<CraftsmanContest[]> => (await api.get<{ items: CraftsmanContest[] }>(`${base}/members/${encodeURIComponent(memberId)}/contest-results`)).items,
  calls: async (): Promise<CraftsmanCall[]> => (await api.get<{ items: CraftsmanCall[] }>(`${base}/calls`)).items,
  createCall: (body: CraftsmanCallBody): Promise<CraftsmanCall> => api.post<CraftsmanCall>(`${base}/calls`, body),
  updateCall: (id: string, body: CraftsmanCallBody): Promise<CraftsmanCall> => api.put<CraftsmanCall>(`${base}/calls/${encodeURIComponent(id)}`, body),
  moveCall: (id: string, status: CraftsmanCall['status']): Promise<CraftsmanCall> => api.post<CraftsmanCall>(`${base}/calls/${encodeURIComponent(id)}/status`, { status }),
  ranking: async (callId: string): Promise<CraftsmanRankingItem[]> => (await api.get<{ items: CraftsmanRankingItem[] }>(`${base}/calls/${encodeURIComponent(callId)}/ranking`)).items,
  list: (q: CraftsmanListQuery): Promise<Page<CraftsmanNomination>> => api.get<Page<CraftsmanNomination>>(`${base}/nominations`, { ...q }),
  get: (id: string): Promise<CraftsmanNomination> => api.get<CraftsmanNomination>(n(id)),
  create: (body: CraftsmanNominationBody): Promise<CraftsmanNomination> => api.post<CraftsmanNomination>(`${base}/nominations`, body),
  update: (id: string, body: CraftsmanNominationUpdate): Promise<CraftsmanNomination> => api.patch<CraftsmanNomination>(n(id), body),
  act: (id: string, body: CraftsmanActionBody): Promise<CraftsmanNomination> => api.post<CraftsmanNomination>(n(id, '/actions'), body),
  score: (id: string, body: CraftsmanScoreBody): Promise<CraftsmanNomination> => api.put<CraftsmanNomination>(n(id, '/my-score'), body),
  cityApprove: (id: string): Promise<CraftsmanNomination> => api.post<CraftsmanNomination>(n(id, '/city-approval'), {}),
  payAward: (id: string, fundId: string, idempotencyKey: string): Promise<{ nomination: CraftsmanNomination; replayed: boolean }> =>
    api.post<{ nomination: CraftsmanNomination; replayed: boolean }>(n(id, '/award'), { fundId }, { headers: { 'idempotency-key': idempotencyKey } }),
  certificateHref: (id: string): string => `/api${n(id, '/certificate.pdf')}`,
  register: async (year: number): Promise<CraftsmanRegisterItem[]> => (await api.get<{ items: CraftsmanRegisterItem[] }>(`${base}/register`, { year })).items,
  registerExportPath: (year: number): string => `${base}/register/export.xlsx?year=${year}`,
  evidence: attachmentApi<CraftsmanNomination>(`${base}/nominations`, 'evidence'),
};
