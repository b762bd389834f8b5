import type {
  attendanceBodySchema,
  Cadre,
  CadreListItem,
  CadreSettings,
  CadreStats,
  Committee,
  CommitteeDueGroup,
  CommitteeItem,
  Page,
  Training,
  TrainingItem,
  cadreBodySchema,
  cadreListQuerySchema,
  committeeBodySchema,
  committeeListQuerySchema,
  leaveCadreBodySchema,
  renewCommitteeBodySchema,
  trainingBodySchema,
  trainingListQuerySchema,
  updateCadreBodySchema,
  updateCommitteeBodySchema,
  updateTrainingBodySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type CadreListQuery = Partial<Output<typeof cadreListQuerySchema>>;
export type CadreFilter = Omit<CadreListQuery, 'page' | 'pageSize'>;
export type CadreBody = Input<typeof cadreBodySchema>;
export type UpdateCadreBody = Input<typeof updateCadreBodySchema>;
export type LeaveCadreBody = Input<typeof leaveCadreBodySchema>;
export type CommitteeListQuery = Partial<Output<typeof committeeListQuerySchema>>;
export type CommitteeBody = Input<typeof committeeBodySchema>;
export type UpdateCommitteeBody = Input<typeof updateCommitteeBodySchema>;
export type RenewCommitteeBody = Input<typeof renewCommitteeBodySchema>;
export type TrainingListQuery = Partial<Output<typeof trainingListQuerySchema>>;
export type TrainingBody = Input<typeof trainingBodySchema>;
export type UpdateTrainingBody = Input<typeof updateTrainingBodySchema>;
export type AttendanceBody = Input<typeof attendanceBodySchema>;

/** Query keys of the 工会干部 screens: one prefix, so any change refreshes the register, committees, sessions and statistics. */
export const cadreKeys = {
  all: ['cadres'] as const,
  list: (query: object) => ['cadres', 'list', query] as const,
  detail: (id: string) => ['cadres', 'detail', id] as const,
  committees: (query: object) => ['cadres', 'committees', query] as const,
  committee: (id: string) => ['cadres', 'committee', id] as const,
  due: ['cadres', 'due'] as const,
  trainings: (query: object) => ['cadres', 'trainings', query] as const,
  training: (id: string) => ['cadres', 'training', id] as const,
  stats: (query: object) => ['cadres', 'stats', query] as const,
  settings: ['cadres', 'settings'] as const,
};

const BASE = '/cadres';
const at = (kind: string, id: string, rest = '') => `${BASE}${kind}/${encodeURIComponent(id)}${rest}`;

export const cadreApi = {
  list: (query: CadreListQuery): Promise<Page<CadreListItem>> => api.get<Page<CadreListItem>>(BASE, { ...query }),
  get: (id: string): Promise<Cadre> => api.get<Cadre>(at('', id)),
  create: (body: CadreBody): Promise<Cadre> => api.post<Cadre>(BASE, body),
  update: (id: string, body: UpdateCadreBody): Promise<Cadre> => api.put<Cadre>(at('', id), body),
  leave: (id: string, body: LeaveCadreBody): Promise<Cadre> => api.post<Cadre>(at('', id, '/leave'), body),
  /** downloads the register with the filters (身份证 and phones masked; the server audits the export) */
  export: (query: CadreFilter): Promise<void> => fileApi.download(`${BASE}/export.xlsx${buildQuery({ ...query })}`, '工会干部名册.xlsx'),
  committees: (query: CommitteeListQuery): Promise<Page<CommitteeItem>> => api.get<Page<CommitteeItem>>(`${BASE}/committees`, { ...query }),
  committee: (id: string): Promise<Committee> => api.get<Committee>(at('/committees', id)),
  due: (): Promise<CommitteeDueGroup[]> => api.get<CommitteeDueGroup[]>(`${BASE}/committees/due`),
  createCommittee: (body: CommitteeBody): Promise<Committee> => api.post<Committee>(`${BASE}/committees`, body),
  updateCommittee: (id: string, body: UpdateCommitteeBody): Promise<Committee> => api.put<Committee>(at('/committees', id), body),
  renewCommittee: (id: string, body: RenewCommitteeBody): Promise<Committee> => api.post<Committee>(at('/committees', id, '/renew'), body),
  trainings: (query: TrainingListQuery): Promise<Page<TrainingItem>> => api.get<Page<TrainingItem>>(`${BASE}/trainings`, { ...query }),
  training: (id: string): Promise<Training> => api.get<Training>(at('/trainings', id)),
  createTraining: (body: TrainingBody): Promise<Training> => api.post<Training>(`${BASE}/trainings`, body),
  updateTraining: (id: string, body: UpdateTrainingBody): Promise<Training> => api.put<Training>(at('/trainings', id), body),
  attendance: (id: string, body: AttendanceBody): Promise<Training> => api.put<Training>(at('/trainings', id, '/attendance'), body),
  stats: (query: { year?: number; orgId?: string }): Promise<CadreStats> => api.get<CadreStats>(`${BASE}/statistics`, { ...query }),
  settings: (): Promise<CadreSettings> => api.get<CadreSettings>(`${BASE}/settings`),
  saveSettings: (body: CadreSettings): Promise<CadreSettings> => api.put<CadreSettings>(`${BASE}/settings`, body),
};
