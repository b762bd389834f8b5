import { sql } from 'drizzle-orm';
import type { EligibilityRules, EnrolmentMode, OfferingFigures } from '@gonghui/contracts';
import { queryRows, type Db } from '../db/db-connection.js';
import { conflict } from '../http/app-error.js';
import { enrolmentOfferings } from './enrolment.schema.js';

export type OfferingRow = typeof enrolmentOfferings.$inferSelect;

export interface NewOffering {
  kind: string;
  subjectId: string;
  category: string;
  title: string;
  orgId: string;
  capacity: number;
  mode: EnrolmentMode;
  waitlist: boolean;
  opensAt: Date;
  closesAt: Date;
  cancelUntil: Date | null;
  rules: EligibilityRules;
  /** the year a place counts in for "at most N a year" (null: the year sign-up opens) */
  year?: number | null;
  createdBy: string | null;
}

/** Creates an offering in draft with its places (all in the organiser's pool). */
export async function createOffering(tx: Db, o: NewOffering): Promise<OfferingRow> {
  const [row] = await tx.insert(enrolmentOfferings).values(o).returning();
  await tx.execute(sql`INSERT INTO enrolment_seats (offering_id, seat_no, org_id) SELECT ${row!.id}::uuid, n, ${o.orgId}::uuid FROM generate_series(1, ${o.capacity}::int) n`);
  return row!;
}

export async function findOffering(db: Db, kind: string, subjectId: string): Promise<OfferingRow | null> {
  return (await db.query.enrolmentOfferings.findFirst({ where: (t, { and, eq }) => and(eq(t.kind, kind), eq(t.subjectId, subjectId)) })) ?? null;
}

/** An offering read as `to_jsonb(o)` beside its business row (one statement for both). */
export function offeringFromJson(j: Record<string, unknown>): OfferingRow {
  const date = (v: unknown): Date => new Date(String(v));
  const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: String(j.id),
    kind: String(j.kind),
    subjectId: String(j.subject_id),
    category: String(j.category),
    title: String(j.title),
    orgId: String(j.org_id),
    capacity: Number(j.capacity),
    mode: String(j.mode),
    waitlist: j.waitlist === true,
    opensAt: date(j.opens_at),
    closesAt: date(j.closes_at),
    cancelUntil: dateOrNull(j.cancel_until),
    rules: (j.rules ?? {}) as EligibilityRules,
    year: j.year === null || j.year === undefined ? null : Number(j.year),
    status: String(j.status),
    lotterySeed: text(j.lottery_seed),
    lotteryDigest: text(j.lottery_digest),
    drawnAt: dateOrNull(j.drawn_at),
    createdBy: text(j.created_by),
    createdAt: date(j.created_at),
    updatedAt: date(j.updated_at),
  };
}

export async function offeringById(db: Db, id: string): Promise<OfferingRow | null> {
  return (await db.query.enrolmentOfferings.findFirst({ where: (t, { eq }) => eq(t.id, id) })) ?? null;
}

/** The offerings of a list page, in one read (not one per row). */
export async function offeringsByIds(db: Db, ids: string[]): Promise<Map<string, OfferingRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query.enrolmentOfferings.findMany({ where: (t, { inArray }) => inArray(t.id, ids) });
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Changes the number of places: new places join the organiser's pool; fewer places are taken from
 * the organiser's free ones, refused when too many are taken or allocated.
 */
