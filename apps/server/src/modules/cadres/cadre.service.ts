import { and, eq, sql } from 'drizzle-orm';
import { maskIdCard, maskPhone, parseIdCard, type Cadre, type CadreBody, type CadreListItem, type CadreListQuery, type CadreSettings, type LeaveCadreBody, type UpdateCadreBody } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { hmacIdCard } from '../members/member-search.js';
import { memberIdByIdCardHmac } from '../members/member.repository.js';
import { cadreSettings, cadreToday, hourTarget, tenthsToHours } from './cadre-settings.js';
import { cadreCommittees, cadres } from './cadre.schema.js';
import { cadreRows, cadreTrainingRows, cadreWhere, countCadres, findCadreRow, type CadreQueryDay, type CadreRow } from './cadre.repository.js';
import { currentCommitteeOf } from './cadre-committee.service.js';

export type CadreContext = Pick<AppContext, 'db' | 'crypto'>;

export async function cadreQueryDay(ctx: Pick<AppContext, 'db'>): Promise<{ day: CadreQueryDay; settings: CadreSettings }> {
  const settings = await cadreSettings(ctx.db);
  const { today, year } = cadreToday();
  return { day: { today, year, days: settings.termReminderDays }, settings };
}

export function cadreItem(r: CadreRow, settings: CadreSettings, year: number): CadreListItem {
  const target = hourTarget(settings, year);
  return {
    id: r.id, name: r.name, gender: r.gender, idCard: r.id_card_masked, phone: r.phone_masked, orgId: r.org_id, orgName: r.org_name, districtName: r.district_name ?? '市本级',
    committeeId: r.committee_id, termNo: r.term_no, termEnd: r.term_end, termDueState: r.term_due_state, position: r.position, fullTime: r.full_time,
    officeStart: r.office_start, officeEnd: r.office_end, electedHow: r.elected_how, state: r.state, leftOn: r.left_on, leftReason: r.left_reason, memberId: r.member_id,
    yearHours: tenthsToHours(r.year_tenths), yearTarget: r.full_time ? target.fullTime : target.partTime,
  };
}

export async function listCadres(ctx: CadreContext, auth: AuthContext, q: CadreListQuery) {
  const { day, settings } = await cadreQueryDay(ctx);
  const where = cadreWhere(auth.scope, q, day);
  const rows = await cadreRows(ctx.db, where, day, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => cadreItem(r, settings, day.year)), total: await countCadres(ctx.db, where), page: q.page, pageSize: q.pageSize };
}

export async function getCadre(ctx: CadreContext, auth: AuthContext, id: string): Promise<Cadre> {
  const { day, settings } = await cadreQueryDay(ctx);
  const row = await findCadreRow(ctx.db, auth.scope, id, day);
  if (!row) throw notFound('工会干部');
  const trainings = await cadreTrainingRows(ctx.db, id);
  const years = new Map<number, { tenths: number; sessions: number }>();
  years.set(day.year, { tenths: 0, sessions: 0 });
  for (const t of trainings) {
    const y = Number(t.starts_on.slice(0, 4));
    const acc = years.get(y) ?? { tenths: 0, sessions: 0 };
    acc.tenths += t.hours_tenths;
    if (t.signed_in) acc.sessions++;
    years.set(y, acc);
  }
  const [member] = row.member_id ? await queryRows<{ card_no: string }>(ctx.db, sql`SELECT card_no FROM members WHERE id = ${row.member_id}`) : [];
  const manage = auth.permissions.has('cadre:cadre:manage');
  return {
    ...cadreItem(row, settings, day.year),
    version: row.version,
    createdAt: row.created_at,
    memberCardNo: member?.card_no ?? null,
    hoursByYear: [...years.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, v]) => {
        const t = hourTarget(settings, year);
        const target = row.full_time ? t.fullTime : t.partTime;
        const hours = tenthsToHours(v.tenths);
        return { year, hours, target, met: hours >= target, sessions: v.sessions };
      }),
    trainings: trainings.map((t) => ({ trainingId: t.training_id, title: t.title, startsOn: t.starts_on, orgName: t.org_name, signedIn: t.signed_in, hours: tenthsToHours(t.hours_tenths) })),
    abilities: { canEdit: manage, canLeave: manage && row.state === 'in_office' },
  };
}

