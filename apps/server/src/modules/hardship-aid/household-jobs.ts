import type { z } from 'zod';
import { AID_EVIDENCE_LABELS, HARDSHIP_CAUSE_LABELS, HOUSEHOLD_EXIT_REASON_LABELS, HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_TIER_LABELS, type householdExportBodySchema } from '@gonghui/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { runExport } from '../../platform/import-export/export-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { EMPTY_SCOPE } from '../../platform/access/data-scope.js';
import { markReviewsDue } from './household-lifecycle.service.js';
import { countHouseholds, householdWhere, iterateHouseholdRows } from './household.repository.js';
import { householdFilterOf } from './household.service.js';

export const HOUSEHOLD_EXPORT_JOB = 'aid.households.export';
export const HOUSEHOLD_REVIEW_DUE_JOB = 'aid.households.review-due';
/** how often the sweep marks households whose annual 复核 has come */
const REVIEW_SWEEP_EVERY_MS = 60 * 60_000;

export interface HouseholdExportPayload {
  userId: string;
  filter: z.infer<typeof householdExportBodySchema>;
}

const label = <K extends string>(labels: Record<K, string>, v: string | null) => (v ? (labels[v as K] ?? v) : '');

/**
 * The households' background jobs: the hourly 复核 sweep (recurring, one at a time across
 * processes) and the masked export, acting with the requesting user's current scope.
 */
export function registerHouseholdJobs(jobs: JobRunner, deps: { crypto: FieldCrypto }): void {
  jobs.registerRecurring(HOUSEHOLD_REVIEW_DUE_JOB, REVIEW_SWEEP_EVERY_MS, (ctx) => markReviewsDue(ctx.db));

  jobs.register(HOUSEHOLD_EXPORT_JOB, async (ctx) => {
    const p = ctx.job.payload as unknown as HouseholdExportPayload;
    const access = await loadUserAccess(ctx.db, p.userId);
    const actor = { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null };
    // a revoked permission stops the export too: no permission, no rows
    const allowed = access.permissions.has('aid:household:list');
    const where = householdWhere(allowed ? access.scope : EMPTY_SCOPE, householdFilterOf(deps.crypto, p.filter));
    const result = await runExport(ctx, {
      name: '困难职工档案',
      purpose: 'aid.households.export',
      columns: [
        { header: '户主姓名', key: 'name', width: 12 },
        { header: '身份证号', key: 'idCard', width: 22 },
        { header: '所在工会', key: 'org', width: 32 },
        { header: '区县(市)', key: 'district', width: 14 },
        { header: '困难类型', key: 'tier', width: 10 },
        { header: '状态', key: 'status', width: 8 },
        { header: '家庭人口', key: 'size', width: 8 },
        { header: '近12个月家庭净收入(元)', key: 'total', width: 20 },
        { header: '人均月收入(元)', key: 'perCapita', width: 14 },
        { header: '低保标准(元/人·月)', key: 'line', width: 16 },
        { header: '致困原因', key: 'causes', width: 22 },
        { header: '证明材料', key: 'evidence', width: 30 },
        { header: '建档日期', key: 'established', width: 12 },
        { header: '上次复核', key: 'reviewed', width: 12 },
        { header: '下次复核', key: 'next', width: 12 },
        { header: '退出日期', key: 'exited', width: 12 },
        { header: '退出原因', key: 'exitReason', width: 22 },
      ],
      count: (db) => countHouseholds(db, where),
      rows: async function* (db) {
        for await (const h of iterateHouseholdRows(db, where)) {
          yield {
            name: h.head_name,
            idCard: h.head_id_card,
            org: h.org_name,
            district: h.district_name ?? h.district_code ?? '',
            tier: label(HOUSEHOLD_TIER_LABELS, h.tier),
            status: label(HOUSEHOLD_STATUS_LABELS, h.status),
            size: h.household_size,
            total: h.total_income_fen / 100,
            perCapita: h.per_capita_monthly_fen / 100,
            line: h.line_monthly_fen / 100,
            causes: h.causes.map((c) => label(HARDSHIP_CAUSE_LABELS, c)).join('、'),
            evidence: h.evidence_types.map((e) => label(AID_EVIDENCE_LABELS, e)).join('、'),
            established: h.established_on,
            reviewed: h.last_reviewed_on,
            next: h.status === 'exited' ? '' : h.next_review_on,
            exited: h.exited_on ?? '',
            exitReason: label(HOUSEHOLD_EXIT_REASON_LABELS, h.exit_reason),
          };
        }
      },
    });
    await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'hardship_household', objectId: result.fileId, detail: { rows: result.rows, unmasked: false, filter: { ...p.filter, q: p.filter.q ? '(已记录)' : null } } });
    return result;
  });
}
