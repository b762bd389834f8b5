import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ENROLMENT_STATUS_LABELS, isLiveEnrolment, type EnrolmentStatus, type MemberFlag, type SignupResult } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { shanghaiDate, shanghaiYear } from '../calendar/work-calendar.js';
import { queryRows, type Db } from '../db/db-connection.js';
import type { AppError} from '../http/app-error.js';
import { conflict, notFound } from '../http/app-error.js';
import { eligibilityRefusals, type MemberFacts } from './enrolment-eligibility.js';
import type { OfferingRow } from './enrolment-offering.js';
import { claimSeatOrWait, livePoolOfSeatOrg, promoteWaitlist, waitlistPosition } from './enrolment-pool.js';

interface FactsRow {
  id: string;
  org_id: string;
  status: string;
  birth_date: string;
  joined_at: string | null;
  gender: 'male' | 'female';
  migrant_worker: boolean;
  frontline: boolean;
  model_worker: boolean;
  new_employment_form: boolean;
  /** the pool the member draws from (null: outside the organiser's tree) */
  pool: string | null;
  /** the pool has a free place now / the member already holds a live sign-up (answers only: the transaction decides) */
  free: boolean;
  mine: boolean;
  places_this_year: number;
}

/** A sign-up refused for a reason the member can read (409, with a code the client can act on). */
const refused = (detail: string, code: 'CLOSED' | 'NOT_ELIGIBLE' | 'FULL' | 'DUPLICATE'): AppError => conflict(detail, code);

/** A random code for the member's check-in QR (unguessable; shown only to the member). */
export const newCheckInCode = (): string => randomBytes(15).toString('base64url');

/** The year a place of the offering counts in ("at most N a year"). */
const countingYear = (offering: OfferingRow): number => offering.year ?? shanghaiYear(offering.opensAt);

/**
 * Everything a sign-up reads, in one statement: the member, the nearest pool above their union
 * (poolOf), whether it has a free place and whether the member is already in, and (only when a
 * rule counts them) their places this year in offerings of the same kind and category.
 */
async function signupFacts(db: Db, offering: OfferingRow, memberId: string): Promise<{ row: FactsRow; facts: MemberFacts }> {
  const year = countingYear(offering);
  const placesThisYear =
    offering.rules.maxPerYear === undefined
      ? sql`0`
      : sql`(SELECT count(*)::int FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id
            WHERE e.member_id = m.id AND e.status = 'confirmed' AND o.kind = ${offering.kind} AND o.category = ${offering.category} AND o.id <> ${offering.id}::uuid
              AND coalesce(o.year, extract(year FROM o.opens_at AT TIME ZONE 'Asia/Shanghai')::int) = ${year}::int)`;
  const [row] = await queryRows<FactsRow>(
    db,
    sql`SELECT m.id, m.org_id, m.status, m.birth_date::text AS birth_date, m.joined_at::text AS joined_at, m.gender, m.migrant_worker, m.frontline, m.model_worker, m.new_employment_form,
          p.org_id AS pool,
          EXISTS (SELECT 1 FROM enrolment_seats s WHERE s.offering_id = ${offering.id}::uuid AND s.org_id = p.org_id AND s.enrolment_id IS NULL) AS free,
          EXISTS (SELECT 1 FROM enrolments e WHERE e.offering_id = ${offering.id}::uuid AND e.member_id = m.id AND e.status IN ('confirmed','waitlisted','pending_lottery')) AS mine,
          ${placesThisYear} AS places_this_year
        FROM members m
        LEFT JOIN LATERAL (
          SELECT h.org_id FROM (
            SELECT org_id FROM enrolment_offerings WHERE id = ${offering.id}::uuid
            UNION SELECT org_id FROM enrolment_quotas WHERE offering_id = ${offering.id}::uuid AND returned_at IS NULL
          ) h JOIN org_closure c ON c.ancestor_id = h.org_id AND c.descendant_id = m.org_id
          ORDER BY c.depth LIMIT 1) p ON true
        WHERE m.id = ${memberId}::uuid`,
  );
  if (!row) throw notFound('会员');
  const flags: Record<MemberFlag, boolean> = { migrantWorker: row.migrant_worker, frontline: row.frontline, modelWorker: row.model_worker, newEmploymentForm: row.new_employment_form };
  return { row, facts: { status: row.status, birthDate: row.birth_date, joinedAt: row.joined_at, gender: row.gender, flags, placesThisYear: row.places_this_year } };
}

