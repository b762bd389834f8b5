import type { Page, User } from '@gonghui/contracts';
import { api } from './api-client';
import type { CreateUserInput, GrantPlatformRoleBody, UpdateUserBody, UserListQuery } from './contract-types';

const path = (id: string, rest = ''): string => `/users/${encodeURIComponent(id)}${rest}`;

export const userApi = {
  list: (query: UserListQuery): Promise<Page<User>> => api.get<Page<User>>('/users', { ...query }),
  create: (body: CreateUserInput): Promise<User> => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserBody): Promise<User> => api.patch<User>(path(id), body),
  resetPassword: (id: string, password: string): Promise<unknown> => api.post<unknown>(path(id, '/reset-password'), { password }),
  unlock: (id: string): Promise<unknown> => api.post<unknown>(path(id, '/unlock')),
  grantPlatformRole: (id: string, body: GrantPlatformRoleBody): Promise<unknown> => api.put<unknown>(path(id, '/platform-role'), body),
};
