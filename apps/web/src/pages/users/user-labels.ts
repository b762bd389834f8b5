import { BUILTIN_ROLES, PLATFORM_ROLE_CODES, type PlatformRoleCode } from '@gonghui/contracts';

export const USER_STATUS_LABELS: Record<string, string> = { active: '正常', disabled: '已停用' };

export interface RoleOption {
  value: string;
  label: string;
  kind: 'platform' | 'business';
}

export const BUILTIN_ROLE_OPTIONS: RoleOption[] = BUILTIN_ROLES.map((r) => ({ value: r.code, label: r.name, kind: r.kind }));

export const PLATFORM_ROLE_OPTIONS = PLATFORM_ROLE_CODES.map((code) => ({
  value: code,
  label: BUILTIN_ROLES.find((r) => r.code === code)?.name ?? code,
}));

export function isPlatformRoleCode(code: string): code is PlatformRoleCode {
  return (PLATFORM_ROLE_CODES as readonly string[]).includes(code);
}
