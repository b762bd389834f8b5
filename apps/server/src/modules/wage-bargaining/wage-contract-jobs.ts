import { sql } from 'drizzle-orm';
import { WAGE_CONTRACT_KIND_LABELS, WAGE_CONTRACT_PHASE_LABELS, WAGE_CONTRACT_TYPE_LABELS, WAGE_RENEWAL_MONTHS } from '@gonghui/contracts';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { registerListExport, type ListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { notify } from '../../platform/notify/notify.service.js';
import { listWageContractRows, type WageContractFilter } from './wage-contract.repository.js';
import { phaseOf } from './wage-rules.js';

export const WAGE_RENEWAL_JOB = 'wage-contracts.renewal-reminders';
const DAY_MS = 24 * 60 * 60_000;

/**
 * 续签提醒: each filed contract entering its last 3 months without a successor tells its union once
 * (either side may ask to renew from then on). Returns how many were reminded.
 */
export async function sendRenewalReminders(db: Db, now = new Date()): Promise<number> {
  const day = shanghaiDate(now);
  return db.transaction(async (tx) => {
    const due = await queryRows<{ id: string; org_id: string; title: string; term_end: string }>(
      tx,
      sql`UPDATE wage_contracts c SET renewal_reminded_at = now()
          WHERE c.status = 'filed' AND c.renewal_reminded_at IS NULL AND c.term_end >= ${day}::date
            AND ${day}::date >= (c.term_end - interval '3 months')::date
            AND NOT EXISTS (SELECT 1 FROM wage_contracts n WHERE n.predecessor_id = c.id)
          RETURNING c.id, c.org_id, c.title, c.term_end::text AS term_end`,
    );
    for (const c of due) {
      await notify(tx, {
        orgId: c.org_id,
        kind: 'wage.renewal',
        title: `集体合同将于${c.term_end}到期,请启动续签协商`,
        body: `「${c.title}」进入期满前${WAGE_RENEWAL_MONTHS}个月,双方均可提出续订要求。请在到期前完成协商、职代会表决和备案。`,
        link: `/wage-contracts/${c.id}`,
      });
    }
    return due.length;
  });
}

/** 导出集体合同台账: the list with its filters, in the requester's scope. */
export const WAGE_CONTRACT_EXPORT: ListExport<WageContractFilter> = {
  job: 'wage-contracts.export',
  permission: 'wage:contract:list',
  name: '集体合同台账',
  objectType: 'wage_contract',
  columns: [
    { header: '合同名称', key: 'title', width: 36 },
    { header: '类别', key: 'kind', width: 14 },
    { header: '种类', key: 'type', width: 18 },
    { header: '签约工会', key: 'org', width: 30 },
    { header: '区县(市)', key: 'district', width: 14 },
    { header: '覆盖企业数', key: 'enterprises', width: 10 },
    { header: '覆盖职工数', key: 'workers', width: 10 },
    { header: '期限起', key: 'start', width: 12 },
    { header: '期限止', key: 'end', width: 12 },
    { header: '工资增长(%)', key: 'increase', width: 10 },
    { header: '最低工资(元/月)', key: 'minimum', width: 12 },
    { header: '状态', key: 'phase', width: 16 },
    { header: '备案日期', key: 'filed', width: 12 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    const day = shanghaiDate(new Date());
    const rows = await listWageContractRows(db, scope, filter, day, page, pageSize);
    return rows.map((r) => ({
      title: r.title, kind: WAGE_CONTRACT_KIND_LABELS[r.kind], type: WAGE_CONTRACT_TYPE_LABELS[r.contract_type], org: r.org_name, district: r.district_name ?? '',
      enterprises: r.enterprise_count, workers: r.workers_covered, start: r.term_start, end: r.term_end, increase: r.wage_increase_bp / 100,
      minimum: Number(r.minimum_wage_fen) / 100, phase: WAGE_CONTRACT_PHASE_LABELS[phaseOf({ status: r.status, termStart: r.term_start, termEnd: r.term_end }, day)], filed: r.filed_on ?? '',
    }));
  },
};

export function registerWageContractJobs(jobs: JobRunner): void {
  jobs.registerRecurring(WAGE_RENEWAL_JOB, DAY_MS, async (ctx) => ({ reminded: await sendRenewalReminders(ctx.db) }));
  registerListExport(jobs, WAGE_CONTRACT_EXPORT);
}
