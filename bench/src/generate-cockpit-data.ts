import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../apps/server/src/platform/db/db-connection.js';

/**
 * Rows in the modules the 工作驾驶舱 counts, for the dashboard benchmark, over this year and the
 * last (dates spread over both, states mixed): 困难帮扶 applications (one per 5 members: 200k at the
 * full size), activities, offered places, competitions, rights cases, hazards, 送温暖 plans and
 * visits, collective contracts. Statement-level triggers keep the counters while they load.
 * Modules with a deeper set-up (医疗互助, 杭州工匠, 办实事, 职工之家 assessments, households) stay
 * empty here; the equality test covers them.
 */
export async function generateCockpitData(db: Database, members: number, year: number): Promise<void> {
  const [done] = await queryRows<{ n: number }>(db.db, sql`SELECT count(*)::int AS n FROM aid_applications`);
  if ((done?.n ?? 0) > 0) return;
  const n = (per: number) => Math.max(20, Math.round(members / per));
  const ts = sql`(${`${year - 1}-01-01T00:00:00+08:00`}::timestamptz + random() * interval '730 days')`;
  const day = sql`(${`${year - 1}-01-01`}::date + floor(random() * 730)::int)`;
  const money = sql`(100 + floor(random() * 900000))::bigint`;
  const oneOf = (values: (string | null)[]) => sql`(ARRAY[${sql.join(values.map((v) => sql`${v}::text`), sql`, `)}])[1 + floor(random() * ${values.length})::int]`;
  // grassroots unions numbered 1..k, a row g takes union 1 + (g * 7919) % k
  const unions = sql`(SELECT id, row_number() OVER (ORDER BY code) AS rn, count(*) OVER () AS k FROM orgs WHERE kind = 'grassroots') u`;
  const spread = (rows: number, cols: SQL) => sql`SELECT ${cols} FROM generate_series(1, ${rows}) g JOIN ${unions} ON u.rn = 1 + (g * 7919) % u.k`;
  const run = (q: SQL) => db.db.execute(q);

  await run(sql`SELECT setseed(0.4242)`);
  await run(sql`INSERT INTO aid_applications (member_id, org_id, category, amount_fen, approved_amount_fen, reason, payout_id, created_at)
    SELECT m.id, m.org_id, ${oneOf(['hardship', 'medical', 'education', 'emergency'])}, ${money}, CASE WHEN random() < 0.7 THEN ${money} END, '困难帮扶申请',
      CASE WHEN random() < 0.6 THEN gen_random_uuid() END, ${ts}
    FROM (SELECT id, org_id FROM members ORDER BY id LIMIT ${n(5)}) m`);
  await run(sql`INSERT INTO activities (type, title, org_id, starts_at) ${spread(n(50), sql`${oneOf(['homeward', 'summer_class', 'education', 'general'])}, '职工活动' || g, u.id, ${ts}`)}`);
  await run(sql`INSERT INTO enrolment_offerings (kind, subject_id, title, org_id, capacity, mode, opens_at, closes_at, year, status)
    SELECT 'activity', gen_random_uuid(), '活动名额' || g, u.id, 1 + floor(random() * 200)::int, 'fcfs', t, t + interval '30 days', CASE WHEN random() < 0.5 THEN extract(year FROM t)::int END, ${oneOf(['draft', 'published', 'published'])}
    FROM generate_series(1, ${n(100)}) g JOIN ${unions} ON u.rn = 1 + (g * 7919) % u.k CROSS JOIN LATERAL (SELECT ${ts} AS t) x`);
  await run(sql`INSERT INTO competitions (org_id, name, kind, theme, start_date, end_date, periods, indicators, status)
    SELECT u.id, '劳动竞赛' || g, 'labour', '比学赶超', d, d + 90, '[]'::jsonb, '[]'::jsonb, ${oneOf(['draft', 'running', 'closed'])}
    FROM generate_series(1, ${n(500)}) g JOIN ${unions} ON u.rn = 1 + (g * 7919) % u.k CROSS JOIN LATERAL (SELECT ${day} AS d) x`);
  await run(sql`INSERT INTO rights_cases (case_no, channel, category, urgency, description, caller_name, enterprise_name, org_id, phase, amount_recovered_fen, satisfaction, rated_at, received_at)
    ${spread(n(20), sql`'BENCH' || g, 'hotline', 'wage_arrears', 'normal', '拖欠工资', '来电职工', '杭州企业' || g || '有限公司', u.id,
      ${oneOf(['new', 'accepted', 'mediation', 'closed', 'closed'])}, ${money}, ${oneOf([null, 'satisfied', 'basically', 'dissatisfied'])}, ${ts}, ${ts}`)}`);
  await run(sql`INSERT INTO hazard_reports (report_no, reporter_user_id, reporter_name, description, address, enterprise_name, district_org_id, org_id, status, reported_at)
    SELECT 'BENCH' || g, gen_random_uuid(), '职工', '消防通道堵塞', '杭州市', '杭州企业' || g || '有限公司', s.parent_id, s.id,
      ${oneOf(['draft', 'reported', 'rectifying', 'rectified', 'verified', 'closed'])}, ${ts}
    FROM generate_series(1, ${n(20)}) g JOIN (SELECT id, parent_id, row_number() OVER (ORDER BY code) AS rn, count(*) OVER () AS k FROM orgs WHERE kind = 'street') s ON s.rn = 1 + (g * 7919) % s.k`);
  await run(sql`INSERT INTO condolence_plans (org_id, year, occasion) SELECT o.id, y, 'spring_festival' FROM orgs o, (VALUES (${year - 1}::int), (${year}::int)) v(y) WHERE o.kind IN ('city', 'district')`);
  await run(sql`INSERT INTO condolence_plan_categories (plan_id, category, headcount, money_per_head_fen, goods_value_per_head_fen) SELECT id, 'hardship_family', 500, 50000, 20000 FROM condolence_plans`);
  await run(sql`INSERT INTO condolence_visits (plan_id, org_id, target, person_name, category, visited_on, place, visitors, recorded_by_name, goods_value_fen)
    SELECT (SELECT id FROM condolence_plans WHERE year = extract(year FROM d)::int ORDER BY id LIMIT 1), u.id, 'person', '慰问对象' || g, 'hardship_family', d, '家中', '工会主席', '工会干事', ${money}
    FROM generate_series(1, ${n(10)}) g JOIN ${unions} ON u.rn = 1 + (g * 7919) % u.k CROSS JOIN LATERAL (SELECT ${day} AS d) x`);
  await run(sql`INSERT INTO wage_contracts (org_id, kind, contract_type, title, employer_representative, union_representative, term_start, term_end, wage_increase_bp, minimum_wage_fen, workers_covered, status, filed_on)
    SELECT u.id, 'enterprise', 'wage', '工资专项集体合同' || g, '企业方', '工会方', d, d + interval '2 years' - interval '1 day', 300, 250000, 1 + floor(random() * 500)::int, st, CASE WHEN st = 'filed' THEN d + 20 END
    FROM generate_series(1, ${n(100)}) g JOIN ${unions} ON u.rn = 1 + (g * 7919) % u.k CROSS JOIN LATERAL (SELECT ${day} AS d, ${oneOf(['negotiating', 'passed', 'filed', 'filed'])} AS st) x`);
  await db.vacuum();
}
