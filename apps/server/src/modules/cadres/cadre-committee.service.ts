import { and, eq, inArray, sql } from 'drizzle-orm';
import { MAX_TERM_YEARS, type Committee, type CommitteeBody, type CommitteeDueGroup, type CommitteeListQuery, type RenewCommitteeBody, type UpdateCommitteeBody } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { cadreSettings, cadreToday } from './cadre-settings.js';
import { cadreCommittees, cadres } from './cadre.schema.js';
import { committeeItem, committeeRows, committeeWhere, countCommittees, findCommitteeRow, orgCommitteeRows } from './cadre-committee.repository.js';

type Ctx = Pick<AppContext, 'db'>;

async function reminderWindow(db: Db): Promise<{ today: string; days: number }> {
  return { today: cadreToday().today, days: (await cadreSettings(db)).termReminderDays };
}

export async function listCommittees(ctx: Ctx, auth: AuthContext, q: CommitteeListQuery) {
  const { today, days } = await reminderWindow(ctx.db);
  const where = committeeWhere(auth.scope, q, today, days);
  const rows = await committeeRows(ctx.db, where, today, days, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(committeeItem), total: await countCommittees(ctx.db, where), page: q.page, pageSize: q.pageSize };
}

/** Current committees inside the reminder window or past their end, grouped by district (市本级 first). */
export async function dueCommittees(ctx: Ctx, auth: AuthContext): Promise<CommitteeDueGroup[]> {
  const { today, days } = await reminderWindow(ctx.db);
  const rows = await committeeRows(ctx.db, committeeWhere(auth.scope, { status: 'current', due: 'due_or_overdue' }, today, days), today, days, 2000, 0);
  const groups = new Map<string, CommitteeDueGroup>();
  for (const r of rows) {
    const key = r.district_id ?? 'city';
    const g = groups.get(key) ?? { districtId: r.district_id, districtName: r.district_name ?? '市本级', due: 0, overdue: 0, items: [] };
    g.items.push(committeeItem(r));
    if (r.due_state === 'overdue') g.overdue++;
    else g.due++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

export async function getCommittee(ctx: Ctx, auth: AuthContext, id: string): Promise<Committee> {
  const { today, days } = await reminderWindow(ctx.db);
  const row = await findCommitteeRow(ctx.db, auth.scope, id, today, days);
  if (!row) throw notFound('工会委员会');
  const members = await queryRows<{ id: string; name: string; position: Committee['cadres'][number]['position']; full_time: boolean; state: 'in_office' | 'left' }>(
    ctx.db,
    sql`SELECT id, name, position, full_time, state FROM cadres WHERE committee_id = ${id} ORDER BY state, array_position(ARRAY['chair','exec_vice_chair','vice_chair','audit_director','women_director','committee_member','audit_member','officer'], position), name`,
  );
  const history = (await orgCommitteeRows(ctx.db, row.org_id, today, days)).map(committeeItem);
  const manage = auth.permissions.has('cadre:committee:manage') && row.status === 'current';
  return {
    ...committeeItem(row),
    history,
    cadres: members.map((m) => ({ id: m.id, name: m.name, position: m.position, fullTime: m.full_time, state: m.state })),
    abilities: { canEdit: manage, canRenew: manage },
  };
}

/** A grassroots union's term is three or five years (工会法): the end must lie after the start and within five years of it. */
function checkTermLength(b: { termStart: string; termEnd: string }): void {
  const limit = new Date(`${b.termStart}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_TERM_YEARS);
  if (b.termEnd > limit.toISOString().slice(0, 10)) throw invalidField('termEnd', `任期不能超过${MAX_TERM_YEARS}年(最晚 ${limit.toISOString().slice(0, 10)})`);
}

const termColumns = (b: UpdateCommitteeBody | CommitteeBody | RenewCommitteeBody) => ({
  termNo: b.termNo, electedOn: b.electedOn, termStart: b.termStart, termEnd: b.termEnd, electionMethod: b.electionMethod, note: b.note ?? null,
});

const duplicateTerm = (e: unknown): unknown =>
  isUniqueViolation(e, 'cadre_committees_term_unique') ? conflictField('termNo', '该工会已登记此届次') : isUniqueViolation(e, 'cadre_committees_one_current') ? conflictField('orgId', '该工会已有本届委员会,请通过“换届”登记新一届') : e;

export async function createCommittee(ctx: Ctx, auth: AuthContext, actor: Actor, body: CommitteeBody): Promise<Committee> {
  if (!(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '所选工会不存在或不在您的管理范围内');
  checkTermLength(body);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(cadreCommittees).values({ ...termColumns(body), orgId: body.orgId, createdBy: auth.user.id }).returning({ id: cadreCommittees.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'cadre_committee', objectId: row!.id, detail: { orgId: body.orgId, ...termColumns(body) } }, true);
      return row!.id;
    });
    return await getCommittee(ctx, auth, id);
  } catch (e) {
    throw duplicateTerm(e);
  }
}

export async function updateCommittee(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, body: UpdateCommitteeBody): Promise<Committee> {
  const before = await getCommittee(ctx, auth, id);
  if (before.status !== 'current') throw conflict('已换届的委员会不能修改', 'COMMITTEE_REPLACED');
  checkTermLength(body);
  try {
    await ctx.db.transaction(async (tx) => {
      const endMoved = body.termEnd !== before.termEnd;
      const [row] = await tx
        .update(cadreCommittees)
        // a moved end date starts the reminders afresh
        .set({ ...termColumns(body), ...(endMoved ? { expiringNotifiedAt: null, expiredNotifiedAt: null } : {}), version: sql`${cadreCommittees.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(cadreCommittees.id, id), eq(cadreCommittees.version, body.version), eq(cadreCommittees.status, 'current')))
        .returning({ id: cadreCommittees.id });
      if (!row) throw conflict('该委员会信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre_committee', objectId: id, detail: { from: { termNo: before.termNo, termStart: before.termStart, termEnd: before.termEnd }, to: termColumns(body) } }, true);
    });
  } catch (e) {
    throw duplicateTerm(e);
  }
  return getCommittee(ctx, auth, id);
}

