import { sql } from 'drizzle-orm';
import { HAZARD_GRADE_LABELS, HAZARD_POINTS, type HazardGrade } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notify } from '../../platform/notify/notify.service.js';
import { appendHazardEvent } from './hazard.repository.js';

/** The points a verified report of this grade earns its reporter (HAZARD_POINTS: 一般 5, 较大 20, 重大 50). */
export const pointsForGrade = (grade: HazardGrade): number => HAZARD_POINTS[grade];

/**
 * Awards the reporter's points for a verified report, once: the award's primary key is the report,
 * so a second verification (after a return, or a replayed request) adds nothing. Returns the points
 * awarded now (0 when they were awarded before). Runs in the verification's transaction.
 */
export async function awardPointsOnce(tx: Db, hazard: { id: string; grade: HazardGrade; reporterUserId: string; reporterMemberId: string | null; reportNo: string }): Promise<number> {
  const points = pointsForGrade(hazard.grade);
  const [row] = await queryRows<{ points: number }>(
    tx,
    sql`INSERT INTO hazard_point_awards (hazard_id, reporter_user_id, reporter_member_id, grade, points)
        VALUES (${hazard.id}, ${hazard.reporterUserId}, ${hazard.reporterMemberId}, ${hazard.grade}, ${points})
        ON CONFLICT (hazard_id) DO NOTHING RETURNING points`,
  );
  if (!row) return 0;
  await appendHazardEvent(tx, hazard.id, { action: 'points', note: `${HAZARD_GRADE_LABELS[hazard.grade]},上报人获得 ${points} 积分`, userName: '系统', orgName: null });
  await notify(tx, { userId: hazard.reporterUserId, kind: 'hazard.points', title: `您上报的隐患 ${hazard.reportNo} 已整改验收,获得 ${points} 积分`, link: `/m/hazards/${hazard.id}` });
  return points;
}

/** A reporter's points from all their verified reports. */
export async function pointsOf(db: Db, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT coalesce(sum(points), 0)::int AS n FROM hazard_point_awards WHERE reporter_user_id = ${userId}`);
  return row?.n ?? 0;
}
