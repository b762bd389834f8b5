import type {
  ModelWorker,
  ModelWorkerCareCount,
  ModelWorkerListItem,
  Page,
  modelWorkerBodySchema,
  modelWorkerListQuerySchema,
  placementBodySchema,
  placementStatusBodySchema,
  updateModelWorkerBodySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type ModelWorkerListQuery = Partial<Output<typeof modelWorkerListQuerySchema>>;
export type ModelWorkerFilter = Omit<ModelWorkerListQuery, 'page' | 'pageSize'>;
export type ModelWorkerBody = Input<typeof modelWorkerBodySchema>;
export type UpdateModelWorkerBody = Input<typeof updateModelWorkerBodySchema>;
export type PlacementBody = Input<typeof placementBodySchema>;
export type PlacementStatusBody = Input<typeof placementStatusBodySchema>;

/** Query keys of the 劳模 screens (one prefix: a change refreshes the registry, the care list and the details). */
export const modelWorkerKeys = {
  all: ['model-workers'] as const,
  list: (query: object) => ['model-workers', 'list', query] as const,
  care: (query: object) => ['model-workers', 'care', query] as const,
  careCounts: ['model-workers', 'care-counts'] as const,
  detail: (id: string) => ['model-workers', 'detail', id] as const,
};

const BASE = '/honours/model-workers';
const path = (id: string, rest = ''): string => `${BASE}/${encodeURIComponent(id)}${rest}`;

/** 劳模 registry and care: the flags (≥ 75, 鳏寡独居) are the server's, computed on the day. */
export const modelWorkerApi = {
  list: (query: ModelWorkerListQuery): Promise<Page<ModelWorkerListItem>> => api.get<Page<ModelWorkerListItem>>(BASE, { ...query }),
  care: (query: ModelWorkerListQuery): Promise<Page<ModelWorkerListItem>> => api.get<Page<ModelWorkerListItem>>(`${BASE}/care`, { ...query }),
  careCounts: (): Promise<ModelWorkerCareCount[]> => api.get<ModelWorkerCareCount[]>(`${BASE}/care/by-district`),
  get: (id: string): Promise<ModelWorker> => api.get<ModelWorker>(path(id)),
  create: (body: ModelWorkerBody): Promise<ModelWorker> => api.post<ModelWorker>(BASE, body),
  update: (id: string, body: UpdateModelWorkerBody): Promise<ModelWorker> => api.put<ModelWorker>(path(id), body),
  applyPlacement: (id: string, body: PlacementBody): Promise<ModelWorker> => api.post<ModelWorker>(path(id, '/placements'), body),
  changePlacement: (id: string, placementId: string, body: PlacementStatusBody): Promise<ModelWorker> =>
    api.post<ModelWorker>(path(id, `/placements/${encodeURIComponent(placementId)}/status`), body),
  /** downloads the registry with the filters (身份证 and phones masked; the server audits the export) */
  export: (query: ModelWorkerFilter): Promise<void> => fileApi.download(`${BASE}/export.xlsx${buildQuery({ ...query })}`, '劳模名册.xlsx'),
};
