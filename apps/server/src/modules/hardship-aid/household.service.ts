import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createHouseholdBodySchema, Household, HouseholdListItem, HouseholdListQuery, tierPreviewBodySchema, TierResult, updateHouseholdBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError, conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { findMemberRow } from '../members/member.repository.js';
import { memberSearchPredicate } from '../members/member-search.js';
import { assessFacts, tierResultOf, type Assessment } from './household-facts.js';
import { recordHouseholdEvent } from './household-history.js';
import { addMonths } from './household-tier.js';
import { findHouseholdRow, householdReviewRows, householdWhere, listHouseholdRows, type HouseholdFilter, type HouseholdRow, type HouseholdReviewRow } from './household.repository.js';
import { hardshipHouseholds } from './household.schema.js';
import { tierRules } from './subsistence-line.service.js';

/** What the household services need (the demo seed runs them too). */
export type HouseholdContext = Pick<AppContext, 'db' | 'crypto'>;

/** A 复核 is shown as coming up this many days before it falls due. */
export const REVIEW_WARNING_DAYS = 30;

export const todayInShanghai = (): string => shanghaiDate(new Date());
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function toHouseholdItem(row: HouseholdRow, auth: AuthContext, today: string): HouseholdListItem {
  const open = row.status !== 'exited';
  const manage = auth.permissions.has('aid:household:manage') && open;
  const overdue = open && row.next_review_on <= today;
  const unit = row.line_monthly_fen * 12 * row.household_size;
  return {
    id: row.id,
    headMemberId: row.head_member_id,
    headName: row.head_name,
    headIdCard: row.head_id_card,
    orgId: row.org_id,
    orgName: row.org_name,
    districtCode: row.district_code,
    districtName: row.district_name,
    status: row.status,
    tier: row.tier,
    householdSize: row.household_size,
    totalIncomeFen: row.total_income_fen,
    perCapitaMonthlyFen: row.per_capita_monthly_fen,
    lineMonthlyFen: row.line_monthly_fen,
    lineYear: row.line_year,
    ratio: Math.round((row.total_income_fen * 100) / unit) / 100,
    tierReason: row.tier_reason,
    causes: row.causes as Household['causes'],
    causeNote: row.cause_note,
    carValueFen: row.car_value_fen,
    commercialHomes: row.commercial_homes,
    evidenceTypes: row.evidence_types as Household['evidenceTypes'],
    note: row.note,
    establishedOn: row.established_on,
    lastReviewedOn: row.last_reviewed_on,
    nextReviewOn: row.next_review_on,
    reviewOverdue: overdue,
    reviewDueSoon: open && !overdue && row.next_review_on <= addDays(today, REVIEW_WARNING_DAYS),
    exitedOn: row.exited_on,
    exitReason: row.exit_reason as Household['exitReason'],
    exitNote: row.exit_note,
    version: row.version,
    createdAt: row.created_at,
    abilities: { canEdit: manage, canReview: manage, canExit: manage },
  };
}

const toReview = (r: HouseholdReviewRow): Household['reviews'][number] => ({
  id: r.id,
  kind: r.kind,
  on: r.on,
  at: r.at,
  username: r.username,
  orgName: r.org_name,
  eligible: r.eligible,
  tier: r.tier,
  householdSize: r.household_size,
  totalIncomeFen: r.total_income_fen,
  perCapitaMonthlyFen: r.per_capita_monthly_fen,
  lineMonthlyFen: r.line_monthly_fen,
  reason: r.reason,
  opinion: r.opinion,
});

export async function getHousehold(ctx: HouseholdContext, auth: AuthContext, id: string): Promise<Household> {
  const row = await findHouseholdRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('困难职工档案');
  return {
    ...toHouseholdItem(row, auth, todayInShanghai()),
    familyMembers: row.family_members.map((f) => ({ key: f.key, name: f.name, relation: f.relation, idCard: f.idCardMasked, monthlyIncomeFen: f.monthlyIncomeFen, employment: f.employment, health: f.health, note: f.note })),
    monthlyIncome: row.monthly_income,
    reviews: (await householdReviewRows(ctx.db, id)).map(toReview),
  };
}

export function householdFilterOf(crypto: FieldCrypto, q: Omit<HouseholdListQuery, 'page' | 'pageSize'>): HouseholdFilter {
  return {
    search: q.q ? memberSearchPredicate(q.q, crypto) : null,
    tier: q.tier,
    status: q.status,
    dueBy: q.reviewDue ? addDays(todayInShanghai(), REVIEW_WARNING_DAYS) : undefined,
    districtCode: q.districtCode,
    orgId: q.orgId,
  };
}

export async function listHouseholds(ctx: HouseholdContext, auth: AuthContext, q: HouseholdListQuery) {
  const { rows, total } = await listHouseholdRows(ctx.db, householdWhere(auth.scope, householdFilterOf(ctx.crypto, q)), q.page, q.pageSize);
  const today = todayInShanghai();
  return { items: rows.map((r) => toHouseholdItem(r, auth, today)), total, page: q.page, pageSize: q.pageSize };
}

export async function visibleHousehold(ctx: HouseholdContext, auth: AuthContext, id: string): Promise<HouseholdRow> {
  const row = await findHouseholdRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('困难职工档案');
  return row;
}

