import type { Page, Transfer } from '@gonghui/contracts';
import { api } from './api-client';
import type { CreateTransferBody, TransferActionBody, TransferListQuery } from './contract-types';

const path = (id: string, rest = ''): string => `/member-transfers/${encodeURIComponent(id)}${rest}`;

/** 会员关系接转: started by the source union (memberId) or the target union (身份证号). */
export const memberTransferApi = {
  list: (query: TransferListQuery): Promise<Page<Transfer>> => api.get<Page<Transfer>>('/member-transfers', { ...query }),
  get: (id: string): Promise<Transfer> => api.get<Transfer>(path(id)),
  create: (body: CreateTransferBody): Promise<Transfer> => api.post<Transfer>('/member-transfers', body),
  act: (id: string, body: TransferActionBody): Promise<Transfer> => api.post<Transfer>(path(id, '/actions'), body),
};
