import type { AidApplication, AidEvidenceType, Page } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi, type AttachmentApi } from './attachment.api';
import type {
  AidActionBody,
  AidApplicationListItem,
  AidListQuery,
  AidSettings,
  ApplyAidBody,
  CreateAidApplicationBody,
  HomeVisitBody,
  UpdateAidApplicationBody,
} from './contract-types';

const path = (id: string, rest = ''): string => `/aid/applications/${encodeURIComponent(id)}${rest}`;
const mine = (id: string, rest = ''): string => `/m/aid/applications/${encodeURIComponent(id)}${rest}`;

/** 证明材料 of one side (staff or the worker's H5). */
export type EvidenceApi = AttachmentApi<AidApplication, AidEvidenceType>;

export interface DisburseAnswer {
  application: AidApplication;
  /** true when the server had paid this case already (same key, a second click, a race) */
  replayed: boolean;
}

/** 春风行动 帮扶申请 (staff): list, detail, 代职工申请, workflow actions, 入户调查, 发放, settings. */
export const aidApi = {
  list: (query: AidListQuery): Promise<Page<AidApplicationListItem>> => api.get<Page<AidApplicationListItem>>('/aid/applications', { ...query }),
  get: (id: string): Promise<AidApplication> => api.get<AidApplication>(path(id)),
  create: (body: CreateAidApplicationBody): Promise<AidApplication> => api.post<AidApplication>('/aid/applications', body),
  update: (id: string, body: UpdateAidApplicationBody): Promise<AidApplication> => api.put<AidApplication>(path(id), body),
  act: (id: string, body: AidActionBody): Promise<AidApplication> => api.post<AidApplication>(path(id, '/actions'), body),
  recordHomeVisit: (id: string, body: HomeVisitBody): Promise<AidApplication> => api.post<AidApplication>(path(id, '/home-visit'), body),
  /** `idempotencyKey`: one per 发放 click, the same on a retry, so the case is paid once. */
  disburse: (id: string, fundId: string, idempotencyKey: string): Promise<DisburseAnswer> =>
    api.post<DisburseAnswer>(path(id, '/disburse'), { fundId }, { headers: { 'idempotency-key': idempotencyKey } }),
  settings: (): Promise<AidSettings> => api.get<AidSettings>('/aid/settings'),
  saveSettings: (body: AidSettings): Promise<AidSettings> => api.put<AidSettings>('/aid/settings', body),
  /** 公示期满处理: cases whose window has ended become 已批准 (a job does it every 10 minutes too). */
  closeEndedPublicity: (): Promise<{ approved: number }> => api.post<{ approved: number }>('/aid/publicity/close-ended'),
  evidence: attachmentApi<AidApplication, AidEvidenceType>('/aid/applications', 'evidence'),
};

/** The worker's own applications (H5 `/m`). */
export const myAidApi = {
  list: (): Promise<Page<AidApplicationListItem>> => api.get<Page<AidApplicationListItem>>('/m/aid/applications'),
  get: (id: string): Promise<AidApplication> => api.get<AidApplication>(mine(id)),
  apply: (body: ApplyAidBody): Promise<AidApplication> => api.post<AidApplication>('/m/aid/applications', body),
  act: (id: string, action: 'submit' | 'withdraw', opinion?: string): Promise<AidApplication> => api.post<AidApplication>(mine(id, '/actions'), { action, opinion }),
  evidence: attachmentApi<AidApplication, AidEvidenceType>('/m/aid/applications', 'evidence'),
};
