import { sql, type SQL } from 'drizzle-orm';
import type { WageContractKind, WageContractPhase, WageContractStatus, WageContractType } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/**
 * A contract is visible where its negotiating union is in scope, or where one of the enterprises it
 * covers is (a grassroots union sees the regional contract that binds its enterprise). Only the
 * negotiating side (`manages`) changes it.
 */
const visible = (scope: DataScope): SQL =>
  sql`(${scopePredicate(scope, { org: sql`c.org_id` })} OR EXISTS (SELECT 1 FROM wage_contract_enterprises ce JOIN enterprises e ON e.id = ce.enterprise_id
      WHERE ce.contract_id = c.id AND ${scopePredicate(scope, { org: sql`e.org_id` })}))`;

export interface WageContractRow {
  id: string;
  org_id: string;
  org_name: string;
  district_name: string | null;
  kind: WageContractKind;
  contract_type: WageContractType;
  title: string;
  area: string | null;
  employer_representative: string;
  union_representative: string;
  term_start: string;
  term_end: string;
  wage_increase_bp: number;
  minimum_wage_fen: number | string;
  workers_covered: number;
  note: string | null;
  status: WageContractStatus;
  filed_on: string | null;
  bureau: string | null;
  filing_reference: string | null;
  predecessor_id: string | null;
  renewed_by_id: string | null;
  enterprise_count: number;
  first_enterprise_name: string | null;
  version: number;
  manages: boolean;
  total?: number;
}

const SELECT = (scope: DataScope) => sql`SELECT c.id, c.org_id, o.name AS org_name,
    (SELECT d.name FROM org_closure oc JOIN orgs d ON d.id = oc.ancestor_id WHERE oc.descendant_id = c.org_id AND oc.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district_name,
    c.kind, c.contract_type, c.title, c.area, c.employer_representative, c.union_representative, c.term_start::text AS term_start, c.term_end::text AS term_end,
    c.wage_increase_bp, c.minimum_wage_fen, c.workers_covered, c.note, c.status, c.filed_on::text AS filed_on, c.bureau, c.filing_reference, c.predecessor_id,
    (SELECT n.id FROM wage_contracts n WHERE n.predecessor_id = c.id) AS renewed_by_id,
    (SELECT count(*)::int FROM wage_contract_enterprises ce WHERE ce.contract_id = c.id) AS enterprise_count,
    (SELECT e.name FROM wage_contract_enterprises ce JOIN enterprises e ON e.id = ce.enterprise_id WHERE ce.contract_id = c.id ORDER BY e.employee_count DESC, e.id LIMIT 1) AS first_enterprise_name,
    c.version, ${scopePredicate(scope, { org: sql`c.org_id` })} AS manages
  FROM wage_contracts c JOIN orgs o ON o.id = c.org_id`;

/** The SQL of each phase on `today` (the same reading as phaseOf in wage-rules.ts). */
export function phaseSql(phase: WageContractPhase, today: string): SQL {
  const renewal = sql`(c.term_end - interval '3 months')::date`;
  switch (phase) {
    case 'negotiating':
      return sql`c.status = 'negotiating'`;
    case 'awaiting_filing':
      return sql`c.status = 'passed' AND c.term_end >= ${today}::date`;
    case 'in_force':
      return sql`c.status = 'filed' AND c.term_end >= ${today}::date AND ${today}::date < ${renewal}`;
    case 'expiring':
      return sql`c.status = 'filed' AND c.term_end >= ${today}::date AND ${today}::date >= ${renewal}`;
    case 'expired':
      return sql`c.status <> 'negotiating' AND c.term_end < ${today}::date`;
  }
}

export interface WageContractFilter {
  kind?: WageContractKind;
  phase?: WageContractPhase;
  q?: string;
}

export function wageContractWhere(scope: DataScope, f: WageContractFilter, today: string): SQL {
  const conds: SQL[] = [visible(scope)];
  if (f.kind) conds.push(sql`c.kind = ${f.kind}`);
  if (f.phase) conds.push(phaseSql(f.phase, today));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(c.title LIKE ${like} OR EXISTS (SELECT 1 FROM wage_contract_enterprises ce JOIN enterprises e ON e.id = ce.enterprise_id WHERE ce.contract_id = c.id AND e.name LIKE ${like}))`);
  }
  return sql.join(conds, sql` AND `);
}

export async function listWageContractRows(db: Db, scope: DataScope, f: WageContractFilter, today: string, page: number, pageSize: number): Promise<WageContractRow[]> {
  return queryRows<WageContractRow>(
    db,
    sql`SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT(scope)} WHERE ${wageContractWhere(scope, f, today)}) x
        ORDER BY x.term_end DESC, x.title, x.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

export async function findWageContractRow(db: Db, scope: DataScope, id: string, lock = false): Promise<WageContractRow | null> {
  const [row] = await queryRows<WageContractRow>(db, sql`${SELECT(scope)} WHERE c.id = ${id} AND ${visible(scope)} ${lock ? sql`FOR UPDATE OF c` : sql``}`);
  return row ?? null;
}

export interface CoveredEnterpriseRow {
  id: string;
  name: string;
  credit_code: string;
  employee_count: number;
}

export async function coveredEnterprises(db: Db, contractId: string): Promise<CoveredEnterpriseRow[]> {
  return queryRows<CoveredEnterpriseRow>(
    db,
    sql`SELECT e.id, e.name, e.credit_code, e.employee_count FROM wage_contract_enterprises ce JOIN enterprises e ON e.id = ce.enterprise_id
        WHERE ce.contract_id = ${contractId} ORDER BY e.employee_count DESC, e.id LIMIT 500`,
  );
}
