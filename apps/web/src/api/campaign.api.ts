import type {
  Campaign,
  CampaignDashboard,
  CampaignOptions,
  Donation,
  campaignBodySchema,
  campaignStatusBodySchema,
  donationBodySchema,
  donationListQuerySchema,
  donationPageSchema,
} from '@gonghui/contracts';
import { api } from './api-client';
import type { JobStarted } from './contract-types';

/** Types of the 春风行动 endpoints, from the contracts (type-only). */
export type CampaignBody = (typeof campaignBodySchema)['_input'];
export type CampaignStatusBody = (typeof campaignStatusBodySchema)['_input'];
export type DonationBody = (typeof donationBodySchema)['_input'];
export type DonationListQuery = Partial<(typeof donationListQuerySchema)['_output']>;
export type DonationFilter = Omit<DonationListQuery, 'page' | 'pageSize'>;
export type DonationPage = (typeof donationPageSchema)['_output'];

/** Query keys, all under 'aid' so an aid change refreshes the campaign's figures too. */
export const campaignKeys = {
  all: ['aid', 'campaigns'] as const,
  list: ['aid', 'campaigns', 'list'] as const,
  options: ['aid', 'campaigns', 'options'] as const,
  dashboard: (id: string) => ['aid', 'campaigns', 'dashboard', id] as const,
  donations: (id: string, query: object) => ['aid', 'campaigns', 'donations', id, query] as const,
};

const path = (id: string, rest = ''): string => `/aid/campaigns/${encodeURIComponent(id)}${rest}`;

/** 春风行动: the yearly campaign, its donations and its dashboard. */
export const campaignApi = {
  list: (): Promise<Campaign[]> => api.get<Campaign[]>('/aid/campaigns'),
  options: (): Promise<CampaignOptions> => api.get<CampaignOptions>('/aid/campaigns/options'),
  create: (body: CampaignBody): Promise<Campaign> => api.post<Campaign>('/aid/campaigns', body),
  update: (id: string, body: CampaignBody): Promise<Campaign> => api.put<Campaign>(path(id), body),
  setStatus: (id: string, body: CampaignStatusBody): Promise<Campaign> => api.post<Campaign>(path(id, '/status'), body),
  dashboard: (id: string): Promise<CampaignDashboard> => api.get<CampaignDashboard>(path(id, '/dashboard')),
  donations: (id: string, query: DonationListQuery): Promise<DonationPage> => api.get<DonationPage>(path(id, '/donations'), { ...query }),
  recordDonation: (id: string, body: DonationBody): Promise<Donation> => api.post<Donation>(path(id, '/donations'), body),
  exportDonations: (id: string, filter: DonationFilter): Promise<JobStarted> => api.post<JobStarted>(path(id, '/donations/export'), filter),
};
