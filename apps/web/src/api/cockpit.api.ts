import type { CockpitView } from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { fileApi } from './file.api';

export interface CockpitParams {
  /** the org whose subtree is shown; the server defaults to the caller's own org */
  orgId?: string;
  /** calendar year (Beijing time); the server defaults to this year */
  year?: number;
}

export type CockpitReportFormat = 'xlsx' | 'pdf';

export const cockpitKeys = {
  all: ['cockpit'] as const,
  view: (params: CockpitParams) => ['cockpit', 'view', params.orgId ?? '', params.year ?? 0] as const,
};

/** 工作驾驶舱: the year's figures of an org subtree with its children, and the 年度工作统计 report. */
export const cockpitApi = {
  view: (params: CockpitParams): Promise<CockpitView> => api.get<CockpitView>('/cockpit', { orgId: params.orgId, year: params.year }),
  /** Downloads 年度工作统计 (xlsx or PDF) of the org and year. */
  downloadReport: (params: Required<CockpitParams>, format: CockpitReportFormat, orgName: string): Promise<void> =>
    fileApi.download(`/cockpit/report.${format}${buildQuery({ orgId: params.orgId, year: params.year })}`, `${orgName}-${params.year}年度工作统计.${format}`),
};
