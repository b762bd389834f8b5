import { sql } from 'drizzle-orm';
import { OWNERSHIPS, parseCreditCode } from '@gonghui/contracts';
import type { ColumnSpec, RowError } from '../../platform/import-export/column-spec.js';
import type { CellError, ImportDefinition } from '../../platform/import-export/import-runner.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';

export const ENTERPRISE_IMPORT_COLUMNS: ColumnSpec[] = [
  { key: 'name', label: '企业名称', required: true, aliases: ['单位名称', '名称'] },
  { key: 'creditCode', label: '统一社会信用代码', required: true, aliases: ['信用代码'] },
  { key: 'divisionCode', label: '行政区划代码', required: true, aliases: ['区划代码'] },
  { key: 'employeeCount', label: '职工人数', required: true, aliases: ['职工数'] },
  { key: 'unionOrgCode', label: '工会组织编码', required: false },
  { key: 'address', label: '地址', required: false },
  { key: 'industry', label: '行业', required: false },
  { key: 'ownership', label: '所有制', required: false },
  { key: 'nonPublic', label: '非公企业', required: false },
  { key: 'socialOrganisation', label: '社会组织', required: false },
  { key: 'platformCompany', label: '平台企业', required: false },
];

export interface EnterpriseImportRow {
  name: string;
  creditCode: string;
  divisionCode: string;
  employeeCount: number;
  unionOrgCode: string | null;
  address: string | null;
  industry: string | null;
  ownership: string | null;
  nonPublic: boolean;
  socialOrganisation: boolean;
  platformCompany: boolean;
}

const yes = (v: string | undefined) => ['是', 'y', 'yes', '1', 'true', '√'].includes((v ?? '').trim().toLowerCase());

export function validateEnterpriseRow(c: Record<string, string>): { ok: true; value: EnterpriseImportRow; key: string } | { ok: false; errors: CellError[] } {
  const errors: CellError[] = [];
  const name = (c.name ?? '').trim();
  if (!name) errors.push({ column: '企业名称', message: '企业名称不能为空' });
  const code = parseCreditCode(c.creditCode ?? '');
  if (!code.ok) errors.push({ column: '统一社会信用代码', message: code.reason === 'checksum' ? `${code.message}(早期试点地区赋码请在页面上逐个登记并填写理由)` : code.message });
  const divisionCode = (c.divisionCode ?? '').trim();
  if (!/^\d{6}$/.test(divisionCode)) errors.push({ column: '行政区划代码', message: '行政区划代码应为6位数字' });
  const employees = Number((c.employeeCount ?? '').trim());
  if (!Number.isInteger(employees) || employees < 0) errors.push({ column: '职工人数', message: '职工人数应为非负整数' });
  const ownership = (c.ownership ?? '').trim() || null;
  if (ownership && !(OWNERSHIPS as readonly string[]).includes(ownership)) errors.push({ column: '所有制', message: `应为 ${OWNERSHIPS.join('、')} 之一` });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    key: code.value,
    value: {
      name,
      creditCode: code.value,
      divisionCode,
      employeeCount: employees,
      unionOrgCode: (c.unionOrgCode ?? '').trim() || null,
      address: (c.address ?? '').trim() || null,
      industry: (c.industry ?? '').trim() || null,
      ownership,
      nonPublic: yes(c.nonPublic),
      socialOrganisation: yes(c.socialOrganisation),
      platformCompany: yes(c.platformCompany),
    },
  };
}

interface Resolved {
  orgId: string | null;
  unionOrgId: string | null;
  error: string | null;
  column: string;
}

