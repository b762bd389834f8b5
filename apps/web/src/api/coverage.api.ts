import type { Coverage, CoverageSettings, UpdateCoverageSettingsBody } from '@gonghui/contracts';
import { api } from './api-client';
import type { CoverageChildren } from './contract-types';

const path = (orgId: string, rest = ''): string => `/orgs/${encodeURIComponent(orgId)}/coverage${rest}`;

/** 建会率 / 入会率 of an org's subtree (rates 0-1), and of its direct children for the drill-down. */
export const coverageApi = {
  get: (orgId: string): Promise<Coverage> => api.get<Coverage>(path(orgId)),
  children: (orgId: string): Promise<CoverageChildren> => api.get<CoverageChildren>(path(orgId, '/children')),
  /** 统计口径: the enterprise size threshold of 建会率 (one value for the whole platform). */
  settings: (): Promise<CoverageSettings> => api.get<CoverageSettings>('/coverage/settings'),
  /** Changes the threshold; the server recomputes every counter in the same transaction. */
  updateSettings: (body: UpdateCoverageSettingsBody): Promise<CoverageSettings> => api.put<CoverageSettings>('/coverage/settings', body),
};
