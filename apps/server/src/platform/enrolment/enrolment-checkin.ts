import { sql } from 'drizzle-orm';
import type { CheckInResult } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { conflict, notFound } from '../http/app-error.js';

/** What the member's QR code encodes: a prefix, so a scan of some other code is recognised as such. */
export const CHECK_IN_PREFIX = 'GHQD:';
export const checkInPayload = (code: string): string => `${CHECK_IN_PREFIX}${code}`;

/**
 * Checks in the confirmed enrolment whose QR code was scanned. `inScope` decides whether the
 * scanning staff may check in at that offering (its organiser or the member's union in their
 * scope): outside it the code is "not found", as if it did not exist. The conditional update lets
 * exactly one of two simultaneous scans win; the second is told when the first happened.
 */
export async function checkIn(db: Db, actor: Actor, scanned: string, inScope: (offeringOrgId: string, memberOrgId: string) => Promise<boolean>): Promise<CheckInResult> {
  const code = scanned.startsWith(CHECK_IN_PREFIX) ? scanned.slice(CHECK_IN_PREFIX.length) : scanned;
  const [e] = await queryRows<{ id: string; status: string; offering_id: string; title: string; offering_org_id: string; org_id: string; org_name: string; member_name: string; checked_in_at: string | null }>(
    db,
    sql`SELECT e.id, e.status, e.offering_id, o.title, o.org_id AS offering_org_id, e.org_id, g.name AS org_name, m.name AS member_name, e.checked_in_at::text AS checked_in_at
        FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id JOIN members m ON m.id = e.member_id JOIN orgs g ON g.id = e.org_id
        WHERE e.check_in_code = ${code}`,
  );
  if (!e || !(await inScope(e.offering_org_id, e.org_id))) throw notFound('签到码对应的报名');
  if (e.status !== 'confirmed') throw conflict(`该报名状态为「${e.status === 'waitlisted' ? '候补中' : e.status === 'cancelled' ? '已取消' : '未获名额'}」,不能签到`, 'NOT_CONFIRMED');
  return db.transaction(async (tx) => {
    const [done] = await queryRows<{ checked_in_at: string }>(
      tx,
      sql`UPDATE enrolments SET checked_in_at = now(), checked_in_by = ${actor.userId}::uuid WHERE id = ${e.id}::uuid AND status = 'confirmed' AND checked_in_at IS NULL RETURNING checked_in_at::text AS checked_in_at`,
    );
    if (!done) {
      const [again] = await queryRows<{ at: string | null }>(tx, sql`SELECT checked_in_at::text AS at FROM enrolments WHERE id = ${e.id}::uuid`);
      const at = again?.at ? new Date(again.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
      throw conflict(`${e.member_name} 已于 ${at} 签到,不能重复签到`, 'ALREADY_CHECKED_IN');
    }
    await recordAudit(tx, actor, { action: 'enrolment.checkin', objectType: 'enrolment_offering', objectId: e.offering_id, detail: { enrolmentId: e.id } }, true);
    return { enrolmentId: e.id, offeringTitle: e.title, memberName: e.member_name, orgName: e.org_name, checkedInAt: new Date(done.checked_in_at).toISOString() };
  });
}
