import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { HOUSEHOLD_EXIT_REASON_LABELS, type exitHouseholdBodySchema, type Household, type reviewHouseholdBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField } from '../../platform/http/app-error.js';
import { assessFacts } from './household-facts.js';
import { recordHouseholdEvent } from './household-history.js';
import { addMonths } from './household-tier.js';
import { hardshipHouseholds } from './household.schema.js';
import { getHousehold, summary, todayInShanghai, visibleHousehold, who, type HouseholdContext } from './household.service.js';
import { tierRules } from './subsistence-line.service.js';

const inScope = (auth: AuthContext) => scopePredicate(auth.scope, { org: hardshipHouseholds.orgId, owner: hardshipHouseholds.createdBy, member: hardshipHouseholds.headMemberId });
const stale = () => conflict('该档案已被他人修改,请刷新后重试', 'VERSION_CONFLICT');

function checkDate(path: string, on: string, today: string, notBefore: string, notBeforeLabel: string): void {
  if (on > today) throw invalidField(path, '日期不能晚于今天');
  if (on < notBefore) throw invalidField(path, `日期不能早于${notBeforeLabel} ${notBefore}`);
}

/**
 * 年度复核: the income and facts are entered again and the tier recomputed with the line of the
 * review year. Still in hardship → back to 在档 with the next review a year on; no longer → the
 * household exits (reason 复核不再符合建档标准), both steps kept in its history.
 */
export async function reviewHousehold(ctx: HouseholdContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof reviewHouseholdBodySchema>): Promise<Household> {
  const before = await visibleHousehold(ctx, auth, id);
  if (before.status === 'exited') throw conflict('已退出的档案不能复核', 'ILLEGAL_TRANSITION');
  const today = todayInShanghai();
  const on = body.reviewedOn ?? today;
  checkDate('reviewedOn', on, today, before.last_reviewed_on, '上次建档/复核日期');
  const a = await assessFacts(ctx.db, ctx.crypto, { orgId: before.org_id, headMemberId: before.head_member_id, facts: body, onDate: on, previous: before.family_members, householdId: id });
  const rules = await tierRules(ctx.db);
  const eligible = a.outcome.eligible;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(hardshipHouseholds)
      .set({
        ...a.columns,
        ...(eligible
          ? { status: 'active', lastReviewedOn: on, nextReviewOn: addMonths(on, rules.reviewIntervalMonths) }
          : { status: 'exited', tier: null, lastReviewedOn: on, exitedOn: on, exitReason: 'review_ineligible', exitNote: `${a.outcome.reason}。复核意见:${body.opinion}` }),
        version: sql`${hardshipHouseholds.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(hardshipHouseholds.id, id), eq(hardshipHouseholds.version, body.version), sql`${hardshipHouseholds.status} <> 'exited'`, inScope(auth)))
      .returning({ id: hardshipHouseholds.id });
    if (!row) throw stale();
    const from = { status: before.status, tier: before.tier, perCapitaMonthlyFen: before.per_capita_monthly_fen };
    await recordHouseholdEvent(tx, actor, who(auth), { householdId: id, kind: 'review', on, assessment: a, opinion: body.opinion, audit: { action: 'data.update', detail: { from, to: { ...summary(a), eligible } } } });
    if (!eligible) {
      await recordHouseholdEvent(tx, actor, who(auth), {
        householdId: id,
        kind: 'exit',
        on,
        assessment: null,
        opinion: `${HOUSEHOLD_EXIT_REASON_LABELS.review_ineligible}:${a.outcome.reason}`,
        audit: { action: 'data.update', detail: { status: { from: before.status, to: 'exited' }, reason: 'review_ineligible' } },
      });
    }
  });
  return getHousehold(ctx, auth, id);
}

/** 退出: when no longer in hardship, on the worker's request, or when they leave; with a reason, kept in the history. */
export async function exitHousehold(ctx: HouseholdContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof exitHouseholdBodySchema>): Promise<Household> {
  const before = await visibleHousehold(ctx, auth, id);
  if (before.status === 'exited') throw conflict('该档案已退出', 'ILLEGAL_TRANSITION');
  const today = todayInShanghai();
  const on = body.exitedOn ?? today;
  checkDate('exitedOn', on, today, before.established_on, '建档日期');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(hardshipHouseholds)
      .set({ status: 'exited', exitedOn: on, exitReason: body.reason, exitNote: body.note, version: sql`${hardshipHouseholds.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(hardshipHouseholds.id, id), eq(hardshipHouseholds.version, body.version), sql`${hardshipHouseholds.status} <> 'exited'`, inScope(auth)))
      .returning({ id: hardshipHouseholds.id });
    if (!row) throw stale();
    await recordHouseholdEvent(tx, actor, who(auth), {
      householdId: id,
      kind: 'exit',
      on,
      assessment: null,
      opinion: `${HOUSEHOLD_EXIT_REASON_LABELS[body.reason]}:${body.note}`,
      audit: { action: 'data.update', detail: { status: { from: before.status, to: 'exited' }, reason: body.reason, note: body.note, exitedOn: on } },
    });
  });
  return getHousehold(ctx, auth, id);
}

const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', orgId: null, ip: null };

/** The job's sweep: households whose annual 复核 date has come become 待复核 (each change audited). */
export async function markReviewsDue(db: Db, today: string = todayInShanghai()): Promise<{ marked: number }> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; next_review_on: string }>(
      tx,
      sql`UPDATE hardship_households SET status = 'review_due', updated_at = now()
          WHERE status = 'active' AND next_review_on <= ${today}::date RETURNING id, next_review_on::text AS next_review_on`,
    );
    for (const r of rows) {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'data.update', objectType: 'hardship_household', objectId: r.id, detail: { kind: 'review_due', status: { from: 'active', to: 'review_due' }, nextReviewOn: r.next_review_on } }, true);
    }
    return { marked: rows.length };
  });
}
