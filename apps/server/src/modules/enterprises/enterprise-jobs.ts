import { sql } from 'drizzle-orm';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { runImport, type ImportPayload } from '../../platform/import-export/import-runner.js';
import { runExport } from '../../platform/import-export/export-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { enterpriseImportDefinition } from './enterprise-import.js';
import { enterpriseWhere, type EnterpriseFilter, type EnterpriseRow } from './enterprise.repository.js';

export const ENTERPRISE_IMPORT_JOB = 'enterprises.import';
export const ENTERPRISE_EXPORT_JOB = 'enterprises.export';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** Enterprise import (with the importing user's current scope) and export (e.g. the 未建会企业 work list). */
export function registerEnterpriseJobs(jobs: JobRunner): void {
  jobs.register(ENTERPRISE_IMPORT_JOB, async (ctx) => {
    const payload = ctx.job.payload as ImportPayload & { userId: string };
    const access = await loadUserAccess(ctx.db, payload.userId);
    const actor = { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null };
    return runImport(ctx, enterpriseImportDefinition({ scope: access.scope, actor }), payload);
  });
  jobs.register(ENTERPRISE_EXPORT_JOB, async (ctx) => {
    const p = ctx.job.payload as { userId: string; filter: EnterpriseFilter; title: string };
    const access = await loadUserAccess(ctx.db, p.userId);
    const where = enterpriseWhere(access.scope, p.filter);
    const result = await runExport(ctx, {
      name: p.title,
      purpose: 'enterprises.export',
      columns: [
        { header: '企业名称', key: 'name', width: 36 },
        { header: '统一社会信用代码', key: 'creditCode', width: 22 },
        { header: '行政区划代码', key: 'division', width: 12 },
        { header: '职工人数', key: 'employees', width: 10 },
        { header: '建会情况', key: 'union', width: 32 },
        { header: '负责组织', key: 'org', width: 28 },
        { header: '行业', key: 'industry', width: 20 },
        { header: '所有制', key: 'ownership', width: 10 },
        { header: '非公企业', key: 'nonPublic', width: 8 },
        { header: '平台企业', key: 'platform', width: 8 },
        { header: '地址', key: 'address', width: 30 },
      ],
      count: async (db) => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises e WHERE ${where}`))[0]?.n ?? 0,
      rows: async function* (db) {
        // keyset pages, largest employers first: every page is an index range, never an OFFSET
        let last: { count: number; id: string } | null = null;
        for (;;) {
          const after = last ? sql`AND (e.employee_count, e.id) < (${last.count}, ${last.id}::uuid)` : sql``;
          const rows: EnterpriseRow[] = await queryRows<EnterpriseRow>(
            db,
            sql`SELECT e.*, o.name AS org_name, u.name AS union_org_name FROM enterprises e JOIN orgs o ON o.id = e.org_id LEFT JOIN orgs u ON u.id = e.union_org_id
                WHERE ${where} ${after} ORDER BY e.employee_count DESC, e.id DESC LIMIT 2000`,
          );
          for (const e of rows) {
            yield { name: e.name, creditCode: e.credit_code, division: e.division_code, employees: e.employee_count, union: e.union_org_name ?? '未建会', org: e.org_name, industry: e.industry, ownership: e.ownership, nonPublic: yesNo(e.non_public), platform: yesNo(e.platform_company), address: e.address };
          }
          if (rows.length < 2000) return;
          const tail: EnterpriseRow = rows[rows.length - 1]!;
          last = { count: tail.employee_count, id: tail.id };
        }
      },
    });
    await recordAudit(ctx.db, { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null }, { action: 'data.export', objectType: 'enterprise', objectId: result.fileId, detail: { rows: result.rows, filter: p.filter } });
    return result;
  });
}
