import { sql, type SQL } from 'drizzle-orm';
import type { CommitteeItem, CommitteeListQuery, ElectionMethod, TermDueState } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { districtOf } from '../honours/model-worker.repository.js';

export interface CommitteeRow {
  id: string;
  org_id: string;
  org_name: string;
  district_id: string | null;
  district_name: string | null;
  term_no: number;
  elected_on: string;
  term_start: string;
  term_end: string;
  election_method: ElectionMethod;
  status: 'current' | 'replaced';
  replaced_on: string | null;
  note: string | null;
  days_left: number;
  due_state: TermDueState;
  cadres_in_office: number;
  version: number;
}

/** Where a current term stands on a day, given the reminder window (days before the end). */
export const dueStateSql = (today: string, days: number): SQL =>
  sql`CASE WHEN cc.status <> 'current' THEN 'ok' WHEN cc.term_end < ${today}::date THEN 'overdue' WHEN cc.term_end <= ${today}::date + ${days}::int THEN 'due' ELSE 'ok' END`;

const select = (today: string, days: number): SQL => sql`SELECT cc.id, cc.org_id, o.name AS org_name, d.id AS district_id, d.name AS district_name, cc.term_no,
    cc.elected_on::text AS elected_on, cc.term_start::text AS term_start, cc.term_end::text AS term_end, cc.election_method, cc.status, cc.replaced_on::text AS replaced_on, cc.note,
    (cc.term_end - ${today}::date)::int AS days_left, ${dueStateSql(today, days)} AS due_state,
    (SELECT count(*)::int FROM cadres k WHERE k.committee_id = cc.id AND k.state = 'in_office') AS cadres_in_office, cc.version
  FROM cadre_committees cc JOIN orgs o ON o.id = cc.org_id LEFT JOIN orgs d ON d.id = ${districtOf(sql`cc.org_id`)}`;

export const committeeScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`cc.org_id` });

export function committeeWhere(scope: DataScope, q: Omit<CommitteeListQuery, 'page' | 'pageSize'>, today: string, days: number): SQL {
  const conds: SQL[] = [committeeScope(scope)];
  if (q.orgId) conds.push(sql`cc.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${q.orgId}::uuid)`);
  if (q.status !== 'all') conds.push(sql`cc.status = ${q.status}`);
  if (q.due === 'due_or_overdue') conds.push(sql`(cc.status = 'current' AND cc.term_end <= ${today}::date + ${days}::int)`);
  else if (q.due) conds.push(sql`${dueStateSql(today, days)} = ${q.due}`);
  return sql.join(conds, sql` AND `);
}

export const committeeRows = (db: Db, where: SQL, today: string, days: number, limit: number, offset: number): Promise<CommitteeRow[]> =>
  queryRows<CommitteeRow>(db, sql`${select(today, days)} WHERE ${where} ORDER BY d.sort NULLS FIRST, d.name NULLS FIRST, cc.term_end, o.name, cc.term_no DESC, cc.id LIMIT ${limit} OFFSET ${offset}`);

export async function countCommittees(db: Db, where: SQL): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cadre_committees cc WHERE ${where}`);
  return r?.n ?? 0;
}

export async function findCommitteeRow(db: Db, scope: DataScope, id: string, today: string, days: number): Promise<CommitteeRow | null> {
  const [row] = await queryRows<CommitteeRow>(db, sql`${select(today, days)} WHERE cc.id = ${id} AND ${committeeScope(scope)}`);
  return row ?? null;
}

export const orgCommitteeRows = (db: Db, orgId: string, today: string, days: number): Promise<CommitteeRow[]> =>
  queryRows<CommitteeRow>(db, sql`${select(today, days)} WHERE cc.org_id = ${orgId} ORDER BY cc.term_no DESC`);

export function committeeItem(r: CommitteeRow): CommitteeItem {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    districtName: r.district_name ?? '市本级',
    termNo: r.term_no,
    electedOn: r.elected_on,
    termStart: r.term_start,
    termEnd: r.term_end,
    electionMethod: r.election_method,
    status: r.status,
    replacedOn: r.replaced_on,
    note: r.note,
    daysLeft: r.days_left,
    dueState: r.due_state,
    cadresInOffice: r.cadres_in_office,
    version: r.version,
  };
}
