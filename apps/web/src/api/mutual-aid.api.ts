import type {
  MutualAidAttachmentType,
  MutualAidClaim,
  MutualAidClaimListItem,
  MutualAidCoverage,
  MutualAidPeriod,
  MutualAidReport,
  MutualAidRoster,
  Page,
  applyMutualAidClaimBodySchema,
  createMutualAidClaimBodySchema,
  mutualAidClaimListQuerySchema,
  mutualAidEnrolBodySchema,
  mutualAidPaymentBodySchema,
  mutualAidPeriodBodySchema,
  mutualAidRosterQuerySchema,
  updateMutualAidClaimBodySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type MutualAidPeriodBody = Input<typeof mutualAidPeriodBodySchema>;
export type MutualAidRosterQuery = Partial<Output<typeof mutualAidRosterQuerySchema>> & { orgId: string };
export type MutualAidEnrolBody = Input<typeof mutualAidEnrolBodySchema>;
export type MutualAidPaymentBody = Input<typeof mutualAidPaymentBodySchema>;
export type MutualAidClaimListQuery = Partial<Output<typeof mutualAidClaimListQuerySchema>>;
export type CreateMutualAidClaimBody = Input<typeof createMutualAidClaimBodySchema>;
export type UpdateMutualAidClaimBody = Input<typeof updateMutualAidClaimBodySchema>;
export type ApplyMutualAidClaimBody = Input<typeof applyMutualAidClaimBodySchema>;
export type MutualAidAction = 'submit' | 'approve' | 'reject' | 'return' | 'withdraw' | 'reopen';

export interface MutualAidPayAnswer {
  claim: MutualAidClaim;
  replayed: boolean;
}

export const mutualAidKeys = {
  all: ['mutual-aid'] as const,
  periods: ['mutual-aid', 'periods'] as const,
  roster: (periodId: string, query: object) => ['mutual-aid', 'roster', periodId, query] as const,
  claims: (query: object) => ['mutual-aid', 'claims', query] as const,
  claim: (id: string) => ['mutual-aid', 'claim', id] as const,
  report: (periodId: string) => ['mutual-aid', 'report', periodId] as const,
  myCoverage: ['mutual-aid', 'me', 'coverage'] as const,
  myClaims: ['mutual-aid', 'me', 'claims'] as const,
  myClaim: (id: string) => ['mutual-aid', 'me', 'claim', id] as const,
};

const claim = (id: string, rest = ''): string => `/mutual-aid/claims/${encodeURIComponent(id)}${rest}`;
const period = (id: string, rest = ''): string => `/mutual-aid/periods/${encodeURIComponent(id)}${rest}`;

/** 医疗互助 (staff): periods, group enrolment, claims, payouts, reports. */
export const mutualAidApi = {
  periods: (): Promise<{ items: MutualAidPeriod[] }> => api.get<{ items: MutualAidPeriod[] }>('/mutual-aid/periods'),
  createPeriod: (body: MutualAidPeriodBody): Promise<MutualAidPeriod> => api.post<MutualAidPeriod>('/mutual-aid/periods', body),
  updatePeriod: (id: string, body: MutualAidPeriodBody): Promise<MutualAidPeriod> => api.put<MutualAidPeriod>(period(id), body),
  roster: (periodId: string, query: MutualAidRosterQuery): Promise<MutualAidRoster> => api.get<MutualAidRoster>(period(periodId, '/roster'), { ...query }),
  exportRoster: (periodId: string, orgId: string, orgName: string): Promise<void> => fileApi.download(`${period(periodId, '/roster/export.xlsx')}${buildQuery({ orgId })}`, `医疗互助参保名单-${orgName}.xlsx`),
  enrol: (periodId: string, body: MutualAidEnrolBody): Promise<{ enrolled: number; late: boolean; skipped: number }> => api.post(period(periodId, '/enrolments'), body),
  pay: (periodId: string, body: MutualAidPaymentBody): Promise<{ paymentId: string; members: number }> => api.post(period(periodId, '/payments'), body),
  withdraw: (enrolmentId: string, reason: string): Promise<{ ok: true }> => api.post(`/mutual-aid/enrolments/${encodeURIComponent(enrolmentId)}/withdraw`, { reason }),
  claims: (query: MutualAidClaimListQuery): Promise<Page<MutualAidClaimListItem>> => api.get<Page<MutualAidClaimListItem>>('/mutual-aid/claims', { ...query }),
  claim: (id: string): Promise<MutualAidClaim> => api.get<MutualAidClaim>(claim(id)),
  create: (body: CreateMutualAidClaimBody): Promise<MutualAidClaim> => api.post<MutualAidClaim>('/mutual-aid/claims', body),
  update: (id: string, body: UpdateMutualAidClaimBody): Promise<MutualAidClaim> => api.put<MutualAidClaim>(claim(id), body),
  act: (id: string, action: MutualAidAction, opinion?: string): Promise<MutualAidClaim> => api.post<MutualAidClaim>(claim(id, '/actions'), { action, opinion }),
  /** `idempotencyKey`: one per 支付 click, the same on a retry, so the claim is paid once. */
  payClaim: (id: string, idempotencyKey: string): Promise<MutualAidPayAnswer> => api.post<MutualAidPayAnswer>(claim(id, '/pay'), {}, { headers: { 'idempotency-key': idempotencyKey } }),
  report: (periodId: string): Promise<MutualAidReport> => api.get<MutualAidReport>('/mutual-aid/reports', { periodId }),
  exportReport: (periodId: string, name: string): Promise<void> => fileApi.download(`/mutual-aid/reports/export.xlsx${buildQuery({ periodId })}`, `${name}申请统计.xlsx`),
  attachments: attachmentApi<MutualAidClaim, MutualAidAttachmentType>('/mutual-aid/claims', 'attachments'),
};

/** The member's own (H5 `/m`). */
export const myMutualAidApi = {
  coverage: (): Promise<MutualAidCoverage> => api.get<MutualAidCoverage>('/m/mutual-aid/coverage'),
  claims: (): Promise<Page<MutualAidClaimListItem>> => api.get<Page<MutualAidClaimListItem>>('/m/mutual-aid/claims'),
  claim: (id: string): Promise<MutualAidClaim> => api.get<MutualAidClaim>(`/m/mutual-aid/claims/${encodeURIComponent(id)}`),
  apply: (body: ApplyMutualAidClaimBody): Promise<MutualAidClaim> => api.post<MutualAidClaim>('/m/mutual-aid/claims', body),
  update: (id: string, body: UpdateMutualAidClaimBody): Promise<MutualAidClaim> => api.put<MutualAidClaim>(`/m/mutual-aid/claims/${encodeURIComponent(id)}`, body),
  act: (id: string, action: 'submit' | 'withdraw'): Promise<MutualAidClaim> => api.post<MutualAidClaim>(`/m/mutual-aid/claims/${encodeURIComponent(id)}/actions`, { action }),
  attachments: attachmentApi<MutualAidClaim, MutualAidAttachmentType>('/m/mutual-aid/claims', 'attachments'),
};
