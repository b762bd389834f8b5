import { sql } from 'drizzle-orm';
import type { LotteryResult } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { conflict } from '../http/app-error.js';
import { notify } from '../notify/notify.service.js';
import type { OfferingRow } from './enrolment-offering.js';
import { claimSeat } from './enrolment-pool.js';
import { drawDigest, lotteryOrder, newLotterySeed } from './enrolment-lottery.js';

/**
 * Draws a lottery offering after its window closed: entrants in the order of lotteryOrder(seed)
 * each take a free place of their pool; the rest wait (with a waitlist) or are not selected. The
 * seed (given, or fresh) and a digest of the winners are stored and published, and audited: the
 * draw can be recomputed by anyone and cannot be run twice.
 */
export async function drawLottery(db: Db, actor: Actor, offering: OfferingRow, seedIn: string | undefined, now = new Date()): Promise<LotteryResult> {
  if (offering.mode !== 'lottery') throw conflict('该活动不是抽签方式', 'ILLEGAL_TRANSITION');
  if (offering.status !== 'published') throw conflict('活动未发布,不能抽签', 'ILLEGAL_TRANSITION');
  if (now < offering.closesAt) throw conflict('报名截止后才能抽签', 'ILLEGAL_TRANSITION');
  const seed = seedIn ?? newLotterySeed();
  return db.transaction(async (tx) => {
    const [locked] = await queryRows<{ drawn_at: string | null }>(tx, sql`SELECT drawn_at::text AS drawn_at FROM enrolment_offerings WHERE id = ${offering.id}::uuid FOR UPDATE`);
    if (locked?.drawn_at) throw conflict('已抽签,不能重复抽签', 'ALREADY_DRAWN');
    const entrants = await queryRows<{ id: string; memberId: string; pool: string }>(
      tx,
      sql`SELECT id, member_id AS "memberId", pool_org_id AS pool FROM enrolments WHERE offering_id = ${offering.id}::uuid AND status = 'pending_lottery'`,
    );
    const order = lotteryOrder(seed, offering.id, entrants);
    const selected: string[] = [];
    let waitlisted = 0;
    let notSelected = 0;
    for (const [i, e] of order.entries()) {
      await tx.execute(sql`UPDATE enrolments SET lottery_rank = ${i + 1} WHERE id = ${e.id}::uuid`);
      const seat = await claimSeat(tx, offering.id, e.pool, e.id, true);
      if (seat !== null) {
        selected.push(e.memberId);
        continue;
      }
      const status = offering.waitlist ? 'waitlisted' : 'not_selected';
      await tx.execute(sql`UPDATE enrolments SET status = ${status}, status_at = now() WHERE id = ${e.id}::uuid`);
      if (offering.waitlist) waitlisted++;
      else notSelected++;
    }
    const digest = drawDigest(selected);
    const [row] = await queryRows<{ drawn_at: string }>(
      tx,
      sql`UPDATE enrolment_offerings SET lottery_seed = ${seed}, lottery_digest = ${digest}, drawn_at = now(), updated_at = now() WHERE id = ${offering.id}::uuid RETURNING drawn_at::text AS drawn_at`,
    );
    await recordAudit(tx, actor, { action: 'enrolment.draw', objectType: 'enrolment_offering', objectId: offering.id, detail: { seed, digest, entrants: entrants.length, selected: selected.length, waitlisted, notSelected } }, true);
    const users = await queryRows<{ user_id: string; status: string }>(
      tx,
      sql`SELECT u.id AS user_id, e.status FROM enrolments e JOIN users u ON u.member_id = e.member_id WHERE e.offering_id = ${offering.id}::uuid AND e.lottery_rank IS NOT NULL`,
    );
    for (const u of users) {
      const title = u.status === 'confirmed' ? `中签:${offering.title}` : u.status === 'waitlisted' ? `抽签结果:${offering.title}(候补)` : `抽签结果:${offering.title}(未中签)`;
      await notify(tx, { userId: u.user_id, kind: 'enrolment.draw', title, link: '/m/signups' });
    }
    return { seed, digest, drawnAt: new Date(row!.drawn_at).toISOString(), selected: selected.length, waitlisted, notSelected };
  });
}
