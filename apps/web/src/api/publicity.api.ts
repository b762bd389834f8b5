import type { PublicityItem } from '@gonghui/contracts';
import { api } from './api-client';
import type { ObjectionBody } from './contract-types';

/** The public 公示 page's API: no login, masked names; an objection reopens the case. */
export const publicityApi = {
  list: async (): Promise<PublicityItem[]> => (await api.get<{ items: PublicityItem[] }>('/public/publicity', undefined, { authRedirect: false })).items,
  object: (id: string, body: ObjectionBody): Promise<{ received: boolean }> =>
    api.post<{ received: boolean }>(`/public/publicity/${encodeURIComponent(id)}/objections`, body, { authRedirect: false, forbiddenMessage: false }),
};
