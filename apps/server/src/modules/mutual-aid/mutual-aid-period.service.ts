import { eq, sql } from 'drizzle-orm';
import { MUTUAL_AID_PARTS, type MutualAidPartRule, type MutualAidPeriod, type MutualAidPeriodBody } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { findFundRow } from '../../platform/ledger/fund.repository.js';
import { mutualAidPeriods } from './mutual-aid.schema.js';

/** What the 医疗互助 services use of the app context (the demo seed runs them with just a database). */
export type MutualAidContext = Pick<AppContext, 'db'>;

export interface PeriodRow {
  id: string;
  year: number;
  name: string;
  starts_on: string;
  ends_on: string;
  enrol_deadline: string;
  late_policy: 'waiting' | 'refuse';
  late_waiting_days: number;
  overall_cap_fen: number;
  plan: MutualAidPartRule[];
  fund_id: string;
  fund_name: string;
  note: string | null;
  enrolled: number;
  covered: number;
}

const SELECT = sql`SELECT p.id, p.year, p.name, p.starts_on::text AS starts_on, p.ends_on::text AS ends_on, p.enrol_deadline::text AS enrol_deadline,
    p.late_policy, p.late_waiting_days, p.overall_cap_fen::float8 AS overall_cap_fen, p.plan, p.fund_id, f.name AS fund_name, p.note,
    (SELECT count(*) FROM mutual_aid_enrolments e WHERE e.period_id = p.id)::int AS enrolled,
    (SELECT count(*) FROM mutual_aid_enrolments e WHERE e.period_id = p.id AND e.status = 'paid')::int AS covered
  FROM mutual_aid_periods p JOIN funds f ON f.id = p.fund_id`;

export const today = (): string => shanghaiDate(new Date());

export async function findPeriodRow(db: Db, id: string): Promise<PeriodRow | null> {
  const [row] = await queryRows<PeriodRow>(db, sql`${SELECT} WHERE p.id = ${id}`);
  return row ?? null;
}

export async function periodRowOrThrow(db: Db, id: string): Promise<PeriodRow> {
  const row = await findPeriodRow(db, id);
  if (!row) throw notFound('医疗互助年度');
  return row;
}

/** The period whose dates hold a day (a claim's admission date). */
export async function periodOn(db: Db, date: string): Promise<PeriodRow | null> {
  const [row] = await queryRows<PeriodRow>(db, sql`${SELECT} WHERE p.starts_on <= ${date}::date AND p.ends_on >= ${date}::date ORDER BY p.year DESC LIMIT 1`);
  return row ?? null;
}

export const ruleOf = (period: Pick<PeriodRow, 'plan'>, part: string): MutualAidPartRule | undefined => period.plan.find((r) => r.part === part);

export const stageOf = (p: Pick<PeriodRow, 'starts_on' | 'ends_on'>, on = today()): MutualAidPeriod['stage'] => (on < p.starts_on ? 'upcoming' : on > p.ends_on ? 'ended' : 'active');

/** Whether the period takes enrolments today, and if so whether they are late. */
export function enrolmentWindow(p: PeriodRow, on = today()): { open: boolean; late: boolean; reason: string | null } {
  if (on > p.ends_on) return { open: false, late: true, reason: `${p.name}已于 ${p.ends_on} 结束,不再受理参保` };
  const late = on > p.enrol_deadline;
  if (late && p.late_policy === 'refuse') return { open: false, late, reason: `已过参保截止日 ${p.enrol_deadline},本期不再受理补报` };
  return { open: true, late, reason: null };
}

