import type { MemberProfile } from '@gonghui/contracts';
import { api } from './api-client';
import type { NotificationList } from './contract-types';
import { notificationApi } from './notification.api';

/** Query keys of the member's own pages; notifications sit under the shared 'notifications' prefix, so marking one read refreshes the bell too. */
export const memberProfileKeys = {
  profile: ['member-profile'] as const,
  notifications: ['notifications', 'mobile'] as const,
};

/** How many of the member's latest notifications the H5 lists (the server's maximum is 100). */
export const MOBILE_NOTIFICATION_LIMIT = 50;

/** 我的会员信息 and 消息 on the H5 portal (`/m`). */
export const memberProfileApi = {
  /** the member's own registry record, masked on the server; 404 when the account has no member record */
  profile: (): Promise<MemberProfile> => api.get<MemberProfile>('/m/profile'),
  notifications: (): Promise<NotificationList> => notificationApi.list({ limit: MOBILE_NOTIFICATION_LIMIT }),
  markNotificationRead: (id: string): Promise<void> => notificationApi.markRead(id),
};
