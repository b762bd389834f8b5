import { sql, type SQL } from 'drizzle-orm';
import type { SkillContestLevel } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface ContestRow {
  id: string;
  name: string;
  trade: string;
  level: SkillContestLevel;
  held_on: string;
  organiser_org_id: string;
  organiser_name: string;
  result_count: number;
}

export interface ContestResultRow {
  id: string;
  member_id: string;
  member_name: string;
  org_name: string;
  rank: number;
  score_centi: number | null;
  award: string | null;
  skill_level_before: string | null;
  skill_level_after: string | null;
}

/**
 * A contest is visible to staff whose scope holds its organiser (they run it) or who sit below
 * the organiser (a city contest is seen by every district and union that sends workers to it).
 */
export function contestScope(scope: DataScope, userOrgId: string): SQL {
  return sql`(${scopePredicate(scope, { org: sql`c.organiser_org_id` })} OR c.organiser_org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${userOrgId}::uuid))`;
}

const SELECT = sql`SELECT c.id, c.name, c.trade, c.level, c.held_on::text AS held_on, c.organiser_org_id, o.name AS organiser_name,
    (SELECT count(*)::int FROM skill_contest_results r WHERE r.contest_id = c.id) AS result_count
  FROM skill_contests c JOIN orgs o ON o.id = c.organiser_org_id`;

export async function findContestRow(db: Db, scope: DataScope, userOrgId: string, id: string): Promise<ContestRow | null> {
  const [row] = await queryRows<ContestRow>(db, sql`${SELECT} WHERE c.id = ${id} AND ${contestScope(scope, userOrgId)}`);
  return row ?? null;
}

export async function contestRows(db: Db, where: SQL, limit: number, offset: number): Promise<{ rows: ContestRow[]; total: number }> {
  const rows = await queryRows<ContestRow>(db, sql`${SELECT} WHERE ${where} ORDER BY c.held_on DESC, c.id LIMIT ${limit} OFFSET ${offset}`);
  const [n] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM skill_contests c WHERE ${where}`);
  return { rows, total: n?.n ?? 0 };
}

/** The results of a contest whose members the caller's scope holds (others' results stay hidden). */
export async function contestResultRows(db: Db, scope: DataScope, contestId: string): Promise<ContestResultRow[]> {
  return queryRows<ContestResultRow>(
    db,
    sql`SELECT r.id, r.member_id, m.name AS member_name, o.name AS org_name, r.rank, r.score_centi, r.award, r.skill_level_before, r.skill_level_after
        FROM skill_contest_results r JOIN members m ON m.id = r.member_id JOIN orgs o ON o.id = m.org_id
        WHERE r.contest_id = ${contestId} AND ${scopePredicate(scope, { org: sql`m.org_id`, member: sql`m.id` })}
        ORDER BY r.rank, m.name`,
  );
}
