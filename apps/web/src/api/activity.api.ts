import type {
  Activity,
  ActivityListItem,
  CheckInResult,
  Enrolment,
  EnrolmentDocuments,
  EnrolmentDocumentType,
  Page,
  SignupResult,
  activityListQuerySchema,
  allocateQuotaBodySchema,
  createActivityBodySchema,
  enrolmentListQuerySchema,
  lotteryDrawBodySchema,
} from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type ActivityListQuery = Partial<Output<typeof activityListQuerySchema>>;
export type ActivityFilterQuery = Omit<ActivityListQuery, 'page' | 'pageSize'>;
export type EnrolmentListQuery = Partial<Output<typeof enrolmentListQuerySchema>>;
export type ActivityBody = Input<typeof createActivityBodySchema>;
export type AllocateQuotaBody = Input<typeof allocateQuotaBodySchema>;
export type LotteryDrawBody = Input<typeof lotteryDrawBodySchema>;
export interface SubsidyResult {
  payoutId: string;
  amountFen: number;
  replayed: boolean;
}

/** Query keys of the activity screens (one prefix: a change refreshes lists, details and rosters). */
export const activityKeys = {
  all: ['activities'] as const,
  list: (query: object) => ['activities', 'list', query] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  enrolments: (id: string, query: object) => ['activities', 'enrolments', id, query] as const,
};

const path = (id: string, rest = ''): string => `/activities/${encodeURIComponent(id)}${rest}`;

/** 活动报名 (staff): activities with limited places, quotas, the lottery, the roster and check-in. */
export const activityApi = {
  list: (query: ActivityListQuery): Promise<Page<ActivityListItem>> => api.get<Page<ActivityListItem>>('/activities', { ...query }),
  get: (id: string): Promise<Activity> => api.get<Activity>(path(id)),
  create: (body: ActivityBody): Promise<Activity> => api.post<Activity>('/activities', body),
  update: (id: string, body: ActivityBody): Promise<Activity> => api.put<Activity>(path(id), body),
  publish: (id: string): Promise<Activity> => api.post<Activity>(path(id, '/publish')),
  cancel: (id: string, reason: string): Promise<Activity> => api.post<Activity>(path(id, '/cancel'), { reason }),
  allocateQuota: (id: string, body: AllocateQuotaBody): Promise<Activity> => api.post<Activity>(path(id, '/quotas'), body),
  draw: (id: string, body: LotteryDrawBody): Promise<Activity> => api.post<Activity>(path(id, '/draw'), body),
  enrolments: (id: string, query: EnrolmentListQuery): Promise<Page<Enrolment>> => api.get<Page<Enrolment>>(path(id, '/enrolments'), { ...query }),
  /** `details`: what the type's sign-up carries (小候鸟 child, 集体婚礼 partner, 圆梦计划 declarations) */
  nominate: (id: string, memberId: string, details?: Record<string, unknown>): Promise<SignupResult> => api.post<SignupResult>(path(id, '/nominations'), { memberId, details }),
  /** 发放补贴: once per enrolment (a repeat answers `replayed` and pays nothing more) */
  paySubsidy: (id: string, enrolmentId: string, fundId: string): Promise<SubsidyResult> =>
    api.post<SubsidyResult>(path(id, `/enrolments/${encodeURIComponent(enrolmentId)}/subsidy`), { fundId }),
  cancelEnrolment: (id: string, enrolmentId: string, reason: string): Promise<{ ok: true }> =>
    api.post<{ ok: true }>(path(id, `/enrolments/${encodeURIComponent(enrolmentId)}/cancel`), { reason }),
  checkIn: (code: string): Promise<CheckInResult> => api.post<CheckInResult>('/enrolment/check-in', { code }),
  /** 报名材料 of a sign-up in scope (by enrolment id) */
  documents: attachmentApi<EnrolmentDocuments, EnrolmentDocumentType>('/enrolments', 'documents'),
};