export const notEligible = (a: Assessment, hint = ''): AppError => new AppError(422, `${a.outcome.reason}${hint}`, 'NOT_ELIGIBLE', [{ path: 'tier', message: `${a.outcome.reason}${hint}` }]);
export const who = (auth: AuthContext) => ({ username: auth.user.name, orgName: auth.user.orgName });
export const summary = (a: Assessment) => ({ tier: a.outcome.tier, householdSize: a.outcome.householdSize, perCapitaMonthlyFen: a.outcome.perCapitaMonthlyFen, lineMonthlyFen: a.line.monthlyFen });

type CreateBody = z.infer<typeof createHouseholdBodySchema>;

/** 建档: the head must be an active member in scope; refused (422, with the reason) when the family does not qualify. */
export async function createHousehold(ctx: HouseholdContext, auth: AuthContext, actor: Actor, body: CreateBody): Promise<Household> {
  const head = await findMemberRow(ctx.db, auth.scope, body.headMemberId);
  if (!head) throw invalidField('headMemberId', '会员不存在或不在您的管理范围内');
  if (head.status !== 'active') throw invalidField('headMemberId', '只有在册会员可以作为户主建档');
  const today = todayInShanghai();
  const a = await assessFacts(ctx.db, ctx.crypto, { orgId: head.org_id, headMemberId: head.id, facts: body, onDate: today, previous: [] });
  if (!a.outcome.eligible) throw notEligible(a);
  const rules = await tierRules(ctx.db);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(hardshipHouseholds)
        .values({ ...a.columns, headMemberId: head.id, orgId: head.org_id, status: 'active', note: body.note ?? null, establishedOn: today, lastReviewedOn: today, nextReviewOn: addMonths(today, rules.reviewIntervalMonths), createdBy: auth.user.id })
        .returning({ id: hardshipHouseholds.id });
      await recordHouseholdEvent(tx, actor, who(auth), { householdId: row!.id, kind: 'establish', on: today, assessment: a, audit: { action: 'data.create', detail: { headMemberId: head.id, ...summary(a) } } });
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'hardship_households_one_open')) throw new AppError(409, '该会员已有在档的困难职工档案,请在原档案中修改或复核', 'DUPLICATE', [{ path: 'headMemberId', message: '该会员已有在档的困难职工档案' }]);
    throw e;
  }
  return getHousehold(ctx, auth, id);
}

type UpdateBody = z.infer<typeof updateHouseholdBodySchema>;

/** 修改 (corrections between reviews): the tier is computed again; a change that no longer qualifies must go through 复核 or 退出. */
export async function updateHousehold(ctx: HouseholdContext, auth: AuthContext, actor: Actor, id: string, body: UpdateBody): Promise<Household> {
  const before = await visibleHousehold(ctx, auth, id);
  if (before.status === 'exited') throw conflict('已退出的档案不能修改', 'ILLEGAL_TRANSITION');
  const today = todayInShanghai();
  const a = await assessFacts(ctx.db, ctx.crypto, { orgId: before.org_id, headMemberId: before.head_member_id, facts: body, onDate: today, previous: before.family_members, householdId: id });
  if (!a.outcome.eligible) throw notEligible(a, '。如家庭情况已发生变化,请通过「复核」或「退出」办理');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(hardshipHouseholds)
      .set({ ...a.columns, note: body.note ?? null, version: sql`${hardshipHouseholds.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(hardshipHouseholds.id, id), eq(hardshipHouseholds.version, body.version), sql`${hardshipHouseholds.status} <> 'exited'`, scopePredicate(auth.scope, { org: hardshipHouseholds.orgId, owner: hardshipHouseholds.createdBy, member: hardshipHouseholds.headMemberId })))
      .returning({ id: hardshipHouseholds.id });
    if (!row) throw conflict('该档案已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
    const from = { tier: before.tier, householdSize: before.household_size, perCapitaMonthlyFen: before.per_capita_monthly_fen, lineMonthlyFen: before.line_monthly_fen };
    await recordHouseholdEvent(tx, actor, who(auth), { householdId: id, kind: 'update', on: today, assessment: a, audit: { action: 'data.update', detail: { from, to: summary(a) } } });
  });
  return getHousehold(ctx, auth, id);
}

/** The tier the server would decide for these facts now (the form's live preview); nothing is saved. */
export async function previewTier(ctx: HouseholdContext, auth: AuthContext, body: z.infer<typeof tierPreviewBodySchema>): Promise<TierResult> {
  let orgId: string;
  let previous: HouseholdRow['family_members'] = [];
  if (body.householdId) {
    const h = await visibleHousehold(ctx, auth, body.householdId);
    if (h.head_member_id !== body.headMemberId) throw invalidField('headMemberId', '户主与档案不符');
    orgId = h.org_id;
    previous = h.family_members;
  } else {
    const head = await findMemberRow(ctx.db, auth.scope, body.headMemberId);
    if (!head) throw invalidField('headMemberId', '会员不存在或不在您的管理范围内');
    orgId = head.org_id;
  }
  const a = await assessFacts(ctx.db, ctx.crypto, { orgId, headMemberId: body.headMemberId, facts: body, onDate: todayInShanghai(), previous, householdId: body.householdId });
  return tierResultOf(a);
}
