import type {
  Household,
  HouseholdListItem,
  Page,
  SubsistenceSettings,
  TierResult,
  createHouseholdBodySchema,
  exitHouseholdBodySchema,
  householdExportBodySchema,
  householdListQuerySchema,
  reviewHouseholdBodySchema,
  tierPreviewBodySchema,
  updateHouseholdBodySchema,
  updateSubsistenceSettingsBodySchema,
} from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type HouseholdListQuery = Partial<Output<typeof householdListQuerySchema>>;
export type HouseholdFilterQuery = Omit<HouseholdListQuery, 'page' | 'pageSize'>;
export type CreateHouseholdBody = Input<typeof createHouseholdBodySchema>;
export type UpdateHouseholdBody = Input<typeof updateHouseholdBodySchema>;
export type ReviewHouseholdBody = Input<typeof reviewHouseholdBodySchema>;
export type ExitHouseholdBody = Input<typeof exitHouseholdBodySchema>;
export type TierPreviewBody = Input<typeof tierPreviewBodySchema>;
export type HouseholdExportBody = Input<typeof householdExportBodySchema>;
export type UpdateSubsistenceSettingsBody = Input<typeof updateSubsistenceSettingsBodySchema>;
/** The facts the tier is computed from (建档, 修改, 复核 and the preview share them). */
export type HouseholdFactsBody = Omit<CreateHouseholdBody, 'headMemberId' | 'note'>;

/** Query keys of this screen (under one prefix, so a change refreshes every household answer). */
export const householdKeys = {
  all: ['households'] as const,
  list: (query: object) => ['households', 'list', query] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  dueCount: ['households', 'due-count'] as const,
  lines: ['households', 'subsistence-lines'] as const,
};

const path = (id: string, rest = ''): string => `/aid/households/${encodeURIComponent(id)}${rest}`;

/** 困难职工档案: the tier is always the server's; `previewTier` asks it without saving. */
export const householdApi = {
  list: (query: HouseholdListQuery): Promise<Page<HouseholdListItem>> => api.get<Page<HouseholdListItem>>('/aid/households', { ...query }),
  get: (id: string): Promise<Household> => api.get<Household>(path(id)),
  create: (body: CreateHouseholdBody): Promise<Household> => api.post<Household>('/aid/households', body),
  update: (id: string, body: UpdateHouseholdBody): Promise<Household> => api.put<Household>(path(id), body),
  review: (id: string, body: ReviewHouseholdBody): Promise<Household> => api.post<Household>(path(id, '/review'), body),
  exit: (id: string, body: ExitHouseholdBody): Promise<Household> => api.post<Household>(path(id, '/exit'), body),
  previewTier: (body: TierPreviewBody, signal?: AbortSignal): Promise<TierResult> => api.post<TierResult>('/aid/households/tier-preview', body, { signal }),
  export: (body: HouseholdExportBody): Promise<JobStarted> => api.post<JobStarted>('/aid/households/export', body),
  subsistenceSettings: (): Promise<SubsistenceSettings> => api.get<SubsistenceSettings>('/aid/subsistence-lines'),
  updateSubsistenceSettings: (body: UpdateSubsistenceSettingsBody): Promise<SubsistenceSettings> => api.put<SubsistenceSettings>('/aid/subsistence-lines', body),
};
