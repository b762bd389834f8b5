import type { CloseBody, DeadlineBody, ProgressBody, SupervisionBoard, SupervisionQuery, TrackedDetail } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';

/** The shared routes of a kind of tracked item (platform/tracking): detail, progress report (owner), close (supervisor). */
export function trackingApi(base: string) {
  const u = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;
  return {
    get: (id: string): Promise<TrackedDetail> => api.get<TrackedDetail>(u(id)),
    report: (id: string, body: ProgressBody): Promise<TrackedDetail> => api.post<TrackedDetail>(u(id, '/progress'), body),
    close: (id: string, body: CloseBody): Promise<TrackedDetail> => api.post<TrackedDetail>(u(id, '/close'), body),
    reschedule: (id: string, body: DeadlineBody): Promise<TrackedDetail> => api.post<TrackedDetail>(u(id, '/deadline'), body),
    /** files with a progress report (by report id) */
    files: attachmentApi<TrackedDetail>(`${base}/reports`, 'attachments'),
  };
}
export type TrackingApi = ReturnType<typeof trackingApi>;

export const supervisionApi = {
  board: (q: SupervisionQuery): Promise<SupervisionBoard> => api.get<SupervisionBoard>('/supervision/board', { ...q }),
};
