import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ENROLMENT_STATUS_LABELS, isLiveEnrolment, type Attachment, type EnrolmentStatus, type enrolmentListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import { scopeIncludesOrg, scopePredicate } from '../access/data-scope.js';
import { queryRows, type Db } from '../db/db-connection.js';

export interface EnrolmentListRow {
  id: string;
  offering_id: string;
  member_id: string;
  member_name: string;
  id_card_masked: string;
  org_id: string;
  org_name: string;
  status: EnrolmentStatus;
  seat_no: number | null;
  position: number | null;
  source: 'self' | 'nominated';
  details: Record<string, unknown>;
  documents: Attachment[];
  created_at: string;
  cancelled_at: string | null;
  checked_in_at: string | null;
}

/** The fields every enrolment row shows, whatever the offering (modules add their own). */
export interface EnrolmentListItem {
  id: string;
  offeringId: string;
  memberId: string;
  memberName: string;
  memberIdCard: string;
  orgId: string;
  orgName: string;
  status: EnrolmentStatus;
  statusLabel: string;
  seatNo: number | null;
  waitlistPosition: number | null;
  source: 'self' | 'nominated';
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
  abilities: { canCancel: boolean; canCheckIn: boolean };
}

const isoOrNull = (v: string | null): string | null => (v ? new Date(v).toISOString() : null);

/** Staff see the enrolments of members in their scope, or all of an offering their scope organises. */
export async function enrolmentScopeSql(db: Db, auth: AuthContext, organiserOrgId: string): Promise<SQL> {
  if (await scopeIncludesOrg(db, auth.scope, organiserOrgId)) return sql`true`;
  return scopePredicate(auth.scope, { org: sql`e.org_id` });
}

/**
 * One page of an offering's enrolments for staff: scoped, filtered by status and name, places
 * first (by seat, then draw rank), then the waitlist in order with each one's position.
 */
export async function listOfferingEnrolments(
  db: Db,
  auth: AuthContext,
  offeringId: string,
  organiserOrgId: string,
  q: z.infer<typeof enrolmentListQuerySchema>,
): Promise<{ items: (EnrolmentListItem & { row: EnrolmentListRow })[]; total: number; organiser: boolean }> {
  const organiser = await scopeIncludesOrg(db, auth.scope, organiserOrgId);
  const where: SQL[] = [sql`e.offering_id = ${offeringId}::uuid`, await enrolmentScopeSql(db, auth, organiserOrgId)];
  if (q.status) where.push(sql`e.status = ${q.status}`);
  if (q.q) where.push(sql`m.name LIKE ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<EnrolmentListRow>(
    db,
    sql`SELECT e.id, e.offering_id, e.member_id, m.name AS member_name, m.id_card_masked, e.org_id, g.name AS org_name, e.status, e.seat_no, e.source, e.details, e.documents,
          e.created_at::text AS created_at, e.cancelled_at::text AS cancelled_at, e.checked_in_at::text AS checked_in_at,
          CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*)::int + 1 FROM enrolments w WHERE w.offering_id = e.offering_id AND w.pool_org_id = e.pool_org_id
             AND w.status = 'waitlisted' AND (w.created_at, w.id) < (e.created_at, e.id)) END AS position
        FROM enrolments e JOIN members m ON m.id = e.member_id JOIN orgs g ON g.id = e.org_id
        WHERE ${cond}
        ORDER BY CASE e.status WHEN 'confirmed' THEN 0 WHEN 'pending_lottery' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, e.seat_no NULLS LAST, e.lottery_rank NULLS LAST, e.created_at, e.id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enrolments e JOIN members m ON m.id = e.member_id WHERE ${cond}`);
  const mayManage = auth.permissions.has('activity:enrolment:manage');
  const mayScan = auth.permissions.has('activity:checkin:scan');
  const items = rows.map((r) => ({
    row: r,
    id: r.id,
    offeringId: r.offering_id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberIdCard: r.id_card_masked,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    statusLabel: ENROLMENT_STATUS_LABELS[r.status],
    seatNo: r.seat_no,
    waitlistPosition: r.position,
    source: r.source,
    createdAt: new Date(r.created_at).toISOString(),
    cancelledAt: isoOrNull(r.cancelled_at),
    checkedInAt: isoOrNull(r.checked_in_at),
    abilities: {
      canCancel: mayManage && isLiveEnrolment(r.status) && !r.checked_in_at,
      canCheckIn: mayScan && organiser && r.status === 'confirmed' && !r.checked_in_at,
    },
  }));
  return { items, total: count?.n ?? 0, organiser };
}
