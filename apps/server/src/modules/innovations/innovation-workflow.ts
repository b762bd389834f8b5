import { sql } from 'drizzle-orm';
import type { PermissionCode } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { notify } from '../../platform/notify/notify.service.js';
import { defineWorkflow, type WorkflowLevel } from '../../platform/workflow/workflow-definition.js';

export const INNOVATION_WORKFLOW_TYPE = 'innovation.submission';

/** Each review step needs its level's code on top of the chain's own rule (staff of the step's org). */
export const REVIEW_PERMISSION_BY_LEVEL: Partial<Record<WorkflowLevel, PermissionCode>> = {
  grassroots: 'innovation:review:grassroots',
  district: 'innovation:review:district',
  city: 'innovation:review:city',
};

/**
 * 五小 / 合理化建议 review up the tree: the worker's union 初审, the district 审核 (区县审核通过 =
 * recommended to the city), the city 认定 (市级认定). On recognition the certificate number
 * 杭工创〔year〕n号 is given, in the same transaction.
 */
const OUTCOME: Record<string, string> = { returned: '已退回修改,请查看审核意见', rejected: '未通过审核,请查看审核意见', approved: '已通过市总工会认定' };

/** The worker (their account by member record) hears of a return, a rejection or the recognition on the phone. */
async function tellWorker(tx: Db, id: string, to: string): Promise<void> {
  const users = await queryRows<{ user_id: string; title: string }>(
    tx,
    sql`SELECT u.id AS user_id, i.title FROM innovations i JOIN users u ON u.member_id = i.member_id WHERE i.id = ${id}`,
  );
  for (const u of users) await notify(tx, { userId: u.user_id, kind: 'innovation.outcome', title: `您的创新项目「${u.title}」${OUTCOME[to] ?? ''}`, link: `/m/innovations/${id}` });
}

export const innovationWorkflow = defineWorkflow({
  type: INNOVATION_WORKFLOW_TYPE,
  objectType: 'innovation',
  // every reviewer lists; the step's level code (REVIEW_PERMISSION_BY_LEVEL) is checked by the module
  approvePermission: 'innovation:submission:list',
  filePermission: 'innovation:submission:create',
  steps: [
    { key: 'grassroots_review', label: '基层工会初审', level: 'grassroots', slaWorkdays: 10 },
    { key: 'district_review', label: '区县(市)总工会审核', level: 'district', slaWorkdays: 10 },
    { key: 'city_recognition', label: '市总工会认定', level: 'city', slaWorkdays: 15 },
  ],
  escalateAfterWorkdays: 5,
  onStatusChange: async (tx, change) => {
    if (['returned', 'rejected', 'approved'].includes(change.to)) await tellWorker(tx, change.businessId, change.to);
    if (change.to !== 'approved') return;
    const year = shanghaiDate(new Date()).slice(0, 4);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`innovation-certificate-${year}`}))`);
    const [n] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int + 1 AS n FROM innovations WHERE certificate_no LIKE ${`杭工创〔${year}〕%`}`);
    await tx.execute(sql`UPDATE innovations SET certificate_no = ${`杭工创〔${year}〕${n!.n}号`}, updated_at = now() WHERE id = ${change.businessId} AND certificate_no IS NULL`);
  },
});