async function resolve(db: Db, scope: DataScope, rows: EnterpriseImportRow[]): Promise<Resolved[]> {
  const unionCodes = [...new Set(rows.map((r) => r.unionOrgCode).filter((c): c is string => Boolean(c)))];
  const divisions = [...new Set(rows.map((r) => r.divisionCode))];
  const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
  const unions = unionCodes.length
    ? await queryRows<{ id: string; code: string; kind: string; visible: boolean }>(db, sql`SELECT id, code, kind, ${scopePredicate(scope, { org: sql`orgs.id` })} AS visible FROM orgs WHERE status = 'active' AND code IN (${list(unionCodes)})`)
    : [];
  const districts = await queryRows<{ id: string; division_code: string; visible: boolean }>(
    db,
    sql`SELECT id, division_code, ${scopePredicate(scope, { org: sql`orgs.id` })} AS visible FROM orgs WHERE kind = 'district' AND status = 'active' AND division_code IN (${list(divisions)})`,
  );
  return rows.map((r) => {
    if (r.unionOrgCode) {
      const u = unions.find((x) => x.code === r.unionOrgCode);
      if (!u || !u.visible) return { orgId: null, unionOrgId: null, error: `找不到编码为 ${r.unionOrgCode} 的工会,或不在您的管理范围内`, column: '工会组织编码' };
      if (u.kind !== 'grassroots') return { orgId: null, unionOrgId: null, error: '覆盖企业的工会须是基层工会', column: '工会组织编码' };
      return { orgId: u.id, unionOrgId: u.id, error: null, column: '' };
    }
    const d = districts.find((x) => x.division_code === r.divisionCode);
    if (!d || !d.visible) return { orgId: null, unionOrgId: null, error: '该行政区划不属于您管理的区县(市)', column: '行政区划代码' };
    return { orgId: d.id, unionOrgId: null, error: null, column: '' };
  });
}

/** Enterprise import: a registered credit code is skipped (or updated when asked). */
export function enterpriseImportDefinition(opts: { scope: DataScope; actor: Actor }): ImportDefinition<EnterpriseImportRow> {
  const check = async (db: Db, rows: { row: number; value: EnterpriseImportRow }[]): Promise<RowError[]> => {
    const resolved = await resolve(db, opts.scope, rows.map((r) => r.value));
    return resolved.flatMap((x, i) => (x.error ? [{ row: rows[i]!.row, column: x.column, message: x.error }] : []));
  };
  return {
    columns: ENTERPRISE_IMPORT_COLUMNS,
    keyColumn: '统一社会信用代码',
    validate: (cells) => validateEnterpriseRow(cells),
    prepare: (value) => value,
    check,
    persist: async (tx, rows, { updateExisting, jobId }) => {
      const resolved = await resolve(tx, opts.scope, rows.map((r) => r.value));
      const records = rows.flatMap((r, i) => {
        const x = resolved[i]!;
        if (x.error) return [];
        const v = r.value;
        return [{ name: v.name, credit_code: v.creditCode, division_code: v.divisionCode, employee_count: v.employeeCount, org_id: x.orgId, union_org_id: x.unionOrgId, address: v.address, industry: v.industry, ownership: v.ownership, non_public: v.nonPublic, social_organisation: v.socialOrganisation, platform_company: v.platformCompany, created_by: opts.actor.userId }];
      });
      if (records.length === 0) return { imported: 0, updated: 0, skipped: rows.length };
      const json = JSON.stringify(records);
      const inserted = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO enterprises (name, credit_code, division_code, employee_count, org_id, union_org_id, address, industry, ownership, non_public, social_organisation, platform_company, created_by)
            SELECT name, credit_code, division_code, employee_count, org_id, union_org_id, address, industry, ownership, non_public, social_organisation, platform_company, created_by
            FROM json_populate_recordset(NULL::enterprises, ${json}::json) ON CONFLICT DO NOTHING RETURNING id`,
      );
      let updated = 0;
      if (updateExisting && inserted.length < records.length) {
        const u = await queryRows<{ id: string }>(
          tx,
          sql`UPDATE enterprises e SET name = r.name, employee_count = r.employee_count, division_code = r.division_code, org_id = r.org_id,
                union_org_id = coalesce(r.union_org_id, e.union_org_id), address = coalesce(r.address, e.address), industry = coalesce(r.industry, e.industry),
                ownership = coalesce(r.ownership, e.ownership), updated_at = now()
              FROM json_populate_recordset(NULL::enterprises, ${json}::json) r
              -- created_at < now(): rows inserted by this very transaction (stamped now()) are not "existing"
              WHERE e.credit_code = r.credit_code AND e.status = 'active' AND e.created_at < now() RETURNING e.id`,
        );
        updated = u.length;
      }
      if (inserted.length || updated) await recordAudit(tx, opts.actor, { action: 'data.import', objectType: 'enterprise', objectId: jobId, detail: { imported: inserted.length, updated } }, true);
      return { imported: inserted.length, updated, skipped: rows.length - inserted.length - updated };
    },
  };
}
