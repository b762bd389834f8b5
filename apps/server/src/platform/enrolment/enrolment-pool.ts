import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { notify } from '../notify/notify.service.js';

/**
 * Places are pooled by org: the organiser's pool, and the pools of the unions given a quota. A
 * member draws from the nearest pool above their union (their own union's, else its district's
 * ..., else the organiser's); a quota that was returned is no pool any more.
 */
export async function poolOf(db: Db, offeringId: string, memberOrgId: string): Promise<string | null> {
  const [row] = await queryRows<{ org_id: string }>(
    db,
    sql`SELECT h.org_id FROM (
          SELECT org_id FROM enrolment_offerings WHERE id = ${offeringId}::uuid
          UNION SELECT org_id FROM enrolment_quotas WHERE offering_id = ${offeringId}::uuid AND returned_at IS NULL
        ) h JOIN org_closure c ON c.ancestor_id = h.org_id AND c.descendant_id = ${memberOrgId}::uuid
        ORDER BY c.depth LIMIT 1`,
  );
  return row?.org_id ?? null;
}

/**
 * Gives a free place of `poolOrgId` to enrolment `enrolmentId` and confirms it, in one statement:
 * the place is claimed with FOR UPDATE SKIP LOCKED, so concurrent sign-ups take different rows
 * instead of queueing. Returns the place number, or null when the pool has none free. `wait`: when
 * every free place is locked by others, wait for them (one of them may roll back) instead of
 * giving up.
 */
export async function claimSeat(db: Db, offeringId: string, poolOrgId: string, enrolmentId: string, wait = false): Promise<number | null> {
  const lock = wait ? sql`FOR UPDATE` : sql`FOR UPDATE SKIP LOCKED`;
  const [row] = await queryRows<{ seat_no: number }>(
    db,
    sql`WITH s AS (
          UPDATE enrolment_seats SET enrolment_id = ${enrolmentId}::uuid
          WHERE (offering_id, seat_no) = (
            SELECT offering_id, seat_no FROM enrolment_seats
            WHERE offering_id = ${offeringId}::uuid AND org_id = ${poolOrgId}::uuid AND enrolment_id IS NULL
            ORDER BY seat_no LIMIT 1 ${lock})
          RETURNING seat_no)
        UPDATE enrolments e SET status = 'confirmed', seat_no = s.seat_no, status_at = now()
        FROM s WHERE e.id = ${enrolmentId}::uuid
        RETURNING e.seat_no`,
  );
  return row?.seat_no ?? null;
}

/** claimSeat, and if every free place was locked by other sign-ups, once more waiting for them. */
export async function claimSeatOrWait(db: Db, offeringId: string, poolOrgId: string, enrolmentId: string): Promise<number | null> {
  return (await claimSeat(db, offeringId, poolOrgId, enrolmentId)) ?? (await claimSeat(db, offeringId, poolOrgId, enrolmentId, true));
}

/**
 * Fills the free places of a pool from its waitlist, oldest first, telling each promoted member.
 * Run in the transaction that freed or added the places.
 */
export async function promoteWaitlist(db: Db, offeringId: string, poolOrgId: string, title: string): Promise<number> {
  let promoted = 0;
  for (;;) {
    const [next] = await queryRows<{ id: string; created_by: string | null }>(
      db,
      sql`SELECT id, created_by FROM enrolments
          WHERE offering_id = ${offeringId}::uuid AND status = 'waitlisted' AND pool_org_id = ${poolOrgId}::uuid
          ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (!next) return promoted;
    const seat = await claimSeat(db, offeringId, poolOrgId, next.id, true);
    if (seat === null) return promoted;
    promoted++;
    const [user] = await queryRows<{ id: string }>(db, sql`SELECT u.id FROM users u JOIN enrolments e ON e.member_id = u.member_id WHERE e.id = ${next.id}::uuid LIMIT 1`);
    if (user) await notify(db, { userId: user.id, kind: 'enrolment.promoted', title: `候补成功:${title}`, body: `您在「${title}」的候补已转为报名成功(第 ${seat} 号名额)。`, link: '/m/signups' });
  }
}

/** The live pool of a place's org: the org itself while its quota stands, else the nearest pool above it. */
export async function livePoolOfSeatOrg(db: Db, offeringId: string, seatOrgId: string): Promise<string> {
  return (await poolOf(db, offeringId, seatOrgId)) ?? seatOrgId;
}

/** A waitlist position: how many wait before this enrolment in its pool, plus one. */
export async function waitlistPosition(db: Db, enrolmentId: string): Promise<number | null> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int + 1 AS n FROM enrolments w JOIN enrolments e ON e.id = ${enrolmentId}::uuid
        WHERE e.status = 'waitlisted' AND w.offering_id = e.offering_id AND w.pool_org_id = e.pool_org_id AND w.status = 'waitlisted'
          AND (w.created_at, w.id) < (e.created_at, e.id)`,
  );
  const [own] = await queryRows<{ status: string }>(db, sql`SELECT status FROM enrolments WHERE id = ${enrolmentId}::uuid`);
  return own?.status === 'waitlisted' ? (row?.n ?? null) : null;
}
