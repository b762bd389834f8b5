import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/db-connection.js';
import type { TestApp } from './test-app.js';

/** One row problem of an import, as the job result and the error report give it. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** A finished import job's result (api-contract: GET /jobs/:id). */
export interface ImportOutcome {
  total: number;
  valid: number;
  failed: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: RowProblem[];
}

/** The member import template's header (the required columns and two optional ones). */
export const MEMBER_HEADER = ['姓名', '身份证号', '手机号', '工会组织编码', '入会日期'];

const count = async (t: TestApp, query: ReturnType<typeof sql>): Promise<number> => (await queryRows<{ n: number }>(t.ctx.db, query))[0]!.n;

export const memberCount = (t: TestApp): Promise<number> => count(t, sql`SELECT count(*)::int AS n FROM members`);
export const storedFileCount = (t: TestApp): Promise<number> => count(t, sql`SELECT count(*)::int AS n FROM stored_files`);
export const jobCount = (t: TestApp): Promise<number> => count(t, sql`SELECT count(*)::int AS n FROM jobs`);

/** Every member row as JSON text, ordered: two snapshots are equal iff nothing changed. */
export async function memberSnapshot(t: TestApp): Promise<string[]> {
  return (await queryRows<{ j: string }>(t.ctx.db, sql`SELECT row_to_json(m)::text AS j FROM members m ORDER BY id`)).map((r) => r.j);
}

/**
 * Orgs whose coverage counter (org_counters.members) differs from the real number of 在册
 * members, and orgs with sub-orgs whose subtree total (member_subtree_counts, -1 when the row is
 * missing) differs from the real number in their subtree: empty when the incrementally kept
 * counters are right.
 */
export async function memberCounterMismatches(t: TestApp): Promise<{ org_id: string; counter: number; actual: number }[]> {
  return queryRows(
    t.ctx.db,
    sql`SELECT coalesce(c.org_id, m.org_id) AS org_id, coalesce(c.members, 0)::int AS counter, coalesce(m.n, 0)::int AS actual
        FROM org_counters c FULL JOIN (SELECT org_id, count(*) AS n FROM members WHERE status = 'active' GROUP BY org_id) m ON m.org_id = c.org_id
        WHERE coalesce(c.members, 0) <> coalesce(m.n, 0)
        UNION ALL
        SELECT x.org_id, x.counter, x.actual FROM (
          SELECT o.id AS org_id, coalesce(s.members, -1)::int AS counter,
            (SELECT count(*) FROM members m WHERE m.status = 'active' AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = o.id))::int AS actual
          FROM orgs o LEFT JOIN member_subtree_counts s ON s.org_id = o.id
          WHERE s.org_id IS NOT NULL OR EXISTS (SELECT 1 FROM org_closure c WHERE c.ancestor_id = o.id AND c.depth > 0)) x
        WHERE x.counter <> x.actual`,
  );
}

/** The members an import job stored, with the app's own key used only to read the ciphertext back. */
export async function importedMembers(t: TestApp, jobId: string) {
  const rows = await queryRows<{
    name: string;
    org_id: string;
    id_card_enc: string;
    id_card_masked: string;
    phone_enc: string;
    phone_masked: string;
    gender: string;
    birth_date: string;
    version: number;
    json: string;
  }>(
    t.ctx.db,
    sql`SELECT name, org_id, id_card_enc, id_card_masked, phone_enc, phone_masked, gender, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, version, row_to_json(m)::text AS json
        FROM members m WHERE import_job_id = ${jobId} ORDER BY name`,
  );
  return rows.map((r) => ({ ...r, idCard: t.ctx.crypto.decrypt(r.id_card_enc), phone: t.ctx.crypto.decrypt(r.phone_enc) }));
}
