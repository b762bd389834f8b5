import { sql } from 'drizzle-orm';
import type { Quota } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { conflict, invalidField } from '../http/app-error.js';
import type { OfferingRow } from './enrolment-offering.js';
import { poolOf, promoteWaitlist } from './enrolment-pool.js';

/**
 * Allocates `places` of the pool that `toOrgId` draws from today (the organiser's, or a quota
 * above it) to `toOrgId`: free places change pool, so the database still holds exactly capacity
 * places. `mayAllocateFrom` decides whether the caller holds that pool (their scope), reading through the
 * transaction it is given. Members of
 * the new pool who were waiting above move to it and take its free places in order.
 */
export async function allocateQuota(
  db: Db,
  actor: Actor,
  offering: OfferingRow,
  input: { orgId: string; places: number; returnAt: Date | null },
  mayAllocateFrom: (db: Db, orgId: string) => Promise<boolean>,
): Promise<void> {
  if (input.orgId === offering.orgId) throw invalidField('orgId', '不能向主办单位本身分配名额');
  await db.transaction(async (tx) => {
    const [under] = await queryRows<{ ok: boolean }>(tx, sql`SELECT EXISTS (SELECT 1 FROM org_closure WHERE ancestor_id = ${offering.orgId}::uuid AND descendant_id = ${input.orgId}::uuid AND depth > 0) AS ok`);
    if (!under?.ok) throw invalidField('orgId', '只能向主办单位的下级工会分配名额');
    const [existing] = await queryRows<{ allocated_by_org_id: string; returned_at: string | null }>(tx, sql`SELECT allocated_by_org_id, returned_at::text AS returned_at FROM enrolment_quotas WHERE offering_id = ${offering.id}::uuid AND org_id = ${input.orgId}::uuid FOR UPDATE`);
    if (existing?.returned_at) throw conflict('该单位的名额已收回,不能再追加', 'QUOTA_RETURNED');
    const from = existing ? existing.allocated_by_org_id : await parentPool(tx, offering.id, input.orgId);
    if (!(await mayAllocateFrom(tx, from))) throw invalidField('orgId', '只能分配本单位持有的名额');
    const moved = await queryRows<{ seat_no: number }>(
      tx,
      sql`UPDATE enrolment_seats SET org_id = ${input.orgId}::uuid WHERE (offering_id, seat_no) IN (
            SELECT offering_id, seat_no FROM enrolment_seats WHERE offering_id = ${offering.id}::uuid AND org_id = ${from}::uuid AND enrolment_id IS NULL
            ORDER BY seat_no DESC LIMIT ${input.places}::int FOR UPDATE)
          RETURNING seat_no`,
    );
    if (moved.length < input.places) throw conflict(`可分配的空余名额只有 ${moved.length} 个`, 'QUOTA_SHORT');
    await tx.execute(sql`INSERT INTO enrolment_quotas (offering_id, org_id, allocated_by_org_id, places, return_at, created_by)
      VALUES (${offering.id}::uuid, ${input.orgId}::uuid, ${from}::uuid, ${input.places}, ${input.returnAt?.toISOString() ?? null}, ${actor.userId}::uuid)
      ON CONFLICT (offering_id, org_id) DO UPDATE SET places = enrolment_quotas.places + EXCLUDED.places, return_at = coalesce(EXCLUDED.return_at, enrolment_quotas.return_at)`);
    // waiting members under the new pool now wait on it
    await tx.execute(sql`UPDATE enrolments SET pool_org_id = ${input.orgId}::uuid
      WHERE offering_id = ${offering.id}::uuid AND status IN ('waitlisted','pending_lottery') AND pool_org_id = ${from}::uuid
        AND org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${input.orgId}::uuid)`);
    if (offering.mode === 'fcfs' || offering.drawnAt) await promoteWaitlist(tx, offering.id, input.orgId, offering.title);
    await recordAudit(tx, actor, { action: 'enrolment.quota', objectType: 'enrolment_offering', objectId: offering.id, detail: { orgId: input.orgId, fromOrgId: from, places: input.places, returnAt: input.returnAt } }, true);
  });
}

