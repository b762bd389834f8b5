import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CRAFTSMAN_CALL_STATUS_LABELS, type CraftsmanCall, type CraftsmanCallStatus, type craftsmanCallBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { craftsmanCalls, craftsmanQuotas } from './craftsman.schema.js';

export type CallRow = typeof craftsmanCalls.$inferSelect;
type CallBody = z.infer<typeof craftsmanCallBodySchema>;

/** Unions that may nominate: district/county (市) unions and industry unions. */
export const NOMINATING_KINDS = ['district', 'industry'];

/** Which status may follow which (a call moves forward; a closed call stays closed). */
const NEXT: Record<CraftsmanCallStatus, CraftsmanCallStatus[]> = { draft: ['open'], open: ['reviewing'], reviewing: ['closed', 'open'], closed: [] };

export async function callRow(db: Db, id: string): Promise<CallRow> {
  const [row] = await db.select().from(craftsmanCalls).where(eq(craftsmanCalls.id, id));
  if (!row) throw notFound('年度评选');
  return row;
}

/** Whether nominations are taken now: the call is open and today is within its window. */
export const nominationOpen = (c: CallRow, today = shanghaiDate(new Date())): boolean => c.status === 'open' && today >= c.nominationStartsOn && today <= c.nominationEndsOn;

async function toCall(db: Db, auth: AuthContext, c: CallRow): Promise<CraftsmanCall> {
  const quotas = await queryRows<{ org_id: string; org_name: string; places: number; used: number }>(
    db,
    sql`SELECT q.org_id, o.name AS org_name, q.places,
          (SELECT count(*)::int FROM craftsman_nominations n JOIN workflow_instances w ON w.business_type = 'honours.craftsman' AND w.business_id = n.id
            WHERE n.call_id = q.call_id AND n.nominating_org_id = q.org_id AND w.status <> 'withdrawn') AS used
        FROM craftsman_quotas q JOIN orgs o ON o.id = q.org_id WHERE q.call_id = ${c.id} ORDER BY o.code, o.name`,
  );
  const [counts] = await queryRows<{ nominations: number; craftsmen: number; nominees: number }>(
    db,
    sql`SELECT count(*)::int AS nominations, count(*) FILTER (WHERE n.decision = 'craftsman' AND n.city_approved_at IS NOT NULL)::int AS craftsmen,
          count(*) FILTER (WHERE n.decision = 'nominee' AND n.city_approved_at IS NOT NULL)::int AS nominees
        FROM craftsman_nominations n JOIN workflow_instances w ON w.business_type = 'honours.craftsman' AND w.business_id = n.id WHERE n.call_id = ${c.id} AND w.status <> 'withdrawn'`,
  );
  const city = auth.permissions.has('honours:craftsman-call:manage');
  // a district sees its own quota only
  const visible = city ? quotas : quotas.filter((q) => q.org_id === auth.user.orgId);
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    nominationStartsOn: c.nominationStartsOn,
    nominationEndsOn: c.nominationEndsOn,
    totalPlaces: c.totalPlaces,
    nomineePlaces: c.nomineePlaces,
    awardFen: c.awardFen,
    status: c.status as CraftsmanCallStatus,
    statusLabel: CRAFTSMAN_CALL_STATUS_LABELS[c.status as CraftsmanCallStatus],
    notes: c.notes,
    quotas: visible.map((q) => ({ orgId: q.org_id, orgName: q.org_name, places: q.places, used: q.used })),
    counts: counts ?? { nominations: 0, craftsmen: 0, nominees: 0 },
    abilities: {
      canEdit: city && c.status !== 'closed',
      canNominate: auth.permissions.has('honours:craftsman:nominate') && nominationOpen(c) && quotas.some((q) => q.org_id === auth.user.orgId && q.used < q.places),
    },
  };
}

export async function getCall(db: Db, auth: AuthContext, id: string): Promise<CraftsmanCall> {
  return toCall(db, auth, await callRow(db, id));
}

export async function listCalls(db: Db, auth: AuthContext): Promise<CraftsmanCall[]> {
  const rows = await db.select().from(craftsmanCalls).orderBy(sql`${craftsmanCalls.year} DESC`);
  const out: CraftsmanCall[] = [];
  for (const r of rows) out.push(await toCall(db, auth, r));
  return out;
}