type Refusal = { reason: string; code: 'CLOSED' | 'NOT_ELIGIBLE' };

/** The window, the organiser's tree and the rules; on success the member's union, the pool they draw from and the early answers. */
async function assess(
  db: Db,
  offering: OfferingRow,
  memberId: string,
  now: Date,
): Promise<{ refusal: Refusal } | { refusal: null; orgId: string; pool: string; free: boolean; mine: boolean }> {
  if (offering.status !== 'published') return { refusal: { reason: '该活动未发布或已取消,不能报名', code: 'CLOSED' } };
  if (now < offering.opensAt) return { refusal: { reason: '报名尚未开始', code: 'CLOSED' } };
  if (now >= offering.closesAt) return { refusal: { reason: '报名已截止', code: 'CLOSED' } };
  const { row, facts } = await signupFacts(db, offering, memberId);
  if (!row.pool) return { refusal: { reason: '该活动仅限主办工会及其下级工会的会员报名', code: 'NOT_ELIGIBLE' } };
  const reasons = eligibilityRefusals(offering.rules, facts, shanghaiDate(now));
  if (reasons.length > 0) return { refusal: { reason: `不符合报名条件:${reasons.join(';')}`, code: 'NOT_ELIGIBLE' } };
  return { refusal: null, orgId: row.org_id, pool: row.pool, free: row.free, mine: row.mine };
}

/**
 * Why `memberId` may not sign up for `offering` now (null: they may). Not places or duplicates,
 * which the sign-up itself settles in the database.
 */
export async function signupRefusal(db: Db, offering: OfferingRow, memberId: string, now = new Date()): Promise<Refusal | null> {
  return (await assess(db, offering, memberId, now)).refusal;
}

export interface SignupInput {
  memberId: string;
  source: 'self' | 'nominated';
  details?: Record<string, unknown>;
}

/**
 * Signs a member up. Duplicates are refused by the partial unique index (three clicks store one
 * row: the later inserts wait for the first and then find it); a place is claimed in the same
 * transaction, so a sign-up is confirmed exactly when it holds a place. Lottery offerings only
 * register the entry (the draw gives places). Without a free place: the waitlist, or 409 FULL
 * (and nothing stored).
 */
