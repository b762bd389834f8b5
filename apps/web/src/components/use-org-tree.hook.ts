import { useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@gonghui/contracts';
import { orgApi } from '../api/org.api';
import { queryKeys } from '../api/query-keys';
import { hasPermission } from '../app/access';
import { useSession } from '../app/use-session.hook';

/**
 * The org tree the server lets this user see (already scoped); cached and shared by every picker.
 * Staff use `org:unit:list`; a security admin (no business permissions) gets the bare structure
 * through `system:role:manage` for defining custom data scopes. Otherwise `allowed` is false.
 */
export function useOrgTree() {
  const { user } = useSession();
  const staff = hasPermission(user, 'org:unit:list');
  const scopeEditor = !staff && hasPermission(user, 'system:role:manage');
  const allowed = staff || scopeEditor;
  const query = useQuery({
    queryKey: staff ? queryKeys.orgTree : [...queryKeys.orgTree, 'role-scope'],
    queryFn: staff ? orgApi.tree : orgApi.roleScopeOptions,
    staleTime: 5 * 60_000,
    enabled: allowed,
  });
  return { ...query, allowed };
}

/** id → node, for labels (e.g. the industry parent's name). */
export function indexOrgTree(roots: readonly OrgTreeNode[] | undefined): Map<string, OrgTreeNode> {
  const map = new Map<string, OrgTreeNode>();
  const stack = [...(roots ?? [])];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    map.set(node.id, node);
    stack.push(...node.children);
  }
  return map;
}