export function toPeriodDto(auth: AuthContext, r: PeriodRow): MutualAidPeriod {
  const frozen = r.enrolled > 0;
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    enrolDeadline: r.enrol_deadline,
    latePolicy: r.late_policy,
    lateWaitingDays: r.late_waiting_days,
    overallCapFen: r.overall_cap_fen,
    fundId: r.fund_id,
    fundName: r.fund_name,
    parts: MUTUAL_AID_PARTS.map((part) => ruleOf(r, part)).filter((x): x is MutualAidPartRule => x !== undefined),
    note: r.note,
    stage: stageOf(r),
    frozen,
    enrolled: r.enrolled,
    covered: r.covered,
    abilities: {
      canEdit: !frozen && auth.permissions.has('mutual-aid:period:manage'),
      canEnrol: auth.permissions.has('mutual-aid:enrolment:manage') && enrolmentWindow(r).open,
    },
  };
}

export async function listPeriods(ctx: MutualAidContext, auth: AuthContext): Promise<{ items: MutualAidPeriod[] }> {
  const rows = await queryRows<PeriodRow>(ctx.db, sql`${SELECT} ORDER BY p.year DESC`);
  return { items: rows.map((r) => toPeriodDto(auth, r)) };
}

export async function getPeriod(ctx: MutualAidContext, auth: AuthContext, id: string): Promise<MutualAidPeriod> {
  return toPeriodDto(auth, await periodRowOrThrow(ctx.db, id));
}

async function checkFund(db: Db, auth: AuthContext, fundId: string): Promise<void> {
  const fund = await findFundRow(db, auth.scope, fundId, Number(today().slice(0, 4)));
  if (!fund || fund.status !== 'active') throw invalidField('fundId', '资金不存在、已关闭或不在您的管理范围内');
}

const values = (b: MutualAidPeriodBody) => ({
  year: b.year,
  name: b.name,
  startsOn: b.startsOn,
  endsOn: b.endsOn,
  enrolDeadline: b.enrolDeadline,
  latePolicy: b.latePolicy,
  lateWaitingDays: b.lateWaitingDays,
  overallCapFen: b.overallCapFen,
  fundId: b.fundId,
  plan: MUTUAL_AID_PARTS.map((part) => b.parts.find((p) => p.part === part)!),
  note: b.note ?? null,
});

const yearTaken = (e: unknown, year: number) => {
  if (isUniqueViolation(e, 'mutual_aid_periods_year_unique')) return conflictField('year', `${year}年度的医疗互助方案已存在`);
  return e;
};

export async function createPeriod(ctx: MutualAidContext, auth: AuthContext, actor: Actor, body: MutualAidPeriodBody): Promise<MutualAidPeriod> {
  await checkFund(ctx.db, auth, body.fundId);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(mutualAidPeriods)
        .values({ ...values(body), createdBy: auth.user.id })
        .returning({ id: mutualAidPeriods.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'mutual_aid_period', objectId: row!.id, detail: { year: body.year, overallCapFen: body.overallCapFen, fundId: body.fundId } }, true);
      return row!.id;
    });
    return getPeriod(ctx, auth, id);
  } catch (e) {
    throw yearTaken(e, body.year);
  }
}

/** Edits a period's plan; refused (409) once a member is enrolled: the plan members paid for stays as it was. */
export async function updatePeriod(ctx: MutualAidContext, auth: AuthContext, actor: Actor, id: string, body: MutualAidPeriodBody): Promise<MutualAidPeriod> {
  await periodRowOrThrow(ctx.db, id);
  await checkFund(ctx.db, auth, body.fundId);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM mutual_aid_periods WHERE id = ${id} FOR UPDATE`);
      const [n] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM mutual_aid_enrolments WHERE period_id = ${id}`);
      if ((n?.n ?? 0) > 0) throw conflict('该年度已有会员参保,方案已冻结,不能修改', 'PERIOD_FROZEN');
      const [old] = await tx.select().from(mutualAidPeriods).where(eq(mutualAidPeriods.id, id));
      await tx
        .update(mutualAidPeriods)
        .set({ ...values(body), updatedAt: sql`now()` })
        .where(eq(mutualAidPeriods.id, id));
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'mutual_aid_period', objectId: id, detail: changeDetail(old!, values(body)) }, true);
    });
  } catch (e) {
    throw yearTaken(e, body.year);
  }
  return getPeriod(ctx, auth, id);
}
