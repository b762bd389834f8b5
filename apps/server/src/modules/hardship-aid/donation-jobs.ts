import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { runExport } from '../../platform/import-export/export-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { findCampaignRow } from './campaign.repository.js';
import { countDonations, donationWhere, iterateDonationRows, type DonationFilter } from './donation.repository.js';
import { toDonationDto } from './donation.service.js';

export const DONATION_EXPORT_JOB = 'aid.donations.export';

export interface DonationExportPayload extends DonationFilter {
  userId: string;
  campaignId: string;
}

/** 导出捐款名单: acting with the requesting user's scope at run time (a revoked role exports nothing). */
export function registerDonationJobs(jobs: JobRunner): void {
  jobs.register(DONATION_EXPORT_JOB, async (ctx) => {
    const p = ctx.job.payload as unknown as DonationExportPayload;
    const access = await loadUserAccess(ctx.db, p.userId);
    const campaign = await findCampaignRow(ctx.db, access.scope, p.campaignId);
    if (!campaign || !access.permissions.has('aid:campaign:view')) throw new Error('活动不存在或不在您的数据范围内');
    const where = donationWhere(access.scope, p.campaignId, { q: p.q, donorType: p.donorType });
    const result = await runExport(ctx, {
      name: `${campaign.name}捐款名单`,
      purpose: 'aid.donations.export',
      columns: [
        { header: '收据编号', key: 'receiptNo', width: 18 },
        { header: '捐赠方', key: 'donorName', width: 30 },
        { header: '类型', key: 'donorType', width: 12 },
        { header: '金额(元)', key: 'amountYuan', width: 14 },
        { header: '到账日期', key: 'receivedOn', width: 12 },
        { header: '接收单位', key: 'orgName', width: 30 },
        { header: '计入资金', key: 'fundName', width: 28 },
        { header: '备注', key: 'note', width: 24 },
        { header: '登记人', key: 'recordedBy', width: 24 },
      ],
      count: (db) => countDonations(db, where),
      rows: async function* (db) {
        for await (const row of iterateDonationRows(db, where)) {
          const d = toDonationDto(row);
          yield {
            receiptNo: d.receiptNo,
            donorName: d.donorName,
            donorType: d.donorTypeLabel,
            amountYuan: d.amountFen / 100,
            receivedOn: d.receivedOn,
            orgName: d.orgName,
            fundName: d.fundName,
            note: d.note,
            recordedBy: d.recordedByName,
          };
        }
      },
    });
    await recordAudit(ctx.db, { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null }, {
      action: 'data.export',
      objectType: 'aid_donation',
      objectId: result.fileId,
      detail: { campaignId: p.campaignId, rows: result.rows, filter: { q: p.q ?? null, donorType: p.donorType ?? null } },
    });
    return result;
  });
}
