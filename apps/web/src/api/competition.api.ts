import type { AwardKind, Competition, CompetitionBody, CompetitionListItem, CompetitionScore, Page, ParticipantKind, Ranking, competitionListQuerySchema, participantBodySchema, scoreBodySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';
import type { JobStarted } from './contract-types';

type Input<S extends { _input: unknown }> = S['_input'];
export type CompetitionListQuery = Partial<Omit<Input<typeof competitionListQuerySchema>, 'page' | 'pageSize'>> & { page?: number; pageSize?: number };
export type ParticipantBody = Input<typeof participantBodySchema>;
export type ScoreBody = Input<typeof scoreBodySchema>;

export const competitionKeys = {
  all: ['competitions'] as const,
  list: (q: object) => ['competitions', 'list', q] as const,
  one: (id: string) => ['competitions', 'one', id] as const,
  scores: (id: string, periodKey?: string) => ['competitions', 'scores', id, periodKey ?? ''] as const,
  ranking: (id: string, q: object) => ['competitions', 'ranking', id, q] as const,
};

const c = (id: string, rest = '') => `/competitions/${encodeURIComponent(id)}${rest}`;

/** 劳动竞赛 / 立功竞赛: campaigns, participants, scores with evidence, rankings, awards and certificates. */
export const competitionApi = {
  list: (q: CompetitionListQuery): Promise<Page<CompetitionListItem>> => api.get<Page<CompetitionListItem>>('/competitions', { ...q }),
  export: ({ kind, status, q }: CompetitionListQuery): Promise<JobStarted> => api.post<JobStarted>('/competitions/export', { kind, status, q }),
  create: (body: CompetitionBody): Promise<Competition> => api.post<Competition>('/competitions', body),
  get: (id: string): Promise<Competition> => api.get<Competition>(c(id)),
  update: (id: string, body: CompetitionBody): Promise<Competition> => api.put<Competition>(c(id), body),
  move: (id: string, action: 'start' | 'close'): Promise<Competition> => api.post<Competition>(c(id, `/${action}`), {}),
  addParticipant: (id: string, body: ParticipantBody): Promise<Competition> => api.post<Competition>(c(id, '/participants'), body),
  scores: (id: string, periodKey?: string): Promise<CompetitionScore[]> => api.get<CompetitionScore[]>(c(id, '/scores'), periodKey ? { periodKey } : {}),
  submitScore: (id: string, body: ScoreBody): Promise<CompetitionScore> => api.post<CompetitionScore>(c(id, '/scores'), body),
  verify: (scoreId: string): Promise<CompetitionScore> => api.post<CompetitionScore>(`/competitions/scores/${encodeURIComponent(scoreId)}/verify`, {}),
  returnScore: (scoreId: string, reason: string): Promise<CompetitionScore> => api.post<CompetitionScore>(`/competitions/scores/${encodeURIComponent(scoreId)}/return`, { reason }),
  ranking: (id: string, q: { kind?: ParticipantKind; periodKey?: string }): Promise<Ranking> => api.get<Ranking>(c(id, '/ranking'), { ...q }),
  award: (id: string, body: { participantId: string; kind: AwardKind }): Promise<Competition> => api.post<Competition>(c(id, '/awards'), body),
  certificateHref: (awardId: string): string => `/api/competitions/awards/${encodeURIComponent(awardId)}/certificate.pdf`,
  evidence: attachmentApi<CompetitionScore>('/competitions/scores', 'evidence'),
};
