import type { PermissionCode, SessionAnswer } from '@gonghui/contracts';
import { isMemberOnly } from './access';
import type { SessionEnd } from './session.context';

export type GuardArea = 'staff' | 'member';

/** Where a visitor of an area must be sent instead, or null when they may stay. */
export function guardRedirect(answer: SessionAnswer | null, area: GuardArea, ended: SessionEnd | null = null): string | null {
  if (!answer) return `${area === 'member' ? '/m/login' : '/login'}${ended?.expired ? '?expired=1' : ''}`;
  if (answer.mfaSetupRequired) return '/mfa-setup';
  if (answer.passwordChangeRequired) return '/change-password';
  if (area === 'staff' && isMemberOnly(answer.user)) return '/m';
  return null;
}

export interface RouteHandle {
  /** Permission code a page needs; the layout shows the 403 page without it. */
  permission?: PermissionCode;
}

export function isRouteHandle(value: unknown): value is RouteHandle {
  return typeof value === 'object' && value !== null;
}
