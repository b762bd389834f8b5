import { sql } from 'drizzle-orm';
import { creditCodeCheckChar } from '@gonghui/contracts';
import { queryRows, type Database } from '../../apps/server/src/platform/db/db-connection.js';
import type { FieldCrypto } from '../../apps/server/src/platform/crypto/field-crypto.js';
import { memberImportDefinition, validateMemberRow } from '../../apps/server/src/modules/members/member-import.js';
import { seededRandom } from './bench-support.js';
import { generateMembers, memberRowValues } from './generate-members.js';

export interface DataSetSize {
  orgs: number;
  enterprises: number;
  members: number;
}

export const FULL_DATA_SET: DataSetSize = { orgs: 20_000, enterprises: 100_000, members: 1_000_000 };
export const TINY_DATA_SET: DataSetSize = { orgs: 500, enterprises: 2_000, members: 10_000 };

const KEYS = ['name', 'idCard', 'phone', 'orgCode', 'joinedAt', 'bankAccount', 'cardNo', 'migrantWorker', 'frontline', 'newEmploymentForm', 'skillLevel', 'education'];
const INDUSTRIES = ['制造业', '信息传输、软件和信息技术服务业', '批发和零售业', '建筑业', '交通运输、仓储和邮政业', '住宿和餐饮业', '租赁和商务服务业'];
const OWNERSHIP = ['民营', '民营', '民营', '国有', '外资', '集体', '港澳台'];

/** Valid 统一社会信用代码: 91 (enterprise) + 6-digit division + 9-character body + GB 32100 check. */
function creditCode(division: string, i: number): string {
  const body = String(100_000_000 + i).slice(-9);
  const first17 = `91${division}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * Enterprises in every street: most covered by a grassroots union of their district, a share not
 * (the organising targets), sizes from 3 to 3,000 employees.
 */
async function generateEnterprises(db: Database, count: number, seed: number): Promise<void> {
  const rnd = seededRandom(seed);
  const streets = await queryRows<{ id: string; division_code: string }>(db.db, sql`SELECT id, division_code FROM orgs WHERE kind = 'street' ORDER BY code`);
  const unions = await queryRows<{ id: string; division_code: string }>(db.db, sql`SELECT id, division_code FROM orgs WHERE kind = 'grassroots' ORDER BY code`);
  const byDivision = new Map<string, string[]>();
  for (const u of unions) byDivision.set(u.division_code, [...(byDivision.get(u.division_code) ?? []), u.id]);
  for (let start = 0; start < count; start += 5000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      const street = streets[Math.floor(rnd() * streets.length)]!;
      const local = byDivision.get(street.division_code) ?? [];
      const covered = rnd() < 0.72 && local.length > 0;
      rows.push({
        name: `杭州企业${i}有限公司`,
        credit_code: creditCode(street.division_code, i),
        division_code: street.division_code,
        employee_count: Math.floor(3 + Math.pow(rnd(), 3) * 3000),
        org_id: street.id,
        union_org_id: covered ? local[Math.floor(rnd() * local.length)]! : null,
        industry: INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)]!,
        ownership: OWNERSHIP[Math.floor(rnd() * OWNERSHIP.length)]!,
        non_public: rnd() < 0.8,
        platform_company: rnd() < 0.01,
      });
    }
    await db.db.execute(sql`INSERT INTO enterprises (name, credit_code, division_code, employee_count, org_id, union_org_id, industry, ownership, non_public, platform_company)
      SELECT name, credit_code, division_code, employee_count, org_id, union_org_id, industry, ownership, non_public, platform_company
      FROM json_populate_recordset(NULL::enterprises, ${JSON.stringify(rows)}::json)`);
  }
}

/**
 * Members through the import's own `prepare` and `persist` (the stored form is exactly what an
 * import writes: encrypted, keyed-hashed, 拼音 and grams), in transactions of 5,000, skipping the
 * file parsing the import benchmark measures.
 */
async function generateMemberRows(db: Database, crypto: FieldCrypto, count: number, actorId: string): Promise<void> {
  const codes = (await queryRows<{ code: string }>(db.db, sql`SELECT code FROM orgs WHERE kind = 'grassroots' ORDER BY code`)).map((r) => r.code);
  const def = memberImportDefinition({ crypto, scope: { all: true, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null }, actor: { userId: actorId, username: 'bench', orgId: null, ip: null } });
  let batch: { row: number; value: ReturnType<typeof def.prepare> }[] = [];
  let row = 1;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.db.transaction((tx) => def.persist(tx, rows, { updateExisting: false, jobId: '00000000-0000-4000-8000-000000000000' }));
  };
  for (const m of generateMembers(count, codes)) {
    const values = memberRowValues(m);
    const checked = validateMemberRow(Object.fromEntries(KEYS.map((k, i) => [k, values[i] ?? ''])));
    if (!checked.ok) throw new Error(`generated member invalid: ${JSON.stringify(checked.errors)} ${values.join(',')}`);
    batch.push({ row: ++row, value: def.prepare(checked.value) });
    if (batch.length >= 5000) await flush();
  }
  await flush();
}

/** The performance.md data set (or a tiny one): org tree, enterprises, members; then ANALYZE. */
export async function generateDataSet(db: Database, crypto: FieldCrypto, size: DataSetSize, generateOrgTree: (db: Database, total: number) => Promise<number>): Promise<void> {
  await generateOrgTree(db, size.orgs);
  await generateEnterprises(db, size.enterprises, 4242);
  const [admin] = await queryRows<{ id: string }>(db.db, sql`SELECT id FROM users ORDER BY created_at LIMIT 1`);
  await generateMemberRows(db, crypto, size.members, admin!.id);
  await db.vacuum();
}
