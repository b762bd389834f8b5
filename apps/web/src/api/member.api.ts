import type { Member, Page } from '@gonghui/contracts';
import { api } from './api-client';
import type {
  CreateMemberInput,
  JobStarted,
  MemberExportBody,
  MemberHistoryItem,
  MemberListQuery,
  MemberStatusBody,
  RevealBody,
  UpdateMemberBody,
} from './contract-types';

const path = (id: string, rest = ''): string => `/members/${encodeURIComponent(id)}${rest}`;

/** 会员实名制: every answer carries masked values only; `reveal` is audited with its reason. */
export const memberApi = {
  /** POST: the search term may be a 身份证 or phone number, which must not go into a URL (security.md 18) */
  list: (query: MemberListQuery): Promise<Page<Member>> => api.post<Page<Member>>('/members/search', { ...query }),
  get: (id: string): Promise<Member> => api.get<Member>(path(id)),
  create: (body: CreateMemberInput): Promise<Member> => api.post<Member>('/members', body),
  update: (id: string, body: UpdateMemberBody): Promise<Member> => api.patch<Member>(path(id), body),
  changeStatus: (id: string, body: MemberStatusBody): Promise<Member> => api.post<Member>(path(id, '/status'), body),
  reveal: (id: string, body: RevealBody): Promise<{ value: string | null }> => api.post<{ value: string | null }>(path(id, '/reveal'), body),
  history: (id: string): Promise<MemberHistoryItem[]> => api.get<MemberHistoryItem[]>(path(id, '/history')),
  export: (body: MemberExportBody): Promise<JobStarted> => api.post<JobStarted>('/members/export', body),
};

/** The import endpoints, for the shared ImportDialog. */
export const MEMBER_IMPORT = {
  endpoint: '/members/import',
  templatePath: '/members/import-template.xlsx',
  errorReportPath: (jobId: string) => `/members/import/${encodeURIComponent(jobId)}/errors.xlsx`,
} as const;