export async function signUp(db: Db, actor: Actor, offering: OfferingRow, input: SignupInput, now = new Date()): Promise<SignupResult> {
  const a = await assess(db, offering, input.memberId, now);
  if (a.refusal) throw refused(a.refusal.reason, a.refusal.code);
  const { orgId, pool } = a;
  // in a rush most clicks find the pool sold out or the member already in: answered from the
  // same read, without a transaction (which still decides for the others: a place freed or taken
  // meanwhile is settled there)
  if (a.mine) throw refused('已报名,请勿重复报名', 'DUPLICATE');
  if (offering.mode === 'fcfs' && !offering.waitlist && !a.free) throw refused('名额已满', 'FULL');
  const id = randomUUID();
  const initial: EnrolmentStatus = offering.mode === 'lottery' ? 'pending_lottery' : 'waitlisted';
  const result = await db.transaction(async (tx) => {
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO enrolments (id, offering_id, member_id, org_id, pool_org_id, status, source, details, check_in_code, created_by)
          VALUES (${id}::uuid, ${offering.id}::uuid, ${input.memberId}::uuid, ${orgId}::uuid, ${pool}::uuid, ${initial}, ${input.source}, ${JSON.stringify(input.details ?? {})}::jsonb, ${newCheckInCode()}, ${actor.userId}::uuid)
          ON CONFLICT (offering_id, member_id) WHERE status IN ('confirmed','waitlisted','pending_lottery') DO NOTHING
          RETURNING id`,
    );
    if (inserted.length === 0) throw refused('已报名,请勿重复报名', 'DUPLICATE');
    let status: EnrolmentStatus = initial;
    let seatNo: number | null = null;
    if (offering.mode === 'fcfs') {
      seatNo = await claimSeatOrWait(tx, offering.id, pool, id);
      if (seatNo !== null) status = 'confirmed';
      else if (!offering.waitlist) throw refused('名额已满', 'FULL');
    }
    await recordAudit(tx, actor, { action: 'enrolment.signup', objectType: 'enrolment_offering', objectId: offering.id, detail: { enrolmentId: id, memberId: input.memberId, status, seatNo, source: input.source } }, true);
    return { status, seatNo };
  });
  const position = result.status === 'waitlisted' ? await waitlistPosition(db, id) : null;
  return { id, status: result.status, statusLabel: ENROLMENT_STATUS_LABELS[result.status], seatNo: result.seatNo, waitlistPosition: position };
}

export interface EnrolmentRow {
  id: string;
  offering_id: string;
  member_id: string;
  org_id: string;
  pool_org_id: string;
  status: EnrolmentStatus;
  seat_no: number | null;
  checked_in_at: string | null;
}

export async function enrolmentRow(db: Db, id: string, lock = false): Promise<EnrolmentRow | null> {
  const [row] = await queryRows<EnrolmentRow>(
    db,
    sql`SELECT id, offering_id, member_id, org_id, pool_org_id, status, seat_no, checked_in_at::text AS checked_in_at FROM enrolments WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return row ?? null;
}

/**
 * Cancels a live enrolment. A member may cancel until the offering's cancellation deadline; staff
 * at any time (with a reason). A freed place goes to the oldest waitlisted member of its pool.
 */
export async function cancelEnrolment(db: Db, actor: Actor, offering: OfferingRow, enrolmentId: string, by: 'member' | 'staff', reason: string | null, now = new Date()): Promise<void> {
  if (by === 'member' && offering.cancelUntil && now > offering.cancelUntil) throw conflict('已过取消报名截止时间,如需取消请联系主办工会', 'CANCEL_CLOSED');
  await db.transaction(async (tx) => {
    const e = await enrolmentRow(tx, enrolmentId, true);
    if (!e || e.offering_id !== offering.id) throw notFound('报名记录');
    if (!isLiveEnrolment(e.status)) throw conflict(`该报名已是「${ENROLMENT_STATUS_LABELS[e.status]}」状态,不能取消`, 'ILLEGAL_TRANSITION');
    if (e.checked_in_at) throw conflict('已签到的报名不能取消', 'ILLEGAL_TRANSITION');
    await tx.execute(sql`UPDATE enrolments SET status = 'cancelled', seat_no = NULL, status_at = now(), cancelled_at = now(), cancel_reason = ${reason} WHERE id = ${enrolmentId}::uuid`);
    if (e.seat_no !== null) {
      const [seat] = await queryRows<{ org_id: string }>(tx, sql`UPDATE enrolment_seats SET enrolment_id = NULL WHERE offering_id = ${offering.id}::uuid AND seat_no = ${e.seat_no} RETURNING org_id`);
      const pool = await livePoolOfSeatOrg(tx, offering.id, seat!.org_id);
      if (pool !== seat!.org_id) await tx.execute(sql`UPDATE enrolment_seats SET org_id = ${pool}::uuid WHERE offering_id = ${offering.id}::uuid AND seat_no = ${e.seat_no}`);
      if (offering.mode === 'fcfs' || offering.drawnAt) await promoteWaitlist(tx, offering.id, pool, offering.title);
    }
    await recordAudit(tx, actor, { action: 'enrolment.cancel', objectType: 'enrolment_offering', objectId: offering.id, detail: { enrolmentId, by, reason, from: e.status } }, true);
  });
}