/** The quota list: nominating unions only (district/county or industry), each once. */
async function writeQuotas(tx: Db, callId: string, quotas: CallBody['quotas'], totalPlaces: number): Promise<void> {
  const ids = quotas.map((q) => q.orgId);
  if (new Set(ids).size !== ids.length) throw invalidField('quotas', '同一推荐单位只能设置一次名额');
  if (ids.length > 0) {
    const kinds = await queryRows<{ id: string; kind: string }>(tx, sql`SELECT id, kind FROM orgs WHERE id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
    const bad = ids.filter((i) => !NOMINATING_KINDS.includes(kinds.find((k) => k.id === i)?.kind ?? ''));
    if (bad.length > 0) throw invalidField('quotas', '推荐单位只能是区县(市)总工会或产业工会');
  }
  const sum = quotas.reduce((s, q) => s + q.places, 0);
  if (sum < totalPlaces) throw invalidField('quotas', `各推荐单位名额合计(${sum})不应少于评选名额(${totalPlaces})`);
  await tx.delete(craftsmanQuotas).where(eq(craftsmanQuotas.callId, callId));
  if (quotas.length > 0) await tx.insert(craftsmanQuotas).values(quotas.map((q) => ({ callId, orgId: q.orgId, places: q.places })));
}

export async function createCall(db: Db, auth: AuthContext, actor: Actor, b: CallBody): Promise<CraftsmanCall> {
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(craftsmanCalls)
        .values({ year: b.year, title: b.title, nominationStartsOn: b.nominationStartsOn, nominationEndsOn: b.nominationEndsOn, totalPlaces: b.totalPlaces, nomineePlaces: b.nomineePlaces, awardFen: b.awardFen, notes: b.notes ?? null, createdBy: auth.user.id })
        .returning({ id: craftsmanCalls.id });
      await writeQuotas(tx, row!.id, b.quotas, b.totalPlaces);
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'craftsman_call', objectId: row!.id, detail: { year: b.year, totalPlaces: b.totalPlaces, quotas: b.quotas.length } }, true);
      return row!.id;
    });
    return getCall(db, auth, id);
  } catch (e) {
    if (isUniqueViolation(e, 'craftsman_calls_year_unique')) throw conflictField('year', `${b.year}年度杭州工匠评选已存在`);
    throw e;
  }
}

export async function updateCall(db: Db, auth: AuthContext, actor: Actor, id: string, b: CallBody): Promise<CraftsmanCall> {
  await db.transaction(async (tx) => {
    const c = await callRow(tx, id);
    if (c.status === 'closed') throw conflict('已结束的年度评选不能修改', 'ILLEGAL_TRANSITION');
    if (b.year !== c.year) throw invalidField('year', '年度不能修改');
    const values = { title: b.title, nominationStartsOn: b.nominationStartsOn, nominationEndsOn: b.nominationEndsOn, totalPlaces: b.totalPlaces, nomineePlaces: b.nomineePlaces, awardFen: b.awardFen, notes: b.notes ?? null };
    const [old] = await tx.select().from(craftsmanCalls).where(eq(craftsmanCalls.id, id));
    await tx.update(craftsmanCalls).set({ ...values, updatedAt: sql`now()` }).where(eq(craftsmanCalls.id, id));
    await writeQuotas(tx, id, b.quotas, b.totalPlaces);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'craftsman_call', objectId: id, detail: { ...changeDetail(old!, values), quotas: b.quotas.length } }, true);
  });
  return getCall(db, auth, id);
}

export async function moveCall(db: Db, auth: AuthContext, actor: Actor, id: string, status: CraftsmanCallStatus): Promise<CraftsmanCall> {
  await db.transaction(async (tx) => {
    const c = await callRow(tx, id);
    if (!NEXT[c.status as CraftsmanCallStatus].includes(status)) throw conflict(`“${CRAFTSMAN_CALL_STATUS_LABELS[c.status as CraftsmanCallStatus]}”的评选不能改为“${CRAFTSMAN_CALL_STATUS_LABELS[status]}”`, 'ILLEGAL_TRANSITION');
    const [row] = await tx
      .update(craftsmanCalls)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(craftsmanCalls.id, id), eq(craftsmanCalls.status, c.status)))
      .returning({ id: craftsmanCalls.id });
    if (!row) throw conflict('该评选已被他人修改,请刷新后再试', 'ILLEGAL_TRANSITION');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'craftsman_call', objectId: id, detail: { from: c.status, to: status } }, true);
  });
  return getCall(db, auth, id);
}
