import type { CreateOrgBody, Org, OrgTreeNode, Page } from '@gonghui/contracts';
import { api } from './api-client';
import type { MoveOrgBody, OrgListQuery, UpdateOrgBody } from './contract-types';

export const orgApi = {
  tree: (): Promise<OrgTreeNode[]> => api.get<OrgTreeNode[]>('/orgs/tree', undefined, { forbiddenMessage: false }),
  /** the structure only, for security admins defining a custom data scope */
  roleScopeOptions: (): Promise<OrgTreeNode[]> => api.get<OrgTreeNode[]>('/roles/org-options', undefined, { forbiddenMessage: false }),
  list: (query: OrgListQuery): Promise<Page<Org>> => api.get<Page<Org>>('/orgs', { ...query }),
  get: (id: string): Promise<Org> => api.get<Org>(`/orgs/${encodeURIComponent(id)}`),
  create: (body: CreateOrgBody): Promise<Org> => api.post<Org>('/orgs', body),
  update: (id: string, body: UpdateOrgBody): Promise<Org> => api.patch<Org>(`/orgs/${encodeURIComponent(id)}`, body),
  move: (id: string, body: MoveOrgBody): Promise<Org> => api.post<Org>(`/orgs/${encodeURIComponent(id)}/move`, body),
};
