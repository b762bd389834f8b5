import type {
  CondolenceCoverage,
  CondolencePlan,
  CondolencePlanListItem,
  CondolenceVisit,
  Page,
  condolencePlanActionBodySchema,
  condolencePlanBodySchema,
  condolencePlanListQuerySchema,
  condolenceVisitBodySchema,
  condolenceVisitListQuerySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type CondolencePlanListQuery = Partial<Output<typeof condolencePlanListQuerySchema>>;
export type CondolenceVisitListQuery = Partial<Output<typeof condolenceVisitListQuerySchema>>;
export type CondolenceVisitFilter = Omit<CondolenceVisitListQuery, 'page' | 'pageSize'>;
export type CondolencePlanBody = Input<typeof condolencePlanBodySchema>;
export type CondolencePlanActionBody = Input<typeof condolencePlanActionBodySchema>;
export type CondolenceVisitBody = Input<typeof condolenceVisitBodySchema>;
export type CondolenceVisitPage = Page<CondolenceVisit> & { moneyFen: number };

/** Query keys of the 送温暖 screens (one prefix: a change refreshes plans, coverage and visits). */
export const condolenceKeys = {
  all: ['condolences'] as const,
  plans: (query: object) => ['condolences', 'plans', query] as const,
  plan: (id: string) => ['condolences', 'plan', id] as const,
  coverage: (id: string) => ['condolences', 'coverage', id] as const,
  visits: (query: object) => ['condolences', 'visits', query] as const,
};

const plan = (id: string, rest = ''): string => `/condolences/plans/${encodeURIComponent(id)}${rest}`;

/** 送温暖: plans with the 只做加法 rule, their review, coverage, visits and the visited list. */
export const condolenceApi = {
  plans: (query: CondolencePlanListQuery): Promise<Page<CondolencePlanListItem>> => api.get<Page<CondolencePlanListItem>>('/condolences/plans', { ...query }),
  plan: (id: string): Promise<CondolencePlan> => api.get<CondolencePlan>(plan(id)),
  createPlan: (body: CondolencePlanBody): Promise<CondolencePlan> => api.post<CondolencePlan>('/condolences/plans', body),
  updatePlan: (id: string, body: CondolencePlanBody): Promise<CondolencePlan> => api.put<CondolencePlan>(plan(id), body),
  act: (id: string, body: CondolencePlanActionBody): Promise<CondolencePlan> => api.post<CondolencePlan>(plan(id, '/actions'), body),
  coverage: (id: string): Promise<CondolenceCoverage> => api.get<CondolenceCoverage>(plan(id, '/coverage')),
  visits: (query: CondolenceVisitListQuery): Promise<CondolenceVisitPage> => api.get<CondolenceVisitPage>('/condolences/visits', { ...query }),
  recordVisit: (body: CondolenceVisitBody): Promise<CondolenceVisit> => api.post<CondolenceVisit>('/condolences/visits', body),
  photos: attachmentApi<CondolenceVisit, 'photo'>('/condolences/visits', 'photos'),
  /** downloads the visited list (phones masked; the server audits the export) */
  exportVisits: (query: CondolenceVisitFilter): Promise<void> => fileApi.download(`/condolences/visits/export.xlsx${buildQuery({ ...query })}`, '送温暖慰问名单.xlsx'),
};
