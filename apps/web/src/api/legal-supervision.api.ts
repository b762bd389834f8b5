import type { LegalNotice, LegalNoticeListItem, LegalSettings, LegalTemplates, Page, legalDeliveryBodySchema, legalNoticeBodySchema, legalNoticeListQuerySchema, legalReplyBodySchema, legalSettingsBodySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';
import type { JobStarted } from './contract-types';

type Input<S extends { _input: unknown }> = S['_input'];
export type LegalNoticeListQuery = Partial<Omit<Input<typeof legalNoticeListQuerySchema>, 'page' | 'pageSize' | 'year'>> & { page?: number; pageSize?: number; year?: number };
export type LegalNoticeBody = Input<typeof legalNoticeBodySchema>;
export type LegalDeliveryBody = Input<typeof legalDeliveryBodySchema>;
export type LegalReplyBody = Input<typeof legalReplyBodySchema>;
export type LegalSettingsBody = Input<typeof legalSettingsBodySchema>;

export const legalKeys = {
  all: ['legal-supervision'] as const,
  list: (q: object) => ['legal-supervision', 'list', q] as const,
  one: (id: string) => ['legal-supervision', 'one', id] as const,
  templates: ['legal-supervision', 'templates'] as const,
  settings: ['legal-supervision', 'settings'] as const,
};

const n = (id: string, rest = '') => `/legal-notices/${encodeURIComponent(id)}${rest}`;

/** 劳动法律监督 一函两书: drafts from templates, 签发, 送达, 回复整改, 升级; the jurisdictions' reply periods. */
export const legalApi = {
  list: (q: LegalNoticeListQuery): Promise<Page<LegalNoticeListItem>> => api.get<Page<LegalNoticeListItem>>('/legal-notices', { ...q }),
  export: ({ page: _p, pageSize: _s, ...f }: LegalNoticeListQuery): Promise<JobStarted> => api.post<JobStarted>('/legal-notices/export', f),
  templates: (): Promise<LegalTemplates> => api.get<LegalTemplates>('/legal-notices/templates'),
  get: (id: string): Promise<LegalNotice> => api.get<LegalNotice>(n(id)),
  create: (body: LegalNoticeBody): Promise<LegalNotice> => api.post<LegalNotice>('/legal-notices', body),
  update: (id: string, body: Omit<LegalNoticeBody, 'kind' | 'enterpriseId'>): Promise<LegalNotice> => api.put<LegalNotice>(n(id), body),
  issue: (id: string): Promise<LegalNotice> => api.post<LegalNotice>(n(id, '/issue'), {}),
  deliver: (id: string, body: LegalDeliveryBody): Promise<LegalNotice> => api.post<LegalNotice>(n(id, '/deliver'), body),
  reply: (id: string, body: LegalReplyBody): Promise<LegalNotice> => api.post<LegalNotice>(n(id, '/reply'), body),
  escalate: (id: string): Promise<LegalNotice> => api.post<LegalNotice>(n(id, '/escalate'), {}),
  pdfHref: (id: string): string => `/api${n(id, '/document.pdf')}`,
  settings: (): Promise<LegalSettings[]> => api.get<LegalSettings[]>('/legal-supervision/settings'),
  saveSettings: (orgId: string, body: LegalSettingsBody): Promise<LegalSettings[]> => api.put<LegalSettings[]>(`/legal-supervision/settings/${encodeURIComponent(orgId)}`, body),
  deliveryProof: attachmentApi<LegalNotice>('/legal-notices', 'delivery-proof'),
  replyFiles: attachmentApi<LegalNotice>('/legal-notices', 'reply-files'),
};
