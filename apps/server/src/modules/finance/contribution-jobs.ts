import { CONTRIBUTION_ARREARS_KIND_LABELS, CONTRIBUTION_LEVEL_LABELS, CONTRIBUTION_LEVELS, CONTRIBUTION_STATUS_LABELS, type ContributionFigures } from '@gonghui/contracts';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { registerListExport, type ExportRow, type ListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { arrearsItem, sendContributionReminders } from './contribution-arrears.service.js';
import { contributionReport } from './contribution-report.service.js';
import { dueOn, lastOverdueMonth, periodOf } from './contribution-rules.js';
import { listArrearsRows, listDeclarationRows } from './contribution.repository.js';
import { contributionTerms } from './finance-settings.service.js';
import type { z } from 'zod';
import type { contributionArrearsExportBodySchema, contributionExportBodySchema, contributionReportQuerySchema } from '@gonghui/contracts';

export const CONTRIBUTION_REMINDER_JOB = 'finance.contribution-reminders';
const DAY_MS = 24 * 60 * 60_000;
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** 导出工会经费申报台账 (the list with its filters, in the requester's scope). */
export const CONTRIBUTION_EXPORT: ListExport<z.infer<typeof contributionExportBodySchema>> = {
  job: 'finance.contributions.export',
  permission: 'finance:contribution:list',
  name: '工会经费申报拨缴台账',
  objectType: 'contribution_declaration',
  columns: [
    { header: '企业名称', key: 'enterprise', width: 34 },
    { header: '统一社会信用代码', key: 'credit', width: 22 },
    { header: '企业工会', key: 'union', width: 30 },
    { header: '区县(市)', key: 'district', width: 12 },
    { header: '所属月份', key: 'period', width: 10 },
    { header: '工资总额(元)', key: 'payroll', width: 16 },
    { header: '应拨缴工会经费(元)', key: 'amount', width: 16 },
    { header: '状态', key: 'status', width: 14 },
    { header: '截止日期', key: 'due', width: 12 },
    { header: '到账日期', key: 'paid', width: 12 },
    { header: '到账凭证号', key: 'reference', width: 20 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    const terms = await contributionTerms(db);
    const rows = await listDeclarationRows(db, scope, filter, page, pageSize);
    return rows.map((r) => ({
      enterprise: r.enterprise_name, credit: r.credit_code, union: r.union_org_name, district: r.district_name ?? '', period: periodOf(r.period_month), payroll: Number(r.payroll_fen) / 100,
      amount: Number(r.amount_fen) / 100, status: CONTRIBUTION_STATUS_LABELS[r.status], due: dueOn(r.period_month, terms.dueDay), paid: r.paid_on ?? '', reference: r.payment_reference ?? '',
    }));
  },
};

/** 导出欠缴清单. */
export const ARREARS_EXPORT: ListExport<z.infer<typeof contributionArrearsExportBodySchema>> = {
  job: 'finance.contribution-arrears.export',
  permission: 'finance:contribution:list',
  name: '工会经费欠缴清单',
  objectType: 'contribution_arrears',
  columns: [
    { header: '企业名称', key: 'enterprise', width: 34 },
    { header: '企业工会', key: 'union', width: 30 },
    { header: '区县(市)', key: 'district', width: 12 },
    { header: '所属月份', key: 'period', width: 10 },
    { header: '欠缴类型', key: 'kind', width: 14 },
    { header: '截止日期', key: 'due', width: 12 },
    { header: '欠缴金额(元)', key: 'amount', width: 14 },
    { header: '已催缴次数', key: 'reminded', width: 10 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    const terms = await contributionTerms(db);
    const rows = await listArrearsRows(db, scope, filter, lastOverdueMonth(shanghaiDate(new Date()), terms.dueDay), page, pageSize);
    return rows.map((r) => arrearsItem(r, terms.dueDay, false)).map((a) => ({
      enterprise: a.enterpriseName, union: a.unionOrgName, district: a.districtName ?? '', period: a.period, kind: CONTRIBUTION_ARREARS_KIND_LABELS[a.kind], due: a.dueOn, amount: yuan(a.amountFen) ?? '未申报', reminded: a.remindedCount,
    }));
  },
};

const figureCells = (f: ContributionFigures): ExportRow => ({
  due: f.dueFen / 100, received: f.receivedFen / 100, arrears: f.arrearsFen / 100, missing: f.missingMonths,
  ...Object.fromEntries(CONTRIBUTION_LEVELS.map((l) => [l, f.split[l] / 100])),
});

/** 导出工会经费收缴报表: the children rows, the total, then the months. */
export const REPORT_EXPORT: ListExport<z.infer<typeof contributionReportQuerySchema>> = {
  job: 'finance.contribution-report.export',
  permission: 'finance:report:view',
  name: '工会经费收缴报表',
  objectType: 'contribution_report',
  columns: [
    { header: '单位/月份', key: 'label', width: 30 },
    { header: '应缴(已申报,元)', key: 'due', width: 16 },
    { header: '已拨缴(元)', key: 'received', width: 16 },
    { header: '逾期未拨缴(元)', key: 'arrears', width: 16 },
    { header: '未申报(企业·月)', key: 'missing', width: 14 },
    ...CONTRIBUTION_LEVELS.map((l) => ({ header: `${CONTRIBUTION_LEVEL_LABELS[l]}(元)`, key: l, width: 16 })),
  ],
  page: async (db, scope, filter, page) => {
    if (page > 1) return [];
    const r = await contributionReport(db, scope, null, filter.year, filter.orgId);
    return [
      ...r.children.map((c) => ({ label: c.orgName, ...figureCells(c) })),
      { label: `${r.orgName} 合计`, ...figureCells(r.total) },
      ...r.months.map((m) => ({ label: m.period, ...figureCells(m) })),
    ];
  },
};

export function registerContributionJobs(jobs: JobRunner): void {
  jobs.registerRecurring(CONTRIBUTION_REMINDER_JOB, DAY_MS, async (ctx) => ({ reminded: await sendContributionReminders(ctx.db) }));
  registerListExport(jobs, CONTRIBUTION_EXPORT);
  registerListExport(jobs, ARREARS_EXPORT);
  registerListExport(jobs, REPORT_EXPORT);
}
