import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { RatingCampaign } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import { cityOrg } from '../test-support/fixtures.js';
import { insertMembers, memberUserClient } from '../test-support/enrolment-fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { queryRows } from '../platform/db/db-connection.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { answersFor, openCampaign } from '../modules/ratings/rating-test-fixtures.js';

/**
 * Every table that stores one voter's vote or score: the unique key that makes it "one voter, one
 * vote per ballot". A new table whose name says vote/ballot/score/rating must be added here (the
 * first test fails until it is), so no new ballot goes without its unique index.
 */
const BALLOTS: Record<string, string[]> = {
  rating_ballots: ['campaign_id', 'rater_key', 'unit_id'], // 满意不满意测评: one sheet line per rater and unit
  proposal_votes: ['collection_id', 'member_id'], // 办实事项目征集: one vote per member per collection
  assessment_ratings: ['assessment_id', 'criterion_key', 'rater_id'], // expert panels (platform/assessment)
  craftsman_scores: ['nomination_id', 'expert_id'], // 工匠 review: one score per expert and nomination
  competition_scores: ['participant_id', 'period_key'], // 劳动竞赛: one score per participant and period
};
/** Tables whose names match but hold no individual vote: a 工资集体协商 vote is a tally the union records (counts, not ballots). */
const NOT_BALLOTS = new Set(['wage_votes', 'rating_campaigns', 'rating_units', 'rating_codes', 'rating_code_batches', 'rating_code_failures']);

async function uniqueKeys(t: TestApp, table: string): Promise<string[][]> {
  const rows = await queryRows<{ cols: string }>(
    t.ctx.db,
    sql`SELECT string_agg(a.attname, ',' ORDER BY k.ord) AS cols
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE c.relname = ${table} AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL
        GROUP BY i.indexrelid`,
  );
  return rows.map((r) => r.cols.split(','));
}

describe('security.md item 25: one member, one vote per ballot (unique index); a concurrent double submit stores one row', () => {
  let t: TestApp;
  let city: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 180_000);
  afterAll(() => t.close());

  it('every ballot table has a unique index over (ballot, voter): found in the database catalogue', async () => {
    const tables = await queryRows<{ name: string }>(t.ctx.db, sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name ~ '(vote|ballot|score|rating)'`);
    const unknown = tables.map((r) => r.name).filter((n) => !(n in BALLOTS) && !NOT_BALLOTS.has(n));
    expect(unknown, 'a new vote/score table: add its one-vote key to BALLOTS').toEqual([]);
    for (const [table, key] of Object.entries(BALLOTS)) {
      const keys = await uniqueKeys(t, table);
      expect(
        keys.some((k) => k.length === key.length && key.every((c) => k.includes(c))),
        `${table} should have a unique index on (${key.join(', ')}); found ${JSON.stringify(keys)}`,
      ).toBe(true);
    }
  });

  it('the database refuses a second copy of any stored vote (each ballot table with demo votes)', async () => {
    let tried = 0;
    for (const table of Object.keys(BALLOTS)) {
      const cols = await queryRows<{ name: string }>(
        t.ctx.db,
        sql`SELECT column_name AS name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = ${table} AND column_name <> 'id' AND coalesce(column_default, '') NOT LIKE 'nextval%' ORDER BY ordinal_position`,
      );
      const list = cols.map((c) => `"${c.name}"`).join(', ');
      const [{ n }] = (await queryRows<{ n: number }>(t.ctx.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as [{ n: number }];
      if (n === 0) continue;
      tried++;
      const err = await t.ctx.db.execute(sql.raw(`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${table} LIMIT 1`)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isUniqueViolation(err), `${table}: a copied vote must be a unique violation, got ${String(err)}`).toBe(true);
    }
    expect(tried).toBeGreaterThanOrEqual(3);
  });

  it('满意不满意测评: a member submitting 4 times at once stores one line per unit, three answers are 409', async () => {
    const campaign: RatingCampaign = await openCampaign(city, ['市人力社保局', '市住保房管局']);
    const org = (await cityOrg(t)).id;
    const [memberId] = await insertMembers(t, org, 1, {}, '投票会员');
    const sys = await t.login('sysadmin');
    const m = await memberUserClient(t, sys, 'i25_member', org, memberId!);
    const body = { answers: answersFor(campaign, 1) };
    const answers = await Promise.all(Array.from({ length: 4 }, () => m.post(`/my/ratings/${campaign.id}`, body)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM rating_ballots WHERE campaign_id = ${campaign.id} AND member_id = ${memberId}`);
    expect(row!.n).toBe(campaign.unitList.length);
  });

  it('办实事项目 public vote: concurrent votes of one member store one row; a vote for another proposal is 409', async () => {
    const worker = await demoClient(t, 'worker');
    const [c] = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM proposal_collections WHERE status = 'collecting' LIMIT 1`);
    const picks = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM proposals WHERE collection_id = ${c!.id} AND status = 'public' ORDER BY created_at LIMIT 2`);
    expect(picks).toHaveLength(2);
    await t.ctx.db.execute(sql`UPDATE proposal_collections SET status = 'voting' WHERE id = ${c!.id}`);
    await t.ctx.db.execute(sql`UPDATE proposals SET shortlisted = true WHERE id IN (${picks[0]!.id}, ${picks[1]!.id})`);
    const votes = await Promise.all(Array.from({ length: 5 }, () => worker.post<{ created: boolean }>(`/m/proposals/${picks[0]!.id}/vote`)));
    expect(votes.map((v) => v.status)).toEqual([200, 200, 200, 200, 200]);
    expect(votes.filter((v) => v.body.created)).toHaveLength(1);
    expect((await worker.post(`/m/proposals/${picks[1]!.id}/vote`)).status).toBe(409);
    const [n] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM proposal_votes v JOIN users u ON u.member_id = v.member_id WHERE v.collection_id = ${c!.id} AND u.username = 'worker'`);
    expect(n!.n).toBe(1);
  });
});