export async function setCapacity(tx: Db, offering: OfferingRow, capacity: number): Promise<void> {
  if (capacity === offering.capacity) return;
  if (capacity > offering.capacity) {
    await tx.execute(sql`INSERT INTO enrolment_seats (offering_id, seat_no, org_id)
      SELECT ${offering.id}::uuid, n, ${offering.orgId}::uuid FROM generate_series((SELECT max(seat_no) + 1 FROM enrolment_seats WHERE offering_id = ${offering.id}::uuid), (SELECT max(seat_no) FROM enrolment_seats WHERE offering_id = ${offering.id}::uuid) + ${capacity - offering.capacity}::int) n`);
  } else {
    const drop = offering.capacity - capacity;
    const gone = await queryRows<{ seat_no: number }>(
      tx,
      sql`DELETE FROM enrolment_seats WHERE (offering_id, seat_no) IN (
            SELECT offering_id, seat_no FROM enrolment_seats WHERE offering_id = ${offering.id}::uuid AND org_id = ${offering.orgId}::uuid AND enrolment_id IS NULL
            ORDER BY seat_no DESC LIMIT ${drop}::int FOR UPDATE)
          RETURNING seat_no`,
    );
    if (gone.length < drop) throw conflict(`名额不能减少到 ${capacity}:主办单位可用的空余名额只有 ${gone.length} 个(其余已报名或已分配给下级)`, 'CAPACITY_IN_USE');
  }
  await tx.update(enrolmentOfferings).set({ capacity, updatedAt: new Date() }).where(sql`id = ${offering.id}::uuid`);
}

/** The live figures of offerings, by id. */
export async function offeringFigures(db: Db, ids: string[]): Promise<Map<string, Omit<OfferingFigures, 'capacity'>>> {
  const out = new Map<string, Omit<OfferingFigures, 'capacity'>>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ offering_id: string; confirmed: number; waitlisted: number; pending: number; checked_in: number }>(
    db,
    sql`SELECT offering_id,
          count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
          count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
          count(*) FILTER (WHERE status = 'pending_lottery')::int AS pending,
          count(*) FILTER (WHERE status = 'confirmed' AND checked_in_at IS NOT NULL)::int AS checked_in
        FROM enrolments WHERE offering_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) AND status IN ('confirmed','waitlisted','pending_lottery')
        GROUP BY offering_id`,
  );
  for (const id of ids) out.set(id, { confirmed: 0, waitlisted: 0, pendingLottery: 0, checkedIn: 0 });
  for (const r of rows) out.set(r.offering_id, { confirmed: r.confirmed, waitlisted: r.waitlisted, pendingLottery: r.pending, checkedIn: r.checked_in });
  return out;
}

/** Where an offering stands in its sign-up window. */
export function offeringPhase(o: Pick<OfferingRow, 'opensAt' | 'closesAt'>, now = new Date()): 'not_open' | 'open' | 'closed' {
  if (now < o.opensAt) return 'not_open';
  if (now >= o.closesAt) return 'closed';
  return 'open';
}

/**
 * Withdraws an offering (the activity or batch is cancelled): every live sign-up is cancelled with
 * the reason, its place freed, and its member told. Run in the caller's transaction (with its audit).
 */
export async function withdrawOffering(tx: Db, offering: OfferingRow, reason: string): Promise<void> {
  await tx.execute(sql`UPDATE enrolment_offerings SET status = 'cancelled', updated_at = now() WHERE id = ${offering.id}::uuid`);
  await tx.execute(sql`INSERT INTO notifications (user_id, kind, title, body, link)
    SELECT u.id, 'enrolment.cancelled', ${`已取消:${offering.title}`}, ${`取消原因:${reason}`}, '/m/signups'
    FROM enrolments e JOIN users u ON u.member_id = e.member_id WHERE e.offering_id = ${offering.id}::uuid AND e.status IN ('confirmed','waitlisted','pending_lottery')`);
  await tx.execute(sql`UPDATE enrolment_seats SET enrolment_id = NULL WHERE offering_id = ${offering.id}::uuid`);
  await tx.execute(sql`UPDATE enrolments SET status = 'cancelled', seat_no = NULL, status_at = now(), cancelled_at = now(), cancel_reason = ${`已取消:${reason}`}
    WHERE offering_id = ${offering.id}::uuid AND status IN ('confirmed','waitlisted','pending_lottery')`);
}
