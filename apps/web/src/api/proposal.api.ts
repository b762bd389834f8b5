import type {
  DuplicatePair,
  MilestoneBody,
  Page,
  Proposal,
  ProposalAdoptBody,
  ProposalAssessment,
  ProposalCollection,
  ProposalCollectionBody,
  ProposalCollectionStatus,
  ProposalExportFilter,
  ProposalListQuery,
  ProposalProject,
  PublicProposalResults,
  SimilarProposal,
} from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';

export type ProposalQuery = Partial<ProposalListQuery>;
export interface ProposalFields {
  collectionId: string;
  category: string;
  title: string;
  content: string;
}
export interface VoteAnswer {
  proposal: Proposal;
  created: boolean;
}

/** Query keys of the 办实事 screens (one prefix: a change refreshes lists and details). */
export const proposalKeys = {
  all: ['proposals'] as const,
  collections: (query: object) => ['proposals', 'collections', query] as const,
  collection: (id: string) => ['proposals', 'collection', id] as const,
  list: (query: object) => ['proposals', 'list', query] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  duplicates: (id: string) => ['proposals', 'duplicates', id] as const,
  projects: (collectionId: string) => ['proposals', 'projects', collectionId] as const,
  project: (id: string) => ['proposals', 'project', id] as const,
  similar: (collectionId: string, text: string) => ['proposals', 'similar', collectionId, text] as const,
  mine: ['proposals', 'mine'] as const,
  publicList: (collectionId: string, query: object) => ['proposals', 'public', collectionId, query] as const,
  results: ['proposals', 'results'] as const,
};

const enc = encodeURIComponent;

/** 办实事项目征集 (staff). */
export const proposalApi = {
  collections: (query: { year?: number; status?: ProposalCollectionStatus; page?: number; pageSize?: number }): Promise<Page<ProposalCollection>> => api.get<Page<ProposalCollection>>('/proposal-collections', { ...query }),
  collection: (id: string): Promise<ProposalCollection> => api.get<ProposalCollection>(`/proposal-collections/${enc(id)}`),
  createCollection: (body: ProposalCollectionBody): Promise<ProposalCollection> => api.post<ProposalCollection>('/proposal-collections', body),
  updateCollection: (id: string, body: ProposalCollectionBody): Promise<ProposalCollection> => api.put<ProposalCollection>(`/proposal-collections/${enc(id)}`, body),
  setStatus: (id: string, status: ProposalCollectionStatus): Promise<ProposalCollection> => api.put<ProposalCollection>(`/proposal-collections/${enc(id)}/status`, { status }),
  duplicates: (id: string): Promise<{ items: DuplicatePair[] }> => api.get<{ items: DuplicatePair[] }>(`/proposal-collections/${enc(id)}/duplicates`),
  list: (query: ProposalQuery): Promise<Page<Proposal>> => api.get<Page<Proposal>>('/proposals', { ...query }),
  get: (id: string): Promise<Proposal> => api.get<Proposal>(`/proposals/${enc(id)}`),
  similar: (collectionId: string, text: string): Promise<{ items: SimilarProposal[] }> => api.get<{ items: SimilarProposal[] }>('/proposals/similar', { collectionId, text }),
  fileForUnit: (body: ProposalFields & { orgId?: string }): Promise<Proposal> => api.post<Proposal>('/proposals', body),
  moderate: (id: string, decision: 'public' | 'blocked', reason?: string): Promise<Proposal> => api.post<Proposal>(`/proposals/${enc(id)}/moderation`, { decision, reason }),
  merge: (id: string, targetId: string, reason?: string): Promise<Proposal> => api.post<Proposal>(`/proposals/${enc(id)}/merge`, { targetId, reason }),
  assess: (id: string, assessment: ProposalAssessment, reason: string): Promise<Proposal> => api.post<Proposal>(`/proposals/${enc(id)}/assessment`, { assessment, reason }),
  shortlist: (id: string, shortlisted: boolean): Promise<Proposal> => api.put<Proposal>(`/proposals/${enc(id)}/shortlist`, { shortlisted }),
  adopt: (id: string, body: ProposalAdoptBody): Promise<ProposalProject> => api.post<ProposalProject>(`/proposals/${enc(id)}/adoption`, body),
  export: (filter: ProposalExportFilter): Promise<JobStarted> => api.post<JobStarted>('/proposals/export', filter),
  projects: (collectionId?: string): Promise<{ items: ProposalProject[] }> => api.get<{ items: ProposalProject[] }>('/proposal-projects', { collectionId }),
  project: (id: string): Promise<ProposalProject> => api.get<ProposalProject>(`/proposal-projects/${enc(id)}`),
  addMilestone: (id: string, body: MilestoneBody): Promise<ProposalProject> => api.post<ProposalProject>(`/proposal-projects/${enc(id)}/milestones`, body),
  updateMilestone: (id: string, milestoneId: string, body: MilestoneBody): Promise<ProposalProject> => api.put<ProposalProject>(`/proposal-projects/${enc(id)}/milestones/${enc(milestoneId)}`, body),
  reportProgress: (id: string, body: { progress: number; note: string; completed: boolean }): Promise<ProposalProject> => api.post<ProposalProject>(`/proposal-projects/${enc(id)}/progress`, body),
};

/** 办实事建议 on the phone (members). */
export const myProposalApi = {
  collections: (): Promise<Page<ProposalCollection>> => api.get<Page<ProposalCollection>>('/m/proposal-collections'),
  collection: (id: string): Promise<ProposalCollection> => api.get<ProposalCollection>(`/m/proposal-collections/${enc(id)}`),
  list: (collectionId: string, query: { category?: string; q?: string; shortlisted?: 'true'; page?: number; pageSize?: number }): Promise<Page<Proposal>> =>
    api.get<Page<Proposal>>(`/m/proposal-collections/${enc(collectionId)}/proposals`, { ...query }),
  similar: (collectionId: string, text: string): Promise<{ items: SimilarProposal[] }> => api.get<{ items: SimilarProposal[] }>('/m/proposals/similar', { collectionId, text }),
  mine: (): Promise<{ items: Proposal[] }> => api.get<{ items: Proposal[] }>('/m/proposals/mine'),
  get: (id: string): Promise<Proposal> => api.get<Proposal>(`/m/proposals/${enc(id)}`),
  propose: (body: ProposalFields): Promise<Proposal> => api.post<Proposal>('/m/proposals', body),
  support: (id: string): Promise<VoteAnswer> => api.post<VoteAnswer>(`/m/proposals/${enc(id)}/support`),
  vote: (id: string): Promise<VoteAnswer> => api.post<VoteAnswer>(`/m/proposals/${enc(id)}/vote`),
};

/** The public results page (no login). */
export const publicProposalApi = {
  results: (): Promise<PublicProposalResults> => api.get<PublicProposalResults>('/public/proposal-results'),
};
