import { builtinRole, type BuiltinRoleCode, type PermissionCode, type SessionAnswer, type SessionUser } from '@gonghui/contracts';

/** What the built-in member role holds (contracts BUILTIN_ROLES); anything beyond it is a staff permission. */
const MEMBER_ROLE: BuiltinRoleCode = 'member';
const MEMBER_PERMISSIONS: readonly PermissionCode[] = builtinRole(MEMBER_ROLE)?.permissions ?? [];

export function hasPermission(user: SessionUser | null | undefined, code: PermissionCode): boolean {
  return !!user && user.permissions.includes(code);
}

export function hasAnyPermission(user: SessionUser | null | undefined, codes: readonly PermissionCode[]): boolean {
  return !!user && codes.some((code) => user.permissions.includes(code));
}

/** A member with no staff permissions: they use the mobile shell `/m`. */
export function isMemberOnly(user: SessionUser): boolean {
  const staffPermission = user.permissions.some((p) => !(MEMBER_PERMISSIONS as readonly string[]).includes(p));
  const staffRole = user.roles.some((r) => r !== MEMBER_ROLE);
  return user.roles.includes(MEMBER_ROLE) && !staffPermission && !staffRole;
}

/** Where a freshly answered session must go next: enrol MFA, change the password, then home. */
export function nextPathAfterLogin(answer: SessionAnswer, from?: string): string {
  if (answer.mfaSetupRequired) return '/mfa-setup';
  if (answer.passwordChangeRequired) return '/change-password';
  const fromMobile = from !== undefined && isMobilePath(from) && from !== '/m/login';
  if (isMemberOnly(answer.user)) return fromMobile ? from : '/m';
  if (from && from.startsWith('/') && !fromMobile && !from.startsWith('/login')) return from;
  return '/';
}

export function isMobilePath(pathname: string): boolean {
  return pathname === '/m' || pathname.startsWith('/m/');
}

/** The `from` path a guard put into the router state when it sent the visitor to log in. */
export function fromState(state: unknown): string | undefined {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') return state.from;
  return undefined;
}