/** The rules the schema cannot check: the org in scope, the committee that org's, 身份证 agreeing with the gender. */
async function checkBody(ctx: CadreContext, auth: AuthContext, body: CadreBody): Promise<string | null> {
  if (!(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '所选工会不存在或不在您的管理范围内');
  const id = parseIdCard(body.idCard);
  if (!id.ok) throw invalidField('idCard', id.message);
  if (id.id.gender !== body.gender) throw invalidField('gender', '性别与身份证号不一致');
  if (!body.committeeId) return (await currentCommitteeOf(ctx.db, body.orgId))?.id ?? null;
  const [c] = await ctx.db.select({ orgId: cadreCommittees.orgId }).from(cadreCommittees).where(eq(cadreCommittees.id, body.committeeId));
  if (!c || c.orgId !== body.orgId) throw invalidField('committeeId', '所选委员会不属于该工会');
  return body.committeeId;
}

/** The stored columns: 身份证 and phone encrypted, hashed and masked; linked to the member record with the same 身份证. */
async function columnsOf(ctx: CadreContext, body: CadreBody, committeeId: string | null) {
  const id = parseIdCard(body.idCard);
  const value = id.ok ? id.id.value : body.idCard;
  const hmac = hmacIdCard(ctx.crypto, value);
  const memberId = await memberIdByIdCardHmac(ctx.db, hmac, ['active']);
  return {
    orgId: body.orgId, committeeId, name: body.name, gender: body.gender,
    idCardEnc: ctx.crypto.encrypt(value), idCardHmac: hmac, idCardMasked: maskIdCard(value),
    phoneEnc: body.phone ? ctx.crypto.encrypt(body.phone) : null, phoneMasked: body.phone ? maskPhone(body.phone) : null,
    memberId, position: body.position, fullTime: body.fullTime, officeStart: body.officeStart, officeEnd: body.officeEnd ?? null, electedHow: body.electedHow,
  };
}

type Columns = Awaited<ReturnType<typeof columnsOf>>;
/** What an audit row says of a cadre: never the 身份证 or phone in full. */
const auditView = (c: Columns) => ({ name: c.name, orgId: c.orgId, committeeId: c.committeeId, idCard: c.idCardMasked, phone: c.phoneMasked, memberId: c.memberId, position: c.position, fullTime: c.fullTime, officeStart: c.officeStart, officeEnd: c.officeEnd, electedHow: c.electedHow });
const duplicate = (e: unknown): unknown => (isUniqueViolation(e, 'cadres_in_office_unique') ? conflictField('idCard', '该身份证号已在本工会干部名册中(在任)') : e);

export async function createCadre(ctx: CadreContext, auth: AuthContext, actor: Actor, body: CadreBody): Promise<Cadre> {
  const values = await columnsOf(ctx, body, await checkBody(ctx, auth, body));
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(cadres).values({ ...values, createdBy: auth.user.id }).returning({ id: cadres.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'cadre', objectId: row!.id, detail: auditView(values) }, true);
      return row!.id;
    });
    return await getCadre(ctx, auth, id);
  } catch (e) {
    throw duplicate(e);
  }
}

export async function updateCadre(ctx: CadreContext, auth: AuthContext, actor: Actor, id: string, body: UpdateCadreBody): Promise<Cadre> {
  const before = await getCadre(ctx, auth, id);
  // 身份证 and phone are shown masked: left empty in an edit, the stored ones stay
  const [stored] = await ctx.db.select({ id: cadres.idCardEnc, phone: cadres.phoneEnc }).from(cadres).where(eq(cadres.id, id));
  const full: CadreBody = { ...body, idCard: body.idCard ?? ctx.crypto.decrypt(stored!.id), phone: body.phone ?? (stored?.phone ? ctx.crypto.decrypt(stored.phone) : undefined) };
  const values = await columnsOf(ctx, full, await checkBody(ctx, auth, full));
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(cadres)
        .set({ ...values, version: sql`${cadres.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(cadres.id, id), eq(cadres.version, body.version)))
        .returning({ id: cadres.id });
      if (!row) throw conflict('该干部信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
      const from = { name: before.name, orgId: before.orgId, committeeId: before.committeeId, idCard: before.idCard, phone: before.phone, memberId: before.memberId, position: before.position, fullTime: before.fullTime, officeStart: before.officeStart, officeEnd: before.officeEnd, electedHow: before.electedHow };
      const to = auditView(values);
      const changes = Object.fromEntries(Object.entries(to).filter(([k, v]) => v !== from[k as keyof typeof from]).map(([k, v]) => [k, { from: from[k as keyof typeof from], to: v }]));
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre', objectId: id, detail: { changes } }, true);
    });
  } catch (e) {
    throw duplicate(e);
  }
  return getCadre(ctx, auth, id);
}

export async function leaveCadre(ctx: CadreContext, auth: AuthContext, actor: Actor, id: string, body: LeaveCadreBody): Promise<Cadre> {
  const before = await getCadre(ctx, auth, id);
  if (before.state !== 'in_office') throw conflict('该干部已离任', 'ALREADY_LEFT');
  if (body.leftOn < before.officeStart) throw invalidField('leftOn', `离任日期不能早于任职日期(${before.officeStart})`);
  if (body.leftOn > cadreToday().today) throw invalidField('leftOn', '离任日期不能晚于今天');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(cadres)
      .set({ state: 'left', leftOn: body.leftOn, leftReason: body.leftReason, version: sql`${cadres.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cadres.id, id), eq(cadres.version, body.version), eq(cadres.state, 'in_office')))
      .returning({ id: cadres.id });
    if (!row) throw conflict('该干部信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre', objectId: id, detail: { state: { from: 'in_office', to: 'left' }, leftOn: body.leftOn, leftReason: body.leftReason } }, true);
  });
  return getCadre(ctx, auth, id);
}
