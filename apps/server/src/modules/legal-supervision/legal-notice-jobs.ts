import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { LEGAL_NOTICE_KIND_LABELS, LEGAL_NOTICE_NEXT, legalNoticeExportBodySchema, type LegalNoticeKind } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { listExportRoute, registerListExport, type ListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { notify } from '../../platform/notify/notify.service.js';
import { markOverdue, noticeRows } from './legal-notice.repository.js';
import { noticeListItem, todayShanghai } from './legal-notice-view.js';

export const LEGAL_OVERDUE_JOB = 'legal.notices.overdue';
export const LEGAL_EXPORT_JOB = 'legal.notices.export';
const SWEEP_EVERY_MS = 60 * 60_000;
const SYSTEM: Actor = { userId: null, username: 'system', orgId: null, ip: null };

/**
 * Instruments delivered whose reply date has passed (工作日 counted at delivery): marked overdue once,
 * the issuing union notified with the next instrument proposed (提示函 → 意见书 → 建议书).
 */
export async function sweepOverdueNotices(db: Db, today: string = todayShanghai()): Promise<{ overdue: number }> {
  return db.transaction(async (tx) => {
    const rows = await markOverdue(tx, today);
    for (const r of rows) {
      const kind = r.kind as LegalNoticeKind;
      const next = LEGAL_NOTICE_NEXT[kind];
      const label = `${r.serial_no ?? ''}${LEGAL_NOTICE_KIND_LABELS[kind]}`;
      await notify(tx, {
        orgId: r.org_id,
        kind: 'legal.notice.overdue',
        title: `${r.enterprise_name}逾期未回复${label}`,
        body: next ? `回复期限 ${r.reply_due_on} 已过,建议升级制发${LEGAL_NOTICE_KIND_LABELS[next]}${next === 'recommendation' ? '(提请劳动保障行政部门立案)' : ''}。` : `立案期限 ${r.reply_due_on} 已过,请与劳动保障行政部门联系督办。`,
        link: `/legal-supervision/${r.id}`,
      });
      await recordAudit(tx, SYSTEM, { action: 'data.update', objectType: 'legal_notice', objectId: r.id, detail: { step: 'overdue', replyDueOn: r.reply_due_on, proposed: next, status: { from: 'delivered', to: 'overdue' } } }, true);
    }
    return { overdue: rows.length };
  });
}

/** 导出法律监督文书: the list with its filters, in the requester's scope. */
export const LEGAL_NOTICE_EXPORT: ListExport<z.infer<typeof legalNoticeExportBodySchema>> = {
  job: LEGAL_EXPORT_JOB,
  permission: 'legal:notice:list',
  name: '劳动法律监督文书',
  objectType: 'legal_notice',
  columns: [
    { header: '文号', key: 'serialNo', width: 22 },
    { header: '文书', key: 'kind', width: 8 },
    { header: '企业', key: 'enterprise', width: 32 },
    { header: '区县(市)', key: 'district', width: 12 },
    { header: '制发单位', key: 'org', width: 18 },
    { header: '问题类别', key: 'category', width: 14 },
    { header: '状态', key: 'status', width: 14 },
    { header: '送达日期', key: 'delivered', width: 12 },
    { header: '回复期限', key: 'due', width: 12 },
    { header: '回复日期', key: 'replied', width: 12 },
    { header: '逾期', key: 'overdue', width: 6 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    const today = todayShanghai();
    return (await noticeRows(db, scope, filter, today, page, pageSize)).map((r) => {
      const i = noticeListItem(r, today);
      return { serialNo: i.serialNo ?? '', kind: i.kindLabel, enterprise: i.enterpriseName, district: i.districtName ?? '', org: i.orgName, category: i.categoryLabel, status: i.statusLabel, delivered: i.deliveredOn ?? '', due: i.replyDueOn ?? '', replied: i.repliedOn ?? '', overdue: i.overdue ? '是' : '' };
    });
  },
};

export function registerLegalNoticeJobs(jobs: JobRunner): void {
  jobs.registerRecurring(LEGAL_OVERDUE_JOB, SWEEP_EVERY_MS, (ctx) => sweepOverdueNotices(ctx.db));
  registerListExport(jobs, LEGAL_NOTICE_EXPORT);
}

/** POST /api/legal-notices/export → 202 { jobId }: the list with its filters, in the caller's scope. */
export function legalNoticeExportRoute(app: FastifyInstance, tags: string[]): void {
  listExportRoute(app, LEGAL_NOTICE_EXPORT, { url: '/api/legal-notices/export', tags, summary: '导出法律监督文书(按当前筛选,xlsx)', body: legalNoticeExportBodySchema });
}
