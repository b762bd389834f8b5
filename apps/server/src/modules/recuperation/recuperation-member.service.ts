import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ENROLMENT_STATUS_LABELS,
  RECUPERATION_STAGE_LABELS,
  isLiveEnrolment,
  type EnrolmentStatus,
  type MemberRecuperationBatch,
  type MemberRecuperationOverview,
  type SignupResult,
  type recuperationSignupBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, notFound } from '../../platform/http/app-error.js';
import { describeRules } from '../../platform/enrolment/enrolment-eligibility.js';
import { offeringById, offeringsByIds, offeringFigures, offeringPhase, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { cancelEnrolment, signupRefusal } from '../../platform/enrolment/enrolment-signup.js';
import { findBatchRow, memberBatchRows, memberBatchVisibleSql, type BatchRow } from './recuperation.repository.js';
import { batchStage } from './recuperation.service.js';
import { budgetRefusalFor, memberYearCost } from './recuperation-budget.js';
import { companionDetails, companionsOf } from './recuperation-companions.js';
import { signUpWithinCap } from './recuperation-enrolment.service.js';
import type { RecuperationContext } from './recuperation-catalogue.service.js';
import { yearPlan } from './recuperation-plan.service.js';

export const NOMINATION_ONLY = '该批次由工会推荐报名,不接受个人报名;如需参加请联系所在工会';

function memberOf(auth: AuthContext): string {
  if (!auth.user.memberId) throw notFound('与账号关联的会员档案');
  return auth.user.memberId;
}

async function memberOrg(db: Db, memberId: string): Promise<string> {
  const [m] = await queryRows<{ org_id: string }>(db, sql`SELECT org_id FROM members WHERE id = ${memberId}::uuid`);
  if (!m) throw notFound('会员档案');
  return m.org_id;
}

/** A published batch of the member's union or one above it; 404 otherwise (drafts included). */
async function memberBatch(db: Db, memberId: string, id: string): Promise<{ row: BatchRow; offering: OfferingRow }> {
  const row = await findBatchRow(db, id, memberBatchVisibleSql(await memberOrg(db, memberId)));
  if (!row) throw notFound('疗休养批次');
  return { row, offering: (await offeringById(db, row.offering_id))! };
}

interface MineRow {
  id: string;
  status: EnrolmentStatus;
  source: 'self' | 'nominated';
  details: unknown;
  checked_in_at: string | null;
}

/** Why the member may not sign up themselves now (null: they may). */
async function selfRefusal(db: Db, memberId: string, row: BatchRow, offering: OfferingRow): Promise<string | null> {
  if (!row.self_signup) return NOMINATION_ONLY;
  return (await signupRefusal(db, offering, memberId))?.reason ?? (await budgetRefusalFor(db, row, offering.id, memberId));
}

async function toMemberDto(db: Db, memberId: string, row: BatchRow, offering: OfferingRow): Promise<MemberRecuperationBatch> {
  const figures = (await offeringFigures(db, [offering.id])).get(offering.id)!;
  const [mine] = await queryRows<MineRow>(
    db,
    sql`SELECT id, status, source, details, checked_in_at::text AS checked_in_at FROM enrolments WHERE offering_id = ${offering.id}::uuid AND member_id = ${memberId}::uuid
        ORDER BY (status IN ('confirmed','waitlisted','pending_lottery')) DESC, created_at DESC LIMIT 1`,
  );
  const live = mine !== undefined && isLiveEnrolment(mine.status);
  const cancelOpen = !offering.cancelUntil || new Date() <= offering.cancelUntil;
  const stage = batchStage(offering, row);
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    routeName: row.route_name,
    baseName: row.base_name,
    location: row.location,
    days: row.days,
    allowancePerDay: row.allowance_per_day,
    costPerPerson: row.days * row.allowance_per_day,
    startDate: row.start_date,
    endDate: row.end_date,
    orgName: row.org_name,
    stage,
    stageLabel: RECUPERATION_STAGE_LABELS[stage],
    phase: offeringPhase(offering),
    capacity: offering.capacity,
    confirmed: figures.confirmed,
    signupOpensAt: offering.opensAt.toISOString(),
    signupClosesAt: offering.closesAt.toISOString(),
    cancelUntil: offering.cancelUntil?.toISOString() ?? null,
    priorityGroups: row.priority_groups,
    priorityOnly: row.priority_only,
    selfSignup: row.self_signup,
    description: row.description,
    itinerary: row.itinerary,
    rulesText: describeRules(offering.rules),
    myEnrolment: mine
      ? { id: mine.id, status: mine.status, statusLabel: ENROLMENT_STATUS_LABELS[mine.status], source: mine.source, companions: companionsOf(mine.details), canCancel: live && cancelOpen && !mine.checked_in_at }
      : null,
    refusal: live ? null : await selfRefusal(db, memberId, row, offering),
  };
}

/** The member's year (stays, cost, cap) and the batches they may join, open ones first. */
export async function memberOverview(ctx: RecuperationContext, auth: AuthContext): Promise<MemberRecuperationOverview> {
  const memberId = memberOf(auth);
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const rows = await memberBatchRows(ctx.db, await memberOrg(ctx.db, memberId), today);
  const items: MemberRecuperationBatch[] = [];
  const offerings = await offeringsByIds(ctx.db, rows.map((r) => r.offering_id));
  for (const r of rows) items.push(await toMemberDto(ctx.db, memberId, r, offerings.get(r.offering_id)!));
  const spent = await memberYearCost(ctx.db, memberId, year);
  return { year, budgetCapPerPerson: (await yearPlan(ctx.db, year)).budgetCapPerPerson, costThisYear: spent.cost, staysThisYear: spent.stays, items };
}

export async function memberBatchDetail(ctx: RecuperationContext, auth: AuthContext, id: string): Promise<MemberRecuperationBatch> {
  const memberId = memberOf(auth);
  const { row, offering } = await memberBatch(ctx.db, memberId, id);
  return toMemberDto(ctx.db, memberId, row, offering);
}

/** The member's own sign-up, with companions at their own cost; refused with a reason for nomination-only batches. */
export async function signUpSelfForBatch(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof recuperationSignupBodySchema>): Promise<SignupResult> {
  const memberId = memberOf(auth);
  const { row, offering } = await memberBatch(ctx.db, memberId, id);
  if (!row.self_signup) throw conflict(NOMINATION_ONLY, 'NOT_ELIGIBLE');
  return signUpWithinCap(ctx.db, actor, row, offering, { memberId, source: 'self', details: companionDetails(row.days * row.allowance_per_day, b.companions) });
}

export async function cancelMyRecuperation(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string): Promise<MemberRecuperationBatch> {
  const memberId = memberOf(auth);
  const { row, offering } = await memberBatch(ctx.db, memberId, id);
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM enrolments WHERE offering_id = ${offering.id}::uuid AND member_id = ${memberId}::uuid AND status IN ('confirmed','waitlisted','pending_lottery')`);
  if (!e) throw notFound('报名记录');
  await cancelEnrolment(ctx.db, actor, offering, e.id, 'member', '本人取消');
  return toMemberDto(ctx.db, memberId, row, (await offeringById(ctx.db, offering.id))!);
}
