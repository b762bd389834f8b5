import type { AgendaItemBody, Commitment, CommitmentBody, CommitmentListQuery, JointMeeting, JointMeetingBody, JointMeetingListItem, JointYearReport, Page } from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';
import { trackingApi } from './tracking.api';

export const jointKeys = {
  all: ['joint-meetings'] as const,
  list: (q: object) => ['joint-meetings', 'list', q] as const,
  one: (id: string) => ['joint-meetings', 'one', id] as const,
  commitments: (q: object) => ['joint-meetings', 'commitments', q] as const,
  commitment: (id: string) => ['joint-meetings', 'commitment', id] as const,
  tracking: (id: string) => ['joint-meetings', 'tracking', id] as const,
  report: (year: number) => ['joint-meetings', 'report', year] as const,
};

const m = (id: string, rest = '') => `/joint-meetings/${encodeURIComponent(id)}${rest}`;

/** 政府与工会联席会议: meetings, agenda items, commitments, their progress and the public yearly report. */
export const jointApi = {
  list: (q: { year?: number; page: number; pageSize: number }): Promise<Page<JointMeetingListItem>> => api.get<Page<JointMeetingListItem>>('/joint-meetings', { ...q }),
  get: (id: string): Promise<JointMeeting> => api.get<JointMeeting>(m(id)),
  create: (body: JointMeetingBody): Promise<JointMeeting> => api.post<JointMeeting>('/joint-meetings', body),
  update: (id: string, body: JointMeetingBody): Promise<JointMeeting> => api.put<JointMeeting>(m(id), body),
  addAgendaItem: (id: string, body: AgendaItemBody): Promise<JointMeeting> => api.post<JointMeeting>(m(id, '/agenda-items'), body),
  addCommitment: (agendaId: string, body: CommitmentBody): Promise<JointMeeting> => api.post<JointMeeting>(`/joint-meetings/agenda-items/${encodeURIComponent(agendaId)}/commitments`, body),
  commitments: (q: CommitmentListQuery): Promise<Commitment[]> => api.get<Commitment[]>('/joint-commitments', { ...q }),
  commitment: (id: string): Promise<Commitment> => api.get<Commitment>(`/joint-commitments/${encodeURIComponent(id)}`),
  exportCommitments: (q: CommitmentListQuery): Promise<JobStarted> => api.post<JobStarted>('/joint-commitments/export', q),
  tracking: trackingApi('/joint-commitments/tracking'),
  publicReport: (year: number): Promise<JointYearReport> => api.get<JointYearReport>(`/public/joint-meetings/${year}`),
  reportPdfHref: (year: number): string => `/api/public/joint-meetings/${year}/report.pdf`,
};
