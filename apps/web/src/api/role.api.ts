import type { Role } from '@gonghui/contracts';
import { api } from './api-client';
import type { PermissionItem, RoleBody, RoleUpdateBody } from './contract-types';

export const roleApi = {
  list: (): Promise<Role[]> => api.get<Role[]>('/roles'),
  permissions: (): Promise<PermissionItem[]> => api.get<PermissionItem[]>('/permissions'),
  create: (body: RoleBody): Promise<Role> => api.post<Role>('/roles', body),
  update: (id: string, body: RoleUpdateBody): Promise<Role> => api.patch<Role>(`/roles/${encodeURIComponent(id)}`, body),
  remove: (id: string): Promise<unknown> => api.delete<unknown>(`/roles/${encodeURIComponent(id)}`),
};
