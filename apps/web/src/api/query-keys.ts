/** TanStack Query keys in one place, so mutations invalidate what they change. */
export const queryKeys = {
  session: ['auth', 'me'] as const,
  systemInfo: ['system', 'info'] as const,
  mfaSetup: ['auth', 'mfa-setup'] as const,
  orgTree: ['orgs', 'tree'] as const,
  orgs: ['orgs'] as const,
  org: (id: string) => ['orgs', 'detail', id] as const,
  orgList: (query: object) => ['orgs', 'list', query] as const,
  users: ['users'] as const,
  userList: (query: object) => ['users', 'list', query] as const,
  roles: ['roles'] as const,
  permissions: ['permissions'] as const,
  audit: (query: object) => ['audit', query] as const,
  job: (id: string) => ['jobs', id] as const,
};
