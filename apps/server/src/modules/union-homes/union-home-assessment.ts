import { sql } from 'drizzle-orm';
import { UNION_HOME_TEMPLATE_CODE } from '@gonghui/contracts';
import { defineAssessment } from '../../platform/assessment/assessment-definition.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/**
 * 入会率 of a grassroots union for the assessment: the figure entered on the home profile (the
 * union's 统计年报, which counts members not yet in the online registry), else the registry's
 * members over the employees of the enterprises it covers. Both are shown to reviewers.
 */
export async function membershipRateOf(db: Db, orgId: string): Promise<{ rate: number | null; source: 'registry' | 'entered' | 'none'; registryRate: number | null }> {
  const [row] = await queryRows<{ members: number | null; employees: string | number | null; entered: number | null }>(
    db,
    sql`SELECT c.members, c.unionised_employees AS employees, h.membership_rate_entered AS entered
        FROM (SELECT ${orgId}::uuid AS id) o LEFT JOIN org_counters c ON c.org_id = o.id LEFT JOIN union_homes h ON h.org_id = o.id`,
  );
  const employees = Number(row?.employees ?? 0);
  const registryRate = employees > 0 ? Math.min(1, Math.round((Number(row?.members ?? 0) / employees) * 10_000) / 10_000) : null;
  if (row?.entered !== null && row?.entered !== undefined) return { rate: row.entered, source: 'entered', registryRate };
  return { rate: registryRate, source: registryRate === null ? 'none' : 'registry', registryRate };
}

/** 职工之家 on the assessment mechanism: the union fills, 区县 reviews (街道 may rate too), 市总 confirms. */
export const unionHomeAssessment = defineAssessment({
  templateCode: UNION_HOME_TEMPLATE_CODE,
  objectType: 'union_home_assessment',
  label: '职工之家',
  subjectKind: 'union',
  listPermission: 'union-home:home:list',
  filePermission: 'union-home:home:manage',
  reviewPermission: 'union-home:assessment:review',
  confirmPermission: 'union-home:assessment:confirm',
  reviewSteps: [{ key: 'district_review', label: '区县(市)总工会审核评分', level: 'district' }],
  confirmStep: { label: '市总工会确认等级', level: 'city' },
  facts: async (db, subjectId) => ({ membershipRate: (await membershipRateOf(db, subjectId)).rate }),
});
