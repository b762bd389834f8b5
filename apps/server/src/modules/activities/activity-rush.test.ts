import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import { registryTree } from '../../test-support/registry-fixtures.js';
import { insertMembers, publishedActivity } from '../../test-support/enrolment-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { AppError } from '../../platform/http/app-error.js';
import { offeringById } from '../../platform/enrolment/enrolment-offering.js';
import { signUp } from '../../platform/enrolment/enrolment-signup.js';

/**
 * security.md 23: 5,000 members sign up at once for 100 places, each clicking 3 times: exactly
 * 100 confirmed, nobody twice, every other click a 409. All 15,000 sign-ups are started together
 * against the real sign-up service (on PostgreSQL they run on the pool's connections at once).
 */
describe('the sign-up rush never oversells and never stores a member twice', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it('5,000 members × 3 clicks for 100 places → exactly 100 confirmed, nobody twice, the rest 409', async () => {
    const sys = await t.login('sysadmin');
    const tree = await registryTree(t, sys, '抢票');
    const city = await userClient(t, sys, 'rush_city', tree.city.id, ['city_admin']);
    const a = await publishedActivity(city, tree.city.id, { capacity: 100, title: '平安返乡专车(抢票测试)' });
    const offering = (await offeringById(t.ctx.db, a.offeringId))!;
    const memberIds = [...(await insertMembers(t, tree.unionA.id, 2_500, {}, '抢票甲')), ...(await insertMembers(t, tree.unionC.id, 2_500, {}, '抢票丙'))];
    const clicks = memberIds.flatMap((memberId) => [0, 1, 2].map(() => memberId));
    const outcomes = await Promise.all(
      clicks.map((memberId) =>
        signUp(t.ctx.db, { userId: null, username: 'rush', orgId: null, ip: null }, offering, { memberId, source: 'self' }).then(
          (r) => ({ memberId, status: r.status as string }),
          (e: unknown) => {
            if (e instanceof AppError && e.status === 409) return { memberId, status: e.code };
            throw e;
          },
        ),
      ),
    );
    const confirmed = outcomes.filter((o) => o.status === 'confirmed');
    expect(confirmed).toHaveLength(100);
    expect(new Set(confirmed.map((o) => o.memberId)).size).toBe(100);
    expect(outcomes.filter((o) => o.status !== 'confirmed').every((o) => o.status === 'FULL' || o.status === 'DUPLICATE')).toBe(true);
    const [db] = await queryRows<{ live: number; members: number; seats: number; taken: number }>(
      t.ctx.db,
      sql`SELECT (SELECT count(*)::int FROM enrolments WHERE offering_id = ${a.offeringId}::uuid) AS live,
                 (SELECT count(DISTINCT member_id)::int FROM enrolments WHERE offering_id = ${a.offeringId}::uuid) AS members,
                 (SELECT count(*)::int FROM enrolment_seats WHERE offering_id = ${a.offeringId}::uuid) AS seats,
                 (SELECT count(enrolment_id)::int FROM enrolment_seats WHERE offering_id = ${a.offeringId}::uuid) AS taken`,
    );
    expect(db).toEqual({ live: 100, members: 100, seats: 100, taken: 100 });
  }, 600_000);
});
