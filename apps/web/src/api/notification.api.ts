import { api } from './api-client';
import type { NotificationList } from './contract-types';

/** 消息: SLA reminders and escalations (督办) sent to the user or their unit. */
export const notificationApi = {
  list: (opts: { unread?: boolean; limit?: number } = {}): Promise<NotificationList> =>
    api.get<NotificationList>('/notifications', { unread: opts.unread ? 'true' : undefined, limit: opts.limit }),
  markRead: (id: string): Promise<void> => api.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
};
