import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingCampaign } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, userClient } from '../../test-support/fixtures.js';
import { classify, rateBp, unitRates, weightedBp, weightsValid, type GroupTally } from './rating-rate.js';
import { groupTallies, unitRateRows } from './rating-results.repository.js';
import { openCampaign } from './rating-test-fixtures.js';

const tally = (groupId: string, weightBp: number, ballots: number, a: number, i: number, e: number): GroupTally => ({ groupId, weightBp, ballots, satisfied: { attitude: a, integrity: i, effect: e } });

describe('satisfaction rate: the pure formula', () => {
  it('counts 满意 + 比较满意 + 基本满意 over all, rounded half up to a basis point', () => {
    expect(rateBp(2, 3)).toBe(6667);
    expect(rateBp(1, 3)).toBe(3333);
    expect(rateBp(1, 8)).toBe(1250);
    expect(rateBp(0, 5)).toBe(0);
    expect(rateBp(5, 5)).toBe(10000);
    expect(rateBp(0, 0)).toBeNull();
  });

  it('weights the groups’ rates and renormalises over the groups with votes', () => {
    // 职工代表 60% weight, rate 100%; 媒体 40% weight, rate 50% → 80%
    const r = unitRates([tally('a', 6000, 10, 10, 10, 10), tally('b', 4000, 10, 5, 5, 5)]);
    expect(r.overallBp).toBe(8000);
    expect(r.groupBp).toEqual({ a: 10000, b: 5000 });
    // a third group with no votes changes nothing: its weight is left out, the others renormalised
    const withEmpty = unitRates([tally('a', 3000, 10, 10, 10, 10), tally('b', 2000, 10, 5, 5, 5), tally('c', 5000, 0, 0, 0, 0)]);
    expect(withEmpty.overallBp).toBe(8000);
    expect(withEmpty.groupBp.c).toBeNull();
    // per dimension: weighted the same way
    const d = unitRates([tally('a', 5000, 4, 4, 2, 0), tally('b', 5000, 4, 0, 2, 4)]);
    expect(d.dimensionBp).toEqual({ attitude: 5000, integrity: 5000, effect: 5000 });
    expect(d.overallBp).toBe(5000);
    expect(unitRates([tally('a', 10000, 0, 0, 0, 0)]).overallBp).toBeNull();
    expect(weightedBp([{ weightBp: 0, rateBp: 9000 }])).toBeNull();
  });

  it('a big group does not outweigh its weight: 1 ballot at 20% beats 1,000 ballots at 80% only by weight', () => {
    const r = unitRates([tally('few', 8000, 1, 0, 0, 0), tally('many', 2000, 1000, 1000, 1000, 1000)]);
    expect(r.overallBp).toBe(2000);
  });

  it('validates weights summing to 10000 and classifies by the thresholds', () => {
    expect(weightsValid([2000, 1200, 1000, 1000, 1200, 800, 1400, 600, 800])).toBe(true);
    expect(weightsValid([5000, 4999])).toBe(false);
    expect(weightsValid([10001, -1])).toBe(false);
    expect(classify(9000, 9000, 7500)).toBe('satisfied');
    expect(classify(8999, 9000, 7500)).toBe('normal');
    expect(classify(7499, 9000, 7500)).toBe('dissatisfied');
    expect(classify(null, 9000, 7500)).toBe('none');
  });
});

describe('satisfaction rate: the SQL aggregation agrees with the pure formula', () => {
  let t: TestApp;
  let campaign: RatingCampaign;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    const city = await userClient(t, sys, 'rr_city', (await cityOrg(t)).id, ['city_admin']);
    campaign = await openCampaign(city, ['市人力社保局', '市住保房管局', '市市场监管局', '上城区总工会', '无人评价单位']);
  });
  afterAll(() => t.close());

  it('on random ballots over groups of different sizes, with one group and one unit without votes and some excluded', async () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed >>> 16) % n;
    };
    const groups = campaign.groups.slice(0, 8); // the 9th group gets no votes
    const units = campaign.unitList.slice(0, 4);
    const rows: string[] = [];
    for (let k = 0; k < 1500; k++) {
      const g = groups[rnd(groups.length)]!;
      const u = units[rnd(units.length)]!;
      const bias = 1 + (units.indexOf(u) % 3);
      const lvl = () => Math.min(5, 1 + rnd(2 + bias));
      rows.push(`('${campaign.id}', '${u.id}', '${g.id}', 'test:${k}', gen_random_uuid(), ${lvl()}, ${lvl()}, ${lvl()}, ${rnd(20) === 0})`);
    }
    await t.ctx.db.execute(sql.raw(`INSERT INTO rating_ballots (campaign_id, unit_id, group_id, rater_key, submission_id, attitude, integrity, effect, excluded) VALUES ${rows.join(',')}`));
    const fromSql = await unitRateRows(t.ctx.db, campaign.id);
    const tallies = await groupTallies(t.ctx.db, campaign.id);
    for (const row of fromSql) {
      const mine = tallies.filter((x) => x.unit_id === row.unit_id).map((x) => tally(x.group_id, x.weight_bp, x.n, x.sa, x.si, x.se));
      const pure = unitRates(mine);
      expect(row.overall_bp).toBe(pure.overallBp);
      expect({ attitude: row.attitude_bp, integrity: row.integrity_bp, effect: row.effect_bp }).toEqual(pure.dimensionBp);
      expect(row.group_bp ?? {}).toEqual(pure.groupBp);
    }
    expect(fromSql.find((r) => r.unit_name === '无人评价单位')?.overall_bp).toBeNull();
    expect(fromSql.filter((r) => r.overall_bp !== null)).toHaveLength(4);
  });
});
