import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/db-connection.js';

/**
 * Random changes across every table the cockpit counts, for the equality test: clones of the
 * existing (demo) rows with random orgs, states, dates and amounts, then random state changes,
 * moves between orgs, parent changes and deletes. Clone ids are kept in `cockpit_test_clones`.
 */
export interface ScrambleOptions {
  orgIds: string[];
  /** the cockpit year (rows fall into it and the year before) */
  year: number;
}

type Overrides = Record<string, SQL>;

export function makeScrambler(db: Db, o: ScrambleOptions) {
  const pool = sql`(ARRAY[${sql.join(o.orgIds.map((id) => sql`${id}::uuid`), sql`, `)}])[1 + floor(random() * ${o.orgIds.length})::int]`;
  const oneOf = (values: (string | null)[]) => sql`(ARRAY[${sql.join(values.map((v) => sql`${v}::text`), sql`, `)}])[1 + floor(random() * ${values.length})::int]`;
  const ts = sql`(${`${o.year - 1}-01-01T00:00:00+08:00`}::timestamptz + random() * interval '730 days')`;
  const day = sql`(${`${o.year - 1}-01-01`}::date + floor(random() * 730)::int)`;
  const money = sql`(100 + floor(random() * 900000))::bigint`;
  const maybe = (p: number, v: SQL) => sql`CASE WHEN random() < ${p} THEN ${v} END`;

  async function clone(table: string, times: number, overrides: Overrides, where: SQL = sql`true`): Promise<void> {
    const pairs = sql.join(
      Object.entries(overrides).map(([k, v]) => sql`${k}::text, ${v}`),
      sql`, `,
    );
    const t = sql.identifier(table);
    await db.execute(sql`WITH ins AS (
        INSERT INTO ${t} SELECT (jsonb_populate_record(NULL::${t}, to_jsonb(x) || jsonb_build_object(${pairs}))).*
        FROM ${t} x, generate_series(1, ${times}) g WHERE ${where} AND x.id NOT IN (SELECT id FROM cockpit_test_clones)
        RETURNING id)
      INSERT INTO cockpit_test_clones (table_name, id) SELECT ${table}, id FROM ins`);
  }

  const exec = (q: SQL) => db.execute(q);

  return {
    async cloneAll(): Promise<void> {
      await exec(sql`CREATE TABLE IF NOT EXISTS cockpit_test_clones (table_name text NOT NULL, id uuid NOT NULL)`);
      const twin = (col: string) => sql`md5(x.${sql.identifier(col)}::text || g)::uuid`;
      await clone('members', 2, { id: twin('id'), org_id: pool, card_no: sql`'T' || substr(md5(random()::text), 1, 18)`, id_card_hmac: sql`md5(random()::text)`, joined_at: day, status: oneOf(['active', 'active', 'active', 'retired', 'withdrawn']) });
      await clone('aid_applications', 3, { id: sql`gen_random_uuid()`, org_id: pool, payout_id: maybe(0.5, sql`gen_random_uuid()`), approved_amount_fen: maybe(0.7, money), created_at: ts });
      await clone('condolence_plans', 2, { id: twin('id'), org_id: pool, year: sql`${o.year - 1} + floor(random() * 2)::int` });
      await exec(sql`INSERT INTO condolence_plan_categories (plan_id, category, sort, headcount, money_per_head_fen, goods_description, goods_value_per_head_fen)
        SELECT md5(c.plan_id::text || g)::uuid, c.category, c.sort, 1 + floor(random() * 50)::int, c.money_per_head_fen, c.goods_description, c.goods_value_per_head_fen
        FROM condolence_plan_categories c JOIN condolence_plans p ON p.id = c.plan_id, generate_series(1, 2) g WHERE p.id NOT IN (SELECT id FROM cockpit_test_clones)`);
      await clone('condolence_visits', 3, { id: sql`gen_random_uuid()`, org_id: pool, payout_id: sql`NULL::uuid`, visited_on: day, money_fen: sql`CASE WHEN x.fund_id IS NULL THEN 0 ELSE ${money} END`, goods_value_fen: money });
      await clone('mutual_aid_enrolments', 2, { id: sql`gen_random_uuid()`, member_id: twin('member_id'), org_id: pool });
      await clone('mutual_aid_claims', 3, { id: sql`gen_random_uuid()`, claim_no: sql`'T' || md5(random()::text)`, org_id: pool, payout_id: maybe(0.5, sql`gen_random_uuid()`), computed_fen: money });
      await clone('activities', 3, { id: sql`gen_random_uuid()`, org_id: pool, starts_at: maybe(0.9, ts) });
      await clone('enrolment_offerings', 2, {
        id: sql`gen_random_uuid()`, subject_id: sql`gen_random_uuid()`, org_id: pool, status: oneOf(['draft', 'published', 'published', 'cancelled']),
        capacity: sql`1 + floor(random() * 200)::int`, year: maybe(0.7, sql`${o.year - 1} + floor(random() * 2)::int`), opens_at: ts, closes_at: sql`${ts} + interval '800 days'`,
      });
      await clone('competitions', 3, { id: sql`gen_random_uuid()`, org_id: pool, status: oneOf(['draft', 'running', 'closed']), start_date: day, end_date: sql`${day} + 800` });
      await clone('craftsman_nominations', 2, { id: sql`gen_random_uuid()`, member_id: twin('member_id'), nominating_org_id: pool, certificate_no: sql`NULL::text`, payout_id: sql`NULL::uuid`, decision: oneOf([null, 'craftsman', 'craftsman', 'nominee']), city_approved_at: maybe(0.6, ts) });
      await clone('rights_cases', 3, {
        id: sql`gen_random_uuid()`, case_no: sql`'T' || md5(random()::text)`, org_id: pool, phase: oneOf(['new', 'accepted', 'mediation', 'referred', 'closed', 'closed', 'rejected', 'withdrawn']),
        satisfaction: oneOf([null, 'satisfied', 'basically', 'dissatisfied']), rated_at: maybe(0.8, ts), received_at: ts, amount_recovered_fen: money,
      });
      await clone('wage_contracts', 3, { id: sql`gen_random_uuid()`, predecessor_id: sql`NULL::uuid`, org_id: pool, status: oneOf(['negotiating', 'passed', 'filed', 'filed']), filed_on: day, workers_covered: sql`1 + floor(random() * 500)::int` });
      await clone('hazard_reports', 3, { id: sql`gen_random_uuid()`, report_no: sql`'T' || md5(random()::text)`, org_id: pool, status: oneOf(['draft', 'reported', 'rejected', 'rectifying', 'rectified', 'verified', 'closed']), reported_at: maybe(0.9, ts) });
      await clone('proposals', 2, { id: twin('id'), org_id: pool, status: oneOf(['pending', 'public', 'public', 'blocked']) });
      await clone('rating_ballots', 2, { id: sql`gen_random_uuid()`, rater_key: sql`'T' || md5(random()::text)`, attitude: sql`1 + floor(random() * 5)::int`, excluded: sql`random() < 0.1` });
      await clone('proposal_projects', 2, { id: sql`gen_random_uuid()`, proposal_id: twin('proposal_id'), owner_org_id: pool, status: oneOf(['implementing', 'completed']), progress: sql`floor(random() * 101)::int` });
    },

    /** State changes, moves between orgs and parent changes, on clones and original rows alike. */
    async change(): Promise<void> {
      const some = (p: number) => sql`random() < ${p}`;
      await exec(sql`UPDATE members SET status = ${oneOf(['active', 'retired', 'withdrawn'])}, joined_at = ${day} WHERE ${some(0.2)} AND id IN (SELECT id FROM cockpit_test_clones)`);
      await exec(sql`UPDATE members SET org_id = ${pool} WHERE ${some(0.2)}`);
      await exec(sql`UPDATE enterprises SET employee_count = 1 + floor(random() * 200)::int, union_org_id = CASE WHEN random() < 0.3 THEN NULL ELSE union_org_id END WHERE ${some(0.4)}`);
      await exec(sql`UPDATE enterprises SET org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE assessments SET grade_code = ${oneOf(['model', 'advanced', 'qualified', 'unqualified'])} WHERE status = 'confirmed' AND ${some(0.5)}`);
      await exec(sql`UPDATE assessments SET status = 'revoked', revoked_at = now() WHERE status = 'confirmed' AND ${some(0.2)}`);
      await exec(sql`UPDATE aid_applications SET payout_id = CASE WHEN payout_id IS NULL THEN gen_random_uuid() END, org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE hardship_households SET org_id = ${pool} WHERE ${some(0.4)}`);
      await exec(sql`UPDATE hardship_households SET status = 'exited', exited_on = current_date, exit_reason = 'income_up' WHERE status <> 'exited' AND ${some(0.3)}`);
      await exec(sql`UPDATE condolence_plans SET year = year + 1, org_id = ${pool} WHERE id IN (SELECT id FROM cockpit_test_clones) AND ${some(0.4)}`);
      await exec(sql`UPDATE condolence_plan_categories SET headcount = headcount + 7 WHERE ${some(0.3)}`);
      await exec(sql`UPDATE condolence_visits SET visited_on = ${day}, org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE mutual_aid_enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE status = 'paid' AND ${some(0.3)}`);
      await exec(sql`UPDATE mutual_aid_claims SET payout_id = CASE WHEN payout_id IS NULL THEN gen_random_uuid() END WHERE ${some(0.3)}`);
      await exec(sql`UPDATE mutual_aid_periods SET year = year + 40 WHERE id = (SELECT id FROM mutual_aid_periods ORDER BY year LIMIT 1)`);
      await exec(sql`UPDATE activities SET starts_at = ${ts}, org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE enrolment_offerings SET status = ${oneOf(['draft', 'published', 'cancelled'])}, capacity = capacity + 3 WHERE ${some(0.3)}`);
      await exec(sql`UPDATE competitions SET status = ${oneOf(['draft', 'running', 'closed'])}, org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE craftsman_nominations SET decision = ${oneOf([null, 'craftsman', 'nominee'])}, nominating_org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE craftsman_calls SET year = year - 1 WHERE id = (SELECT id FROM craftsman_calls ORDER BY year LIMIT 1)`);
      await exec(sql`UPDATE rights_cases SET phase = ${oneOf(['closed', 'mediation'])}, satisfaction = ${oneOf([null, 'satisfied', 'dissatisfied'])}, org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE wage_contracts SET status = ${oneOf(['passed', 'filed'])}, filed_on = ${day} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE hazard_reports SET status = ${oneOf(['reported', 'rectified', 'closed'])}, org_id = ${pool} WHERE reported_at IS NOT NULL AND ${some(0.3)}`);
      await exec(sql`UPDATE proposals SET status = ${oneOf(['public', 'blocked'])}, org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE proposal_projects SET status = ${oneOf(['implementing', 'completed'])}, owner_org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE rating_ballots SET excluded = NOT excluded, effect = 1 + floor(random() * 5)::int WHERE ${some(0.3)}`);
      await exec(sql`UPDATE rating_units SET org_id = ${pool} WHERE ${some(0.3)}`);
      await exec(sql`UPDATE proposal_collections SET year = year + 9 WHERE id = (SELECT id FROM proposal_collections ORDER BY year LIMIT 1)`);
    },

    /** Deletes about a third of the clones (children first). */
    async deleteSome(): Promise<void> {
      const order = ['rating_ballots', 'proposal_projects', 'proposals', 'hazard_reports', 'wage_contracts', 'rights_cases', 'craftsman_nominations', 'competitions', 'enrolment_offerings', 'activities',
        'mutual_aid_claims', 'mutual_aid_enrolments', 'condolence_visits', 'aid_applications'];
      for (const table of order) {
        const t = sql.identifier(table);
        const keep = table === 'proposals' ? sql`AND id NOT IN (SELECT proposal_id FROM proposal_projects)` : table === 'mutual_aid_enrolments' ? sql`AND id NOT IN (SELECT enrolment_id FROM mutual_aid_claims)` : sql``;
        await exec(sql`DELETE FROM ${t} WHERE id IN (SELECT id FROM cockpit_test_clones WHERE table_name = ${table}) AND random() < 0.35 ${keep}`);
      }
      await exec(sql`DELETE FROM members WHERE id IN (SELECT id FROM cockpit_test_clones WHERE table_name = 'members') AND random() < 0.35
        AND id NOT IN (SELECT member_id FROM mutual_aid_enrolments UNION ALL SELECT member_id FROM craftsman_nominations UNION ALL SELECT member_id FROM mutual_aid_claims)`);
    },
  };
}
