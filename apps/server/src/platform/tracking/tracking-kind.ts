import type { PermissionCode } from '@gonghui/contracts';

/**
 * A kind of tracked item, configured by a module: what it is called, how many days before the
 * deadline the owner is reminded (and the item counts as 临期), where the web shows it, and the
 * permission a caller needs to report progress on it.
 */
export interface TrackingKind {
  kind: string;
  label: string;
  remindDaysBefore: number;
  /** the web path of the record (for notifications and the 督办 board) */
  link(businessId: string, itemId: string): string;
  reportPermission: PermissionCode;
  closePermission: PermissionCode;
}

const kinds = new Map<string, TrackingKind>();

export function defineTrackingKind(k: TrackingKind): TrackingKind {
  kinds.set(k.kind, k);
  return k;
}

export function trackingKinds(): TrackingKind[] {
  return [...kinds.values()];
}

export function trackingKind(kind: string): TrackingKind | undefined {
  return kinds.get(kind);
}
