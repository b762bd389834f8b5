import { sql } from 'drizzle-orm';
import type { HouseholdStatus, HouseholdTier } from '@gonghui/contracts';
import type { DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { householdScope } from './household.repository.js';

export interface HouseholdForAid {
  id: string;
  headMemberId: string;
  /** null only for an exited household that a 复核 found no longer eligible */
  tier: HouseholdTier | null;
  status: HouseholdStatus;
}

/**
 * For the aid module: the household an application names, if the caller may see it (else null:
 * answer as for a household that does not exist). The caller decides what an exited or
 * review-due household means for the application.
 */
export async function findHouseholdForAid(db: Db, scope: DataScope, householdId: string): Promise<HouseholdForAid | null> {
  const [row] = await queryRows<{ id: string; head_member_id: string; tier: HouseholdTier | null; status: HouseholdStatus }>(
    db,
    sql`SELECT h.id, h.head_member_id, h.tier, h.status FROM hardship_households h WHERE h.id = ${householdId} AND ${householdScope(scope)}`,
  );
  return row ? { id: row.id, headMemberId: row.head_member_id, tier: row.tier, status: row.status } : null;
}
