import type { Hazard, HazardEnterpriseOption, HazardListItem, HazardStats, MyHazards, Page, createHazardBodySchema, hazardListQuerySchema, hazardReviewBodySchema } from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type HazardListQuery = Partial<Output<typeof hazardListQuerySchema>>;
export type CreateHazardBody = Input<typeof createHazardBodySchema>;
export type HazardReviewBody = Input<typeof hazardReviewBodySchema>;
export type HazardPhotoType = 'scene' | 'rectified';

export const hazardKeys = {
  all: ['hazards'] as const,
  list: (query: object) => ['hazards', 'list', query] as const,
  one: (id: string) => ['hazards', 'one', id] as const,
  stats: ['hazards', 'stats'] as const,
  mine: ['hazards', 'me'] as const,
  myOne: (id: string) => ['hazards', 'me', id] as const,
  options: ['hazards', 'me', 'options'] as const,
  enterprises: (q: string) => ['hazards', 'me', 'enterprises', q] as const,
};

const one = (id: string, rest = ''): string => `/hazards/${encodeURIComponent(id)}${rest}`;

/** 安全隐患随手拍 (staff): list, statistics, export, review, rectification, verification, 销号. */
export const hazardApi = {
  list: (query: HazardListQuery): Promise<Page<HazardListItem>> => api.get<Page<HazardListItem>>('/hazards', { ...query }),
  get: (id: string): Promise<Hazard> => api.get<Hazard>(one(id)),
  stats: (): Promise<HazardStats> => api.get<HazardStats>('/hazards/stats'),
  exportList: (query: Omit<HazardListQuery, 'page' | 'pageSize'>): Promise<void> => fileApi.download(`/hazards/export.xlsx${buildQuery({ ...query })}`, '安全隐患随手拍.xlsx'),
  review: (id: string, body: HazardReviewBody): Promise<Hazard> => api.post<Hazard>(one(id, '/review'), body),
  rectify: (id: string, note: string): Promise<Hazard> => api.post<Hazard>(one(id, '/rectify'), { note }),
  verify: (id: string, passed: boolean, note?: string): Promise<Hazard> => api.post<Hazard>(one(id, '/verify'), { passed, note }),
  close: (id: string, note?: string): Promise<Hazard> => api.post<Hazard>(one(id, '/close'), { note }),
  photos: attachmentApi<Hazard, 'scene'>('/hazards', 'photos'),
  rectifyPhotos: attachmentApi<Hazard, 'rectified'>('/hazards', 'rectify-photos'),
};

/** The worker's own (H5 `/m`). */
export const myHazardApi = {
  mine: (): Promise<MyHazards> => api.get<MyHazards>('/m/hazards'),
  get: (id: string): Promise<Hazard> => api.get<Hazard>(`/m/hazards/${encodeURIComponent(id)}`),
  options: (): Promise<{ districts: { id: string; name: string }[]; points: Record<string, number> }> => api.get('/m/hazards/options'),
  enterprises: (q: string): Promise<HazardEnterpriseOption[]> => api.get<HazardEnterpriseOption[]>('/m/hazards/enterprises', { q }),
  create: (body: CreateHazardBody): Promise<Hazard> => api.post<Hazard>('/m/hazards', body),
  submit: (id: string): Promise<Hazard> => api.post<Hazard>(`/m/hazards/${encodeURIComponent(id)}/submit`),
  photos: attachmentApi<Hazard, 'scene'>('/m/hazards', 'photos'),
  rectifyPhotos: attachmentApi<Hazard, 'rectified'>('/m/hazards', 'rectify-photos'),
};