/**
 * 换届: the current committee becomes history (replaced on the new term's start), the next 届 is
 * current; the cadres listed as continuing move to it, the old committee's other cadres leave office.
 */
export async function renewCommittee(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, body: RenewCommitteeBody): Promise<Committee> {
  const old = await getCommittee(ctx, auth, id);
  if (old.status !== 'current') throw conflict('该委员会已换届', 'COMMITTEE_REPLACED');
  if (body.termNo <= old.termNo) throw invalidField('termNo', `新一届届次应大于第${old.termNo}届`);
  if (body.termStart <= old.termStart) throw invalidField('termStart', `新一届任期开始日期应晚于上一届(${old.termStart})`);
  checkTermLength(body);
  const inOffice = new Set(old.cadres.filter((c) => c.state === 'in_office').map((c) => c.id));
  const stray = body.continuingCadreIds.find((c) => !inOffice.has(c));
  if (stray) throw invalidField('continuingCadreIds', '连任人员须为上一届在任干部');
  try {
    const newId = await ctx.db.transaction(async (tx) => {
      const [prev] = await tx
        .update(cadreCommittees)
        .set({ status: 'replaced', replacedOn: body.termStart, version: sql`${cadreCommittees.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(cadreCommittees.id, id), eq(cadreCommittees.version, body.version), eq(cadreCommittees.status, 'current')))
        .returning({ id: cadreCommittees.id });
      if (!prev) throw conflict('该委员会信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
      const [row] = await tx.insert(cadreCommittees).values({ ...termColumns(body), orgId: old.orgId, createdBy: auth.user.id }).returning({ id: cadreCommittees.id });
      const continuing = body.continuingCadreIds;
      if (continuing.length) {
        await tx.update(cadres).set({ committeeId: row!.id, officeEnd: body.termEnd, version: sql`${cadres.version} + 1`, updatedAt: sql`now()` }).where(inArray(cadres.id, continuing));
      }
      const leaving = [...inOffice].filter((c) => !continuing.includes(c));
      if (leaving.length) {
        const reason = `换届未连任(第${old.termNo}届届满)`;
        await tx.update(cadres).set({ state: 'left', leftOn: body.termStart, leftReason: reason, version: sql`${cadres.version} + 1`, updatedAt: sql`now()` }).where(inArray(cadres.id, leaving));
      }
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre_committee', objectId: id, detail: { renewed: true, replacedBy: row!.id, replacedOn: body.termStart } }, true);
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'cadre_committee', objectId: row!.id, detail: { orgId: old.orgId, ...termColumns(body), continuing: continuing.length, left: leaving.length } }, true);
      return row!.id;
    });
    return await getCommittee(ctx, auth, newId);
  } catch (e) {
    throw duplicateTerm(e);
  }
}

/** The org's current committee, when there is one (a new cadre joins it unless told otherwise). */
export async function currentCommitteeOf(db: Db, orgId: string): Promise<{ id: string; termEnd: string } | null> {
  const [row] = await db.select({ id: cadreCommittees.id, termEnd: cadreCommittees.termEnd }).from(cadreCommittees).where(and(eq(cadreCommittees.orgId, orgId), eq(cadreCommittees.status, 'current')));
  return row ?? null;
}
