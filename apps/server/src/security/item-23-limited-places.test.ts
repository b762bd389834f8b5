import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { userClient } from '../test-support/fixtures.js';
import { registryTree, type RegistryTree } from '../test-support/registry-fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { sourceFilesUnder } from '../test-support/source-files.js';
import { insertMembers, publishedActivity } from '../test-support/enrolment-fixtures.js';
import { createRouteVia, publishedBatch } from '../test-support/recuperation-fixtures.js';
import { queryRows } from '../platform/db/db-connection.js';
import { AppError } from '../platform/http/app-error.js';
import { offeringById } from '../platform/enrolment/enrolment-offering.js';
import { signUp } from '../platform/enrolment/enrolment-signup.js';
import { ACTIVITY_KIND } from '../modules/activities/activity.service.js';
import { RECUPERATION_KIND } from '../modules/recuperation/recuperation.repository.js';

const MODULES = join(import.meta.dirname, '../modules');

/** Every module that opens limited places through platform/enrolment: how to publish an offering and nominate a member over HTTP. */
interface Rush {
  kind: string;
  open(c: TestClient, orgId: string, places: number): Promise<{ id: string; offeringId: string }>;
  nominate: (id: string) => string;
}
const RUSHES: Record<string, Rush> = {
  activities: {
    kind: ACTIVITY_KIND,
    open: (c, orgId, places) => publishedActivity(c, orgId, { capacity: places, title: '职工观影(名额测试)' }),
    nominate: (id) => `/activities/${id}/nominations`,
  },
  recuperation: {
    kind: RECUPERATION_KIND,
    open: async (c, orgId, places) => publishedBatch(c, (await createRouteVia(c, 3, 20_000)).routeId, orgId, { places }),
    nominate: (id) => `/recuperation/batches/${id}/nominations`,
  },
};

/** The module folders whose code creates an enrolment offering (a new one must be added to RUSHES). */
function offeringModules(): string[] {
  const users = sourceFilesUnder(MODULES).filter((f) => readFileSync(f, 'utf8').includes('createOffering('));
  return [...new Set(users.map((f) => relative(MODULES, f).split(sep)[0]!))].sort();
}

async function placesTaken(t: TestApp, offeringId: string) {
  const [db] = await queryRows<{ live: number; members: number; seats: number; taken: number }>(
    t.ctx.db,
    sql`SELECT (SELECT count(*)::int FROM enrolments WHERE offering_id = ${offeringId}::uuid AND status <> 'cancelled') AS live,
               (SELECT count(DISTINCT member_id)::int FROM enrolments WHERE offering_id = ${offeringId}::uuid AND status <> 'cancelled') AS members,
               (SELECT count(*)::int FROM enrolment_seats WHERE offering_id = ${offeringId}::uuid) AS seats,
               (SELECT count(enrolment_id)::int FROM enrolment_seats WHERE offering_id = ${offeringId}::uuid) AS taken`,
  );
  return db!;
}

/**
 * security.md 23: 5,000 members sign up at once for 100 places, each clicking 3 times: exactly
 * 100 confirmed, nobody twice, every other click a 409. All 15,000 sign-ups are started together
 * against the real sign-up service (on PostgreSQL they run on the pool's connections at once);
 * then every module with limited places is rushed over HTTP, round after round.
 */
describe('security.md item 23: limited places never oversell — exactly N confirmed, nobody twice, the rest 409, in every run', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '抢票');
    city = await userClient(t, sys, 'rush_city', tree.city.id, ['city_admin']);
  }, 120_000);
  afterAll(() => t.close());

  it('every module that offers limited places is rushed below (platform/enrolment users found in the code)', () => {
    expect(offeringModules()).toEqual(Object.keys(RUSHES).sort());
  });

  it('5,000 members × 3 clicks for 100 places → exactly 100 confirmed, nobody twice, the rest 409', async () => {
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
    expect(await placesTaken(t, a.offeringId)).toEqual({ live: 100, members: 100, seats: 100, taken: 100 });
  }, 600_000);

  for (const [module, rush] of Object.entries(RUSHES)) {
    it(`${module}: 3 rounds of 60 members × 3 concurrent nominations for 10 places over HTTP → 10 confirmed, nobody twice, the rest 409`, async () => {
      for (let round = 0; round < 3; round++) {
        const o = await rush.open(city, tree.city.id, 10);
        const memberIds = await insertMembers(t, round % 2 ? tree.unionA.id : tree.unionC.id, 60, {}, `${module}${round}轮`);
        const answers = await Promise.all(
          memberIds.flatMap((memberId) => [0, 1, 2].map(() => city.post<{ status: string }>(rush.nominate(o.id), { memberId }).then((r) => ({ memberId, status: r.status, state: r.body.status })))),
        );
        const confirmed = answers.filter((a) => a.status === 201);
        expect(confirmed.map((a) => a.state)).toEqual(Array.from({ length: 10 }, () => 'confirmed'));
        expect(new Set(confirmed.map((a) => a.memberId)).size).toBe(10);
        expect(answers.filter((a) => a.status !== 201).map((a) => a.status)).toEqual(Array.from({ length: 170 }, () => 409));
        expect(await placesTaken(t, o.offeringId)).toEqual({ live: 10, members: 10, seats: 10, taken: 10 });
        const [kind] = await queryRows<{ kind: string }>(t.ctx.db, sql`SELECT kind FROM enrolment_offerings WHERE id = ${o.offeringId}::uuid`);
        expect(kind!.kind).toBe(rush.kind);
      }
    }, 120_000);
  }
});
