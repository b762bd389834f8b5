import type {
  Page,
  RecuperationBase,
  RecuperationBatch,
  RecuperationBatchListItem,
  RecuperationEnrolment,
  RecuperationPlan,
  RecuperationRestedPage,
  RecuperationRoute,
  SignupResult,
  allocateQuotaBodySchema,
  enrolmentListQuerySchema,
  recuperationBaseBodySchema,
  recuperationBaseListQuerySchema,
  recuperationBatchBodySchema,
  recuperationBatchListQuerySchema,
  recuperationNominationBodySchema,
  recuperationPlanBodySchema,
  recuperationRestedQuerySchema,
  recuperationRouteBodySchema,
  recuperationRouteListQuerySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type RecuperationBatchListQuery = Partial<Output<typeof recuperationBatchListQuerySchema>>;
export type RecuperationBatchFilterQuery = Omit<RecuperationBatchListQuery, 'page' | 'pageSize'>;
export type RecuperationEnrolmentListQuery = Partial<Output<typeof enrolmentListQuerySchema>>;
export type RecuperationBaseListQuery = Partial<Output<typeof recuperationBaseListQuerySchema>>;
export type RecuperationRouteListQuery = Partial<Output<typeof recuperationRouteListQuerySchema>>;
export type RecuperationRestedQuery = Partial<Output<typeof recuperationRestedQuerySchema>>;
export type RecuperationBatchBody = Input<typeof recuperationBatchBodySchema>;
export type RecuperationBaseBody = Input<typeof recuperationBaseBodySchema>;
export type RecuperationRouteBody = Input<typeof recuperationRouteBodySchema>;
export type RecuperationPlanBody = Input<typeof recuperationPlanBodySchema>;
export type RecuperationNominationBody = Input<typeof recuperationNominationBodySchema>;
export type AllocateQuotaBody = Input<typeof allocateQuotaBodySchema>;

/** Query keys of the 疗休养 staff screens (one prefix: a change refreshes lists, details, rosters and the catalogue). */
export const recuperationKeys = {
  all: ['recuperation'] as const,
  list: (query: object) => ['recuperation', 'batches', query] as const,
  detail: (id: string) => ['recuperation', 'batch', id] as const,
  enrolments: (id: string, query: object) => ['recuperation', 'enrolments', id, query] as const,
  bases: (query: object) => ['recuperation', 'bases', query] as const,
  routes: (query: object) => ['recuperation', 'routes', query] as const,
  plan: (year: number) => ['recuperation', 'plan', year] as const,
  rested: (query: object) => ['recuperation', 'rested', query] as const,
};

const batch = (id: string, rest = ''): string => `/recuperation/batches/${encodeURIComponent(id)}${rest}`;

/** 职工疗休养 (staff): batches with quotas and nominations, bases and routes, the year's plan, who rested. */
export const recuperationApi = {
  list: (query: RecuperationBatchListQuery): Promise<Page<RecuperationBatchListItem>> => api.get<Page<RecuperationBatchListItem>>('/recuperation/batches', { ...query }),
  get: (id: string): Promise<RecuperationBatch> => api.get<RecuperationBatch>(batch(id)),
  create: (body: RecuperationBatchBody): Promise<RecuperationBatch> => api.post<RecuperationBatch>('/recuperation/batches', body),
  update: (id: string, body: RecuperationBatchBody): Promise<RecuperationBatch> => api.put<RecuperationBatch>(batch(id), body),
  publish: (id: string): Promise<RecuperationBatch> => api.post<RecuperationBatch>(batch(id, '/publish')),
  allocateQuota: (id: string, body: AllocateQuotaBody): Promise<RecuperationBatch> => api.post<RecuperationBatch>(batch(id, '/quotas'), body),
  enrolments: (id: string, query: RecuperationEnrolmentListQuery): Promise<Page<RecuperationEnrolment>> =>
    api.get<Page<RecuperationEnrolment>>(batch(id, '/enrolments'), { ...query }),
  nominate: (id: string, body: RecuperationNominationBody): Promise<SignupResult> => api.post<SignupResult>(batch(id, '/nominations'), body),
  cancelEnrolment: (id: string, enrolmentId: string, reason: string): Promise<{ ok: true }> =>
    api.post<{ ok: true }>(batch(id, `/enrolments/${encodeURIComponent(enrolmentId)}/cancel`), { reason }),

  bases: (query: RecuperationBaseListQuery): Promise<Page<RecuperationBase>> => api.get<Page<RecuperationBase>>('/recuperation/bases', { ...query }),
  createBase: (body: RecuperationBaseBody): Promise<RecuperationBase> => api.post<RecuperationBase>('/recuperation/bases', body),
  updateBase: (id: string, body: RecuperationBaseBody): Promise<RecuperationBase> => api.put<RecuperationBase>(`/recuperation/bases/${encodeURIComponent(id)}`, body),
  deleteBase: (id: string): Promise<{ ok: true }> => api.delete<{ ok: true }>(`/recuperation/bases/${encodeURIComponent(id)}`),
  routes: (query: RecuperationRouteListQuery): Promise<Page<RecuperationRoute>> => api.get<Page<RecuperationRoute>>('/recuperation/routes', { ...query }),
  createRoute: (body: RecuperationRouteBody): Promise<RecuperationRoute> => api.post<RecuperationRoute>('/recuperation/routes', body),
  updateRoute: (id: string, body: RecuperationRouteBody): Promise<RecuperationRoute> => api.put<RecuperationRoute>(`/recuperation/routes/${encodeURIComponent(id)}`, body),
  deleteRoute: (id: string): Promise<{ ok: true }> => api.delete<{ ok: true }>(`/recuperation/routes/${encodeURIComponent(id)}`),
  plan: (year: number): Promise<RecuperationPlan> => api.get<RecuperationPlan>(`/recuperation/plans/${year}`),
  setPlan: (year: number, body: RecuperationPlanBody): Promise<RecuperationPlan> => api.put<RecuperationPlan>(`/recuperation/plans/${year}`, body),

  rested: (query: RecuperationRestedQuery): Promise<RecuperationRestedPage> => api.get<RecuperationRestedPage>('/recuperation/rested', { ...query }),
  /** downloads the masked list (the server audits the export) */
  exportRested: (query: Omit<RecuperationRestedQuery, 'page' | 'pageSize'>): Promise<void> =>
    fileApi.download(`/recuperation/rested/export.xlsx${buildQuery({ ...query })}`, `已疗休养人员-${query.year ?? ''}.xlsx`),
};
