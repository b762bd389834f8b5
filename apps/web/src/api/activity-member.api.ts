import type { CheckInCode, EnrolmentDocumentType, EnrolmentDocuments, MemberActivity, SignupResult } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';

const at = (id: string, rest = ''): string => `/m/activities/${encodeURIComponent(id)}${rest}`;

/** Query keys of the member's activity pages: everything under one prefix, so a sign-up or a cancel refreshes them all. */
export const memberActivityKeys = {
  all: ['member-activities'] as const,
  list: ['member-activities', 'list'] as const,
  detail: (id: string) => ['member-activities', 'detail', id] as const,
  signups: ['member-activities', 'signups'] as const,
  checkInCode: (id: string) => ['member-activities', 'check-in-code', id] as const,
};

/** 活动报名 (H5 `/m`): the activities a member may see, signing up, their own sign-ups, cancel, and the check-in QR code. */
export const memberActivityApi = {
  list: (): Promise<MemberActivity[]> => api.get<MemberActivity[]>('/m/activities'),
  get: (id: string): Promise<MemberActivity> => api.get<MemberActivity>(at(id)),
  /** 201 with the result; 422 per field of `details` (小候鸟 / 集体婚礼 / 圆梦计划); 409 `DUPLICATE` / `FULL` / `CLOSED` / `NOT_ELIGIBLE` with the reason in Chinese */
  signUp: (id: string, details?: Record<string, unknown>): Promise<SignupResult> =>
    api.post<SignupResult>(`/activities/${encodeURIComponent(id)}/signups`, details ? { details } : {}),
  mySignups: (): Promise<MemberActivity[]> => api.get<MemberActivity[]>('/m/signups'),
  /** 409 `CANCEL_CLOSED` after the cancel deadline */
  cancel: (id: string): Promise<MemberActivity> => api.post<MemberActivity>(at(id, '/cancel'), {}),
  /** 404 unless the member's place is confirmed */
  checkInCode: (id: string): Promise<CheckInCode> => api.get<CheckInCode>(at(id, '/check-in-code')),
  /** 报名材料 of my sign-up (by enrolment id): 结婚证 ... */
  documents: attachmentApi<EnrolmentDocuments, EnrolmentDocumentType>('/m/signups', 'documents'),
};
