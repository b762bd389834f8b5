import type {
  Contest,
  Innovation,
  InnovationListItem,
  Page,
  contestBodySchema,
  contestListQuerySchema,
  contestResultBodySchema,
  innovationAdoptionBodySchema,
  innovationCreateBodySchema,
  innovationListQuerySchema,
  innovationSelfBodySchema,
  innovationUpdateBodySchema,
  workflowActionBodySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi, type AttachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type InnovationListQuery = Partial<Output<typeof innovationListQuerySchema>>;
export type InnovationFilter = Omit<InnovationListQuery, 'page' | 'pageSize'>;
export type InnovationCreateBody = Input<typeof innovationCreateBodySchema>;
export type InnovationSelfBody = Input<typeof innovationSelfBodySchema>;
export type InnovationUpdateBody = Input<typeof innovationUpdateBodySchema>;
export type InnovationActionBody = Input<typeof workflowActionBodySchema>;
export type InnovationAction = InnovationActionBody['action'];
export type InnovationAdoptionBody = Input<typeof innovationAdoptionBodySchema>;
export type ContestListQuery = Partial<Output<typeof contestListQuerySchema>>;
export type ContestBody = Input<typeof contestBodySchema>;
export type ContestResultBody = Input<typeof contestResultBodySchema>;
export type InnovationAttachmentApi = AttachmentApi<Innovation>;

/** Query keys of the innovation and contest screens (one prefix each: a change refreshes lists and details). */
export const innovationKeys = {
  all: ['innovations'] as const,
  list: (query: object) => ['innovations', 'list', query] as const,
  detail: (id: string) => ['innovations', 'detail', id] as const,
  mine: ['innovations', 'mine'] as const,
  myDetail: (id: string) => ['innovations', 'mine', id] as const,
  contests: ['skill-contests'] as const,
  contestList: (query: object) => ['skill-contests', 'list', query] as const,
  contest: (id: string) => ['skill-contests', 'detail', id] as const,
};

const path = (id: string, rest = ''): string => `/innovations/${encodeURIComponent(id)}${rest}`;
const mine = (id: string, rest = ''): string => `/m/innovations/${encodeURIComponent(id)}${rest}`;

export interface RewardAnswer {
  innovation: Innovation;
  replayed: boolean;
}

/** 五小创新与合理化建议 (staff). */
export const innovationApi = {
  list: (query: InnovationListQuery): Promise<Page<InnovationListItem>> => api.get<Page<InnovationListItem>>('/innovations', { ...query }),
  get: (id: string): Promise<Innovation> => api.get<Innovation>(path(id)),
  create: (body: InnovationCreateBody): Promise<Innovation> => api.post<Innovation>('/innovations', body),
  update: (id: string, body: InnovationUpdateBody): Promise<Innovation> => api.put<Innovation>(path(id), body),
  act: (id: string, body: InnovationActionBody): Promise<Innovation> => api.post<Innovation>(path(id, '/actions'), body),
  adopt: (id: string, body: InnovationAdoptionBody): Promise<Innovation> => api.put<Innovation>(path(id, '/adoption'), body),
  /** `idempotencyKey`: one per 发放 click, the same on a retry, so the reward is paid once. */
  reward: (id: string, body: { fundId: string; rewardFen: number }, idempotencyKey: string): Promise<RewardAnswer> =>
    api.post<RewardAnswer>(path(id, '/reward'), body, { headers: { 'idempotency-key': idempotencyKey } }),
  certificateHref: (id: string): string => `/api${path(id, '/certificate.pdf')}`,
  export: (query: InnovationFilter): Promise<void> => fileApi.download(`/innovations/export.xlsx${buildQuery({ ...query })}`, '五小创新与合理化建议.xlsx'),
  attachments: attachmentApi<Innovation>('/innovations', 'attachments'),
};

/** The worker's own innovations (H5 `/m`). */
export const myInnovationApi = {
  list: (): Promise<Page<InnovationListItem>> => api.get<Page<InnovationListItem>>('/m/innovations'),
  get: (id: string): Promise<Innovation> => api.get<Innovation>(mine(id)),
  submit: (body: InnovationSelfBody): Promise<Innovation> => api.post<Innovation>('/m/innovations', body),
  update: (id: string, body: InnovationUpdateBody): Promise<Innovation> => api.put<Innovation>(mine(id), body),
  act: (id: string, action: 'submit' | 'withdraw'): Promise<Innovation> => api.post<Innovation>(mine(id, '/actions'), { action }),
  certificateHref: (id: string): string => `/api${mine(id, '/certificate.pdf')}`,
  attachments: attachmentApi<Innovation>('/m/innovations', 'attachments'),
};

/** 技能比武. */
export const contestApi = {
  list: (query: ContestListQuery): Promise<Page<Contest>> => api.get<Page<Contest>>('/skill-contests', { ...query }),
  get: (id: string): Promise<Contest> => api.get<Contest>(`/skill-contests/${encodeURIComponent(id)}`),
  create: (body: ContestBody): Promise<Contest> => api.post<Contest>('/skill-contests', body),
  addResult: (id: string, body: ContestResultBody): Promise<Contest> => api.post<Contest>(`/skill-contests/${encodeURIComponent(id)}/results`, body),
};
