import type { Page, RatingBallot, RatingCampaign, RatingCampaignListItem, RatingCodeBatch, RatingReplyItem, RatingResults, RatingSheet, SmsOutboxItem, raterGroupsBodySchema, ratingAnswerSchema, ratingCampaignBodySchema, ratingCodeBatchBodySchema, ratingUnitsBodySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
export type RatingCampaignBody = Input<typeof ratingCampaignBodySchema>;
export type RatingUnitsBody = Input<typeof ratingUnitsBodySchema>;
export type RaterGroupsBody = Input<typeof raterGroupsBodySchema>;
export type RatingCodeBatchBody = Input<typeof ratingCodeBatchBodySchema>;
export type RatingAnswerBody = Input<typeof ratingAnswerSchema>;
export interface RatingListQuery {
  page: number;
  pageSize: number;
  year?: number;
  state?: RatingCampaign['state'];
  q?: string;
}
export interface BallotQuery {
  page: number;
  pageSize: number;
  flagged?: 'true' | 'false';
  excluded?: 'true' | 'false';
}

export const ratingKeys = {
  all: ['ratings'] as const,
  list: (q: object) => ['ratings', 'list', q] as const,
  one: (id: string) => ['ratings', 'one', id] as const,
  batches: (id: string) => ['ratings', 'batches', id] as const,
  ballots: (id: string, q: object) => ['ratings', 'ballots', id, q] as const,
  results: (id: string) => ['ratings', 'results', id] as const,
  replies: (q: object) => ['ratings', 'replies', q] as const,
  sms: (q: object) => ['ratings', 'sms', q] as const,
  mine: ['ratings', 'mine'] as const,
};

const c = (id: string, rest = '') => `/rating-campaigns/${encodeURIComponent(id)}${rest}`;

/** 满意不满意测评: campaigns, units, weighted groups, invitation codes, ballots, results; raters' sheets. */
export const ratingApi = {
  list: (q: RatingListQuery): Promise<Page<RatingCampaignListItem>> => api.get<Page<RatingCampaignListItem>>('/rating-campaigns', { ...q }),
  get: (id: string): Promise<RatingCampaign> => api.get<RatingCampaign>(c(id)),
  create: (body: RatingCampaignBody): Promise<RatingCampaign> => api.post<RatingCampaign>('/rating-campaigns', body),
  update: (id: string, body: RatingCampaignBody): Promise<RatingCampaign> => api.put<RatingCampaign>(c(id), body),
  saveUnits: (id: string, body: RatingUnitsBody): Promise<RatingCampaign> => api.put<RatingCampaign>(c(id, '/units'), body),
  saveGroups: (id: string, body: RaterGroupsBody): Promise<RatingCampaign> => api.put<RatingCampaign>(c(id, '/groups'), body),
  step: (id: string, step: 'open' | 'close' | 'publish'): Promise<RatingCampaign> => api.post<RatingCampaign>(c(id, `/${step}`), {}),
  batches: (id: string): Promise<RatingCodeBatch[]> => api.get<RatingCodeBatch[]>(c(id, '/code-batches')),
  startBatch: (id: string, body: RatingCodeBatchBody): Promise<{ batchId: string; jobId: string }> => api.post<{ batchId: string; jobId: string }>(c(id, '/code-batches'), body),
  ballots: (id: string, q: BallotQuery): Promise<Page<RatingBallot>> => api.get<Page<RatingBallot>>(c(id, '/ballots'), { ...q }),
  exclude: (id: string, body: { ballotIds: string[]; excluded: boolean; reason: string }): Promise<{ changed: number }> => api.post<{ changed: number }>(c(id, '/ballots/exclude'), body),
  results: (id: string): Promise<RatingResults> => api.get<RatingResults>(c(id, '/results')),
  exportResults: (id: string, name: string): Promise<void> => fileApi.download(c(id, '/results.xlsx'), `${name}-测评结果.xlsx`),
  replies: (q: { page: number; pageSize: number; answered?: 'true' | 'false' }): Promise<Page<RatingReplyItem>> => api.get<Page<RatingReplyItem>>('/rating-replies', { ...q }),
  answer: (id: string, replyText: string): Promise<{ ok: true }> => api.post<{ ok: true }>(`/rating-replies/${encodeURIComponent(id)}`, { replyText }),
  sms: (q: { page: number; pageSize: number; status?: 'queued' | 'sent' }): Promise<Page<SmsOutboxItem>> => api.get<Page<SmsOutboxItem>>('/sms-outbox', { ...q }),
  enterCode: (code: string): Promise<RatingSheet> => api.post<RatingSheet>('/public/ratings/code', { code }),
  submitByCode: (code: string, answers: RatingAnswerBody[]): Promise<{ ok: true; ballots: number }> => api.post<{ ok: true; ballots: number }>('/public/ratings/submit', { code, answers }),
  mine: (): Promise<RatingSheet[]> => api.get<RatingSheet[]>('/my/ratings'),
  mySheet: (id: string): Promise<RatingSheet> => api.get<RatingSheet>(`/my/ratings/${encodeURIComponent(id)}`),
  submitMine: (id: string, answers: RatingAnswerBody[]): Promise<{ ok: true; ballots: number }> => api.post<{ ok: true; ballots: number }>(`/my/ratings/${encodeURIComponent(id)}`, { answers }),
};
