import { sql, type SQL } from 'drizzle-orm';
import type { CadreListQuery, CadrePosition, CadreState, ElectionMethod, TermDueState } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { districtOf } from '../honours/model-worker.repository.js';
import { dueStateSql } from './cadre-committee.repository.js';

/** A cadre as read for display: masked columns only, never ciphertext; the committee's term and the year's 学时 (tenths) joined. */
export interface CadreRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  id_card_masked: string;
  phone_masked: string | null;
  org_id: string;
  org_name: string;
  district_name: string | null;
  committee_id: string | null;
  term_no: number | null;
  term_end: string | null;
  term_due_state: TermDueState | null;
  position: CadrePosition;
  full_time: boolean;
  office_start: string;
  office_end: string | null;
  elected_how: ElectionMethod;
  state: CadreState;
  left_on: string | null;
  left_reason: string | null;
  member_id: string | null;
  year_tenths: number;
  version: number;
  created_at: string;
}

/** Within the reminder window: the parameters every cadre query needs. */
export interface CadreQueryDay {
  today: string;
  days: number;
  year: number;
}

/** 学时 (tenths) credited to cadre `k` at sessions starting in a year. */
export const yearTenthsSql = (year: number): SQL =>
  sql`(SELECT coalesce(sum(a.hours_tenths), 0)::int FROM cadre_training_attendance a JOIN cadre_trainings t ON t.id = a.training_id
       WHERE a.cadre_id = k.id AND t.starts_on >= ${`${year}-01-01`}::date AND t.starts_on <= ${`${year}-12-31`}::date)`;

const select = (d: CadreQueryDay): SQL => sql`SELECT k.id, k.name, k.gender, k.id_card_masked, k.phone_masked, k.org_id, o.name AS org_name, dd.name AS district_name,
    k.committee_id, cc.term_no, cc.term_end::text AS term_end, CASE WHEN cc.id IS NULL THEN NULL ELSE ${dueStateSql(d.today, d.days)} END AS term_due_state,
    k.position, k.full_time, k.office_start::text AS office_start, k.office_end::text AS office_end, k.elected_how, k.state, k.left_on::text AS left_on, k.left_reason,
    k.member_id, ${yearTenthsSql(d.year)} AS year_tenths, k.version, to_char(k.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
  FROM cadres k JOIN orgs o ON o.id = k.org_id LEFT JOIN cadre_committees cc ON cc.id = k.committee_id LEFT JOIN orgs dd ON dd.id = ${districtOf(sql`k.org_id`)}`;

export const cadreScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`k.org_id` });

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export function cadreWhere(scope: DataScope, f: Omit<CadreListQuery, 'page' | 'pageSize'>, d: CadreQueryDay): SQL {
  const conds: SQL[] = [cadreScope(scope)];
  if (f.q) conds.push(sql`k.name LIKE ${`%${escapeLike(f.q)}%`}`);
  if (f.orgId) conds.push(sql`k.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  if (f.position) conds.push(sql`k.position = ${f.position}`);
  if (f.employment) conds.push(sql`k.full_time = ${f.employment === 'full_time'}`);
  if (f.state !== 'all') conds.push(sql`k.state = ${f.state}`);
  if (f.termDue) {
    const due = sql`(SELECT ${dueStateSql(d.today, d.days)} FROM cadre_committees cc WHERE cc.id = k.committee_id)`;
    conds.push(f.termDue === 'due_or_overdue' ? sql`${due} IN ('due','overdue')` : sql`${due} = ${f.termDue}`);
  }
  return sql.join(conds, sql` AND `);
}

const ORDER = sql`ORDER BY dd.sort NULLS FIRST, dd.name NULLS FIRST, o.name, k.state, array_position(ARRAY['chair','exec_vice_chair','vice_chair','audit_director','women_director','committee_member','audit_member','officer'], k.position), k.name, k.id`;

export const cadreRows = (db: Db, where: SQL, d: CadreQueryDay, limit: number, offset: number): Promise<CadreRow[]> =>
  queryRows<CadreRow>(db, sql`${select(d)} WHERE ${where} ${ORDER} LIMIT ${limit} OFFSET ${offset}`);

export async function countCadres(db: Db, where: SQL): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cadres k WHERE ${where}`);
  return r?.n ?? 0;
}

export async function findCadreRow(db: Db, scope: DataScope, id: string, d: CadreQueryDay): Promise<CadreRow | null> {
  const [row] = await queryRows<CadreRow>(db, sql`${select(d)} WHERE k.id = ${id} AND ${cadreScope(scope)}`);
  return row ?? null;
}

export interface CadreTrainingRow {
  training_id: string;
  title: string;
  starts_on: string;
  org_name: string;
  signed_in: boolean;
  hours_tenths: number;
}

export const cadreTrainingRows = (db: Db, cadreId: string): Promise<CadreTrainingRow[]> =>
  queryRows<CadreTrainingRow>(
    db,
    sql`SELECT t.id AS training_id, t.title, t.starts_on::text AS starts_on, o.name AS org_name, a.signed_in, a.hours_tenths
        FROM cadre_training_attendance a JOIN cadre_trainings t ON t.id = a.training_id JOIN orgs o ON o.id = t.org_id
        WHERE a.cadre_id = ${cadreId} ORDER BY t.starts_on DESC, t.title`,
  );
