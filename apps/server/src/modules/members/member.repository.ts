import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

/** A member row as read for display: masked columns only, never ciphertext. */
export interface MemberRow {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  id_card_masked: string;
  phone_masked: string | null;
  bank_account_masked: string | null;
  gender: 'male' | 'female';
  birth_date: string;
  status: string;
  status_date: string | null;
  status_reason: string | null;
  card_no: string;
  joined_at: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  migrant_worker: boolean;
  frontline: boolean;
  new_employment_form: boolean;
  model_worker: boolean;
  skill_level: string | null;
  education: string | null;
  version: number;
  created_at: string;
}

export const memberScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`m.org_id`, member: sql`m.id` });

const memberColumns = (orgName: SQL, enterpriseName: SQL): SQL => sql`SELECT m.id, m.org_id, ${orgName} AS org_name, m.name, m.id_card_masked, m.phone_masked, m.bank_account_masked,
    m.gender, m.birth_date::text AS birth_date, m.status, m.status_date::text AS status_date, m.status_reason, m.card_no,
    m.joined_at::text AS joined_at, m.enterprise_id, ${enterpriseName} AS enterprise_name, m.migrant_worker, m.frontline,
    m.new_employment_form, m.model_worker, m.skill_level, m.education, m.version,
    to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;
const SELECT = sql`${memberColumns(sql`o.name`, sql`e.name`)}
  FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN enterprises e ON e.id = m.enterprise_id`;
/** The list's columns: the two names are looked up for the page's rows only (PostgreSQL evaluates them after ORDER BY … LIMIT), not joined. */
const LIST_COLUMNS = memberColumns(sql`(SELECT o.name FROM orgs o WHERE o.id = m.org_id)`, sql`(SELECT e.name FROM enterprises e WHERE e.id = m.enterprise_id)`);

export async function findMemberRow(db: Db, scope: DataScope, id: string): Promise<MemberRow | null> {
  const [row] = await queryRows<MemberRow>(db, sql`${SELECT} WHERE m.id = ${id} AND ${memberScope(scope)}`);
  return row ?? null;
}

export interface MemberFilter {
  search: SQL | null;
  orgId?: string;
  status: string;
  migrantWorker?: boolean;
  frontline?: boolean;
  newEmploymentForm?: boolean;
  page: number;
  pageSize: number;
}

const inOrgSubtree = (org: SQL, orgId: string): SQL => sql`${org} IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${orgId})`;

export function memberWhere(scope: DataScope, f: Omit<MemberFilter, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [memberScope(scope)];
  if (f.search) conds.push(f.search);
  if (f.orgId) conds.push(inOrgSubtree(sql`m.org_id`, f.orgId));
  if (f.status !== 'all') conds.push(sql`m.status = ${f.status}`);
  if (f.migrantWorker !== undefined) conds.push(sql`m.migrant_worker = ${f.migrantWorker}`);
  if (f.frontline !== undefined) conds.push(sql`m.frontline = ${f.frontline}`);
  if (f.newEmploymentForm !== undefined) conds.push(sql`m.new_employment_form = ${f.newEmploymentForm}`);
  return sql.join(conds, sql` AND `);
}

/** A filtered list counts its matches up to this many (plus the rows up to the page asked for), then says "at least". */
export const MEMBER_COUNT_CAP = 10_000;

export interface MemberPage {
  rows: MemberRow[];
  total: number;
  /** true when more than `total` rows match: the count stopped at the cap */
  totalCapped: boolean;
}

/** 在册 members in the subtree of `orgId`: its member_subtree_counts row, or for a union without sub-orgs its own counter. */
const subtreeCount = (orgId: string): SQL =>
  sql`coalesce((SELECT members FROM member_subtree_counts WHERE org_id = ${orgId}::uuid), (SELECT members FROM org_counters WHERE org_id = ${orgId}::uuid), 0)`;

/**
 * The exact number of 在册 members in scope (and under `orgId`) from the triggers' counters: one
 * row of member_subtree_counts when scope and filter are one subtree (a district, street or union
 * admin; the city with an org chosen), else org_counters summed over the scope's orgs. Null when
 * the counters cannot answer: another status, a search or a flag, or a scope with a 'self' part
 * (a member row, not an org).
 */
function counterTotal(scope: DataScope, f: Omit<MemberFilter, 'page' | 'pageSize'>): SQL | null {
  if (f.status !== 'active' || f.search || f.migrantWorker !== undefined || f.frontline !== undefined || f.newEmploymentForm !== undefined) return null;
  if (!scope.all && scope.selfMemberId) return null;
  const sum = sql`(SELECT coalesce(sum(c.members), 0) FROM org_counters c WHERE ${sql.join(
    [scopePredicate(scope, { org: sql`c.org_id` }), ...(f.orgId ? [inOrgSubtree(sql`c.org_id`, f.orgId)] : [])],
    sql` AND `,
  )})`;
  const root = scope.all ? null : scope.subtreeRoots.length === 1 && scope.units.length === 0 ? scope.subtreeRoots[0]! : undefined;
  if (root === undefined) return sql`${sum}::int`;
  if (!f.orgId) return root === null ? sql`${sum}::int` : sql`${subtreeCount(root)}::int`;
  if (root === null) return sql`${subtreeCount(f.orgId)}::int`;
  const under = (ancestor: string, descendant: string) => sql`EXISTS (SELECT 1 FROM org_closure WHERE ancestor_id = ${ancestor}::uuid AND descendant_id = ${descendant}::uuid)`;
  return sql`(CASE WHEN ${under(root, f.orgId)} THEN ${subtreeCount(f.orgId)} WHEN ${under(f.orgId, root)} THEN ${subtreeCount(root)} ELSE ${sum} END)::int`;
}

/**
 * One page, newest first: a walk of members_created_idx (created_at DESC, id) filtered by scope
 * and filter that stops after the page (or, for a small scope, the planner's org index and a top-N
 * sort), one statement. The total: the rows seen when the page is the last one; the counters (same
 * statement, same snapshot) for the unfiltered list of 在册 members; otherwise a count that stops
 * after MEMBER_COUNT_CAP matches (or the page's end).
 */
export async function listMemberRows(db: Db, scope: DataScope, f: MemberFilter, countCap = MEMBER_COUNT_CAP): Promise<MemberPage> {
  const where = memberWhere(scope, f);
  const offset = (f.page - 1) * f.pageSize;
  const counted = counterTotal(scope, f);
  const rows = await queryRows<MemberRow & { total_count?: number }>(
    db,
    sql`${LIST_COLUMNS}${counted ? sql`, ${counted} AS total_count` : sql``}
      FROM members m WHERE ${where} ORDER BY m.created_at DESC, m.id LIMIT ${f.pageSize} OFFSET ${offset}`,
  );
  const page = rows.map(({ total_count: _, ...row }) => row);
  if (rows.length > 0 && rows.length < f.pageSize) return { rows: page, total: offset + rows.length, totalCapped: false };
  if (rows.length === 0 && f.page === 1) return { rows: page, total: 0, totalCapped: false };
  if (counted && rows[0]) return { rows: page, total: rows[0].total_count ?? 0, totalCapped: false };
  const cap = Math.max(countCap, offset + f.pageSize);
  const [c] = counted
    ? await queryRows<{ n: number }>(db, sql`SELECT ${counted} AS n`)
    : await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM members m WHERE ${where} LIMIT ${cap + 1}) x`);
  const n = c?.n ?? 0;
  return n > cap && !counted ? { rows: page, total: cap, totalCapped: true } : { rows: page, total: n, totalCapped: false };
}

