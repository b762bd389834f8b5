import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BUSINESS_ROLE_CODES, type Role } from '@gonghui/contracts';
import { roleApi } from '../../api/role.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { BUILTIN_ROLE_OPTIONS, type RoleOption } from './user-labels';

/** The roles list when the user may read it (`system:role:list`); undefined otherwise. */
export function useRoles() {
  const { user } = useSession();
  return useQuery({ queryKey: queryKeys.roles, queryFn: roleApi.list, enabled: hasPermission(user, 'system:role:list'), staleTime: 60_000 });
}

/**
 * Role choices: built-in roles (names from the contracts) plus custom roles from `GET /api/roles`.
 * `business` are the ones 用户管理 may grant; platform roles go through 平台角色 only.
 */
export function useRoleOptions(): { all: RoleOption[]; business: RoleOption[] } {
  const roles = useRoles();
  return useMemo(() => {
    const byCode = new Map<string, RoleOption>(BUILTIN_ROLE_OPTIONS.map((o) => [o.value, o]));
    for (const role of roles.data ?? ([] as Role[])) byCode.set(role.code, { value: role.code, label: role.name, kind: role.kind });
    const all = [...byCode.values()];
    const builtinBusiness = BUSINESS_ROLE_CODES as readonly string[];
    const business = all
      .filter((o) => o.kind === 'business')
      .sort((a, b) => {
        const ia = builtinBusiness.indexOf(a.value);
        const ib = builtinBusiness.indexOf(b.value);
        return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
      });
    return { all, business };
  }, [roles.data]);
}