/** The pool directly above an org (the nearest pool among its proper ancestors). */
async function parentPool(db: Db, offeringId: string, orgId: string): Promise<string> {
  const [row] = await queryRows<{ org_id: string }>(
    db,
    sql`SELECT h.org_id FROM (
          SELECT org_id FROM enrolment_offerings WHERE id = ${offeringId}::uuid
          UNION SELECT org_id FROM enrolment_quotas WHERE offering_id = ${offeringId}::uuid AND returned_at IS NULL
        ) h JOIN org_closure c ON c.ancestor_id = h.org_id AND c.descendant_id = ${orgId}::uuid AND c.depth > 0
        ORDER BY c.depth LIMIT 1`,
  );
  if (!row) throw invalidField('orgId', '只能向主办单位的下级工会分配名额');
  return row.org_id;
}

/**
 * Returns the unused places of quotas whose deadline has passed to the pool that allocated them
 * (or the nearest live pool above it); members waiting on a returned pool wait on that pool.
 * Run by the enrolment sweep job; returns how many quotas were returned.
 */
export async function returnDueQuotas(db: Db, now = new Date()): Promise<number> {
  const due = await queryRows<{ id: string; offering_id: string; org_id: string }>(
    db,
    sql`SELECT id, offering_id, org_id FROM enrolment_quotas WHERE returned_at IS NULL AND return_at <= ${now.toISOString()} ORDER BY return_at LIMIT 100`,
  );
  let done = 0;
  for (const q of due) {
    const returned = await db.transaction(async (tx) => {
      const [locked] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM enrolment_quotas WHERE id = ${q.id}::uuid AND returned_at IS NULL FOR UPDATE SKIP LOCKED`);
      if (!locked) return false;
      await tx.execute(sql`UPDATE enrolment_quotas SET returned_at = now() WHERE id = ${q.id}::uuid`);
      const to = (await poolOf(tx, q.offering_id, q.org_id))!;
      const seats = await queryRows<{ seat_no: number }>(
        tx,
        sql`UPDATE enrolment_seats SET org_id = ${to}::uuid WHERE offering_id = ${q.offering_id}::uuid AND org_id = ${q.org_id}::uuid AND enrolment_id IS NULL RETURNING seat_no`,
      );
      await tx.execute(sql`UPDATE enrolment_quotas SET returned = ${seats.length} WHERE id = ${q.id}::uuid`);
      await tx.execute(sql`UPDATE enrolments SET pool_org_id = ${to}::uuid WHERE offering_id = ${q.offering_id}::uuid AND pool_org_id = ${q.org_id}::uuid AND status IN ('waitlisted','pending_lottery')`);
      const [o] = await queryRows<{ title: string; mode: string; drawn_at: string | null }>(tx, sql`SELECT title, mode, drawn_at::text AS drawn_at FROM enrolment_offerings WHERE id = ${q.offering_id}::uuid`);
      if (o && (o.mode === 'fcfs' || o.drawn_at)) await promoteWaitlist(tx, q.offering_id, to, o.title);
      await recordAudit(tx, { userId: null, username: 'system', orgId: null, ip: null }, { action: 'enrolment.quota', objectType: 'enrolment_offering', objectId: q.offering_id, detail: { returnedFromOrgId: q.org_id, toOrgId: to, places: seats.length } }, true);
      return true;
    });
    if (returned) done++;
  }
  return done;
}

/** The quotas of an offering with how many of their places are taken. */
export async function listQuotas(db: Db, offeringId: string): Promise<Quota[]> {
  const rows = await queryRows<{ org_id: string; org_name: string; allocated_by_org_id: string; places: number; used: number; return_at: string | null; returned_at: string | null; returned: number }>(
    db,
    sql`SELECT q.org_id, o.name AS org_name, q.allocated_by_org_id, q.places, q.return_at, q.returned_at, q.returned,
          (SELECT count(*)::int FROM enrolments e WHERE e.offering_id = q.offering_id AND e.status = 'confirmed'
             AND e.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = q.org_id)) AS used
        FROM enrolment_quotas q JOIN orgs o ON o.id = q.org_id WHERE q.offering_id = ${offeringId}::uuid ORDER BY q.created_at`,
  );
  return rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    allocatedByOrgId: r.allocated_by_org_id,
    places: r.places,
    used: r.used,
    returnAt: r.return_at ? new Date(r.return_at).toISOString() : null,
    returnedAt: r.returned_at ? new Date(r.returned_at).toISOString() : null,
    returned: r.returned,
  }));
}
