import type { AuditAction } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { factsSnapshot, type Assessment } from './household-facts.js';
import { hardshipHouseholdReviews } from './household.schema.js';

export interface HouseholdEvent {
  householdId: string;
  kind: 'establish' | 'update' | 'review' | 'exit';
  /** the business date (Asia/Shanghai) */
  on: string;
  /** the assessment made, for 建档 / 修改 / 复核 */
  assessment: Assessment | null;
  opinion?: string | null;
  /** the audit row's action and detail (masked by the audit log's safety net too) */
  audit: { action: AuditAction; detail: Record<string, unknown> };
}

/** Appends the household's history row and its audit row, in the caller's transaction. */
export async function recordHouseholdEvent(tx: Db, actor: Actor, who: { username: string | null; orgName: string | null }, e: HouseholdEvent): Promise<void> {
  const a = e.assessment;
  await tx.insert(hardshipHouseholdReviews).values({
    householdId: e.householdId,
    kind: e.kind,
    on: e.on,
    userId: actor.userId,
    username: who.username,
    orgName: who.orgName,
    eligible: a ? a.outcome.eligible : null,
    tier: a ? a.outcome.tier : null,
    householdSize: a ? a.outcome.householdSize : null,
    totalIncomeFen: a ? a.outcome.totalIncomeFen : null,
    perCapitaMonthlyFen: a ? a.outcome.perCapitaMonthlyFen : null,
    lineMonthlyFen: a ? a.line.monthlyFen : null,
    reason: a ? a.outcome.reason : null,
    opinion: e.opinion ?? null,
    facts: a ? factsSnapshot(a) : null,
  });
  await recordAudit(tx, actor, { action: e.audit.action, objectType: 'hardship_household', objectId: e.householdId, detail: { kind: e.kind, ...e.audit.detail } }, true);
}