/** Streams matching rows in pages (exports): never the whole result in memory. */
export async function* iterateMemberRows(db: Db, where: SQL, pageSize = 2000): AsyncGenerator<MemberRow & { id_card_enc: string; phone_enc: string | null; bank_account_enc: string | null }> {
  let after = '';
  for (;;) {
    const rows = await queryRows<MemberRow & { id_card_enc: string; phone_enc: string | null; bank_account_enc: string | null }>(
      db,
      sql`SELECT x.*, mm.id_card_enc, mm.phone_enc, mm.bank_account_enc FROM (${SELECT} WHERE ${where} AND m.id > ${after || '00000000-0000-0000-0000-000000000000'}::uuid ORDER BY m.id LIMIT ${pageSize}) x
          JOIN members mm ON mm.id = x.id ORDER BY x.id`,
    );
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * The member with this 身份证 (by its HMAC), for records kept outside the registry (cadres, 劳模) that
 * link to "the same person". Several records can share one 身份证 (a member who left and rejoined):
 * the statuses in `prefer` come first, in that order, then the newest.
 */
export async function memberIdByIdCardHmac(db: Db, hmac: string, prefer: readonly string[]): Promise<string | null> {
  const order = prefer.map((s) => sql`(status = ${s}) DESC`);
  const [row] = await queryRows<{ id: string }>(db, sql`SELECT id FROM members WHERE id_card_hmac = ${hmac} ORDER BY ${sql.join([...order, sql`created_at DESC`], sql`, `)} LIMIT 1`);
  return row?.id ?? null;
}
