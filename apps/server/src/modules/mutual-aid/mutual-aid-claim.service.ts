import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  MUTUAL_AID_FILER_TYPE_LABELS,
  MUTUAL_AID_PART_LABELS,
  WORKFLOW_STATUS_LABELS,
  type MutualAidClaim,
  type MutualAidClaimListItem,
  type MutualAidFilerType,
  type MutualAidPart,
  type mutualAidClaimListQuerySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { findInstance, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import type { MutualAidContext } from './mutual-aid-period.service.js';
import { claimInvoices, claimScope, findClaimRow, listClaimRows, type ClaimRow } from './mutual-aid-claim.repository.js';
import { MUTUAL_AID_WORKFLOW_TYPE, mutualAidWorkflow } from './mutual-aid-workflow.js';

export async function claimInstance(db: Db, id: string): Promise<WorkflowInstance> {
  const inst = await findInstance(db, MUTUAL_AID_WORKFLOW_TYPE, id);
  if (!inst) throw new Error(`mutual aid claim ${id} has no workflow case`);
  return inst;
}

async function toDto(db: Db, auth: AuthContext, r: ClaimRow, detail: boolean): Promise<MutualAidClaim> {
  const inst = await claimInstance(db, r.id);
  const base = await workflowAbilities(db, mutualAidWorkflow, auth, inst);
  const status = inst.status as MutualAidClaim['status'];
  const step = inst.stepIndex === null ? null : mutualAidWorkflow.steps[inst.stepIndex];
  const canPay = status === 'approved' && !r.payout_id && r.computed_fen > 0 && auth.permissions.has('mutual-aid:claim:pay') && (await scopeIncludesOrg(db, auth.scope, r.org_id));
  return {
    id: r.id,
    claimNo: r.claim_no,
    periodId: r.period_id,
    periodName: r.period_name,
    memberId: r.member_id,
    memberName: r.member_name,
    memberIdCard: r.member_id_card,
    orgId: r.org_id,
    orgName: r.org_name,
    part: r.part as MutualAidPart,
    partLabel: MUTUAL_AID_PART_LABELS[r.part as MutualAidPart],
    hospital: r.hospital,
    admissionDate: r.admission_date,
    dischargeDate: r.discharge_date,
    diagnosis: r.diagnosis,
    filerType: r.filer_type as MutualAidFilerType,
    filerTypeLabel: MUTUAL_AID_FILER_TYPE_LABELS[r.filer_type as MutualAidFilerType],
    filerName: r.filer_name,
    filerRelation: r.filer_relation,
    selfPayFen: r.self_pay_fen,
    computedFen: r.computed_fen,
    explanation: detail ? r.explanation : [],
    invoices: detail
      ? (await claimInvoices(db, r.id)).map((i) => ({ invoiceNo: i.invoice_no, invoiceDate: i.invoice_date, totalFen: i.total_fen, selfPayFen: i.self_pay_fen }))
      : [],
    attachments: detail ? r.attachments : [],
    payout: r.payout_id ? { id: r.payout_id, amountFen: r.payout_amount_fen ?? 0, status: r.payout_status ?? '', fundName: r.payout_fund_name ?? '', createdAt: r.payout_created_at ?? '' } : null,
    createdAt: r.created_at,
    status,
    workflow: {
      status,
      statusLabel: r.payout_id ? '已支付' : WORKFLOW_STATUS_LABELS[status],
      stepKey: inst.stepKey,
      stepLabel: step?.label ?? null,
      assigneeOrgId: r.assignee_org_id,
      assigneeOrgName: r.assignee_org_name,
      stepDueDate: r.step_due_date,
      overdue: status === 'in_review' && r.step_due_date !== null && r.step_due_date < shanghaiDate(new Date()),
      publicityEndsAt: null,
    },
    timeline: detail ? await workflowTimeline(db, inst.id) : [],
    abilities: { ...base, canPay },
  };
}

/** A claim the caller can see (else 404), with its timeline, invoices and explanation. */
export async function getClaim(ctx: MutualAidContext, auth: AuthContext, id: string): Promise<MutualAidClaim> {
  return toDto(ctx.db, auth, await visibleClaimRow(ctx.db, auth, id), true);
}

export async function visibleClaimRow(db: Db, auth: AuthContext, id: string): Promise<ClaimRow> {
  const row = await findClaimRow(db, auth.scope, id);
  if (!row) throw notFound('医疗互助申请');
  return row;
}

export async function listClaims(ctx: MutualAidContext, auth: AuthContext, q: z.infer<typeof mutualAidClaimListQuerySchema>) {
  const conds: SQL[] = [claimScope(auth.scope)];
  if (q.box === 'inbox') conds.push(sql`w.status = 'in_review' AND w.assignee_org_id = ${auth.user.orgId}`);
  if (q.box === 'mine') conds.push(auth.user.memberId ? sql`(c.filed_by = ${auth.user.id} OR c.member_id = ${auth.user.memberId})` : sql`c.filed_by = ${auth.user.id}`);
  if (q.periodId) conds.push(sql`c.period_id = ${q.periodId}`);
  if (q.status === 'paid') conds.push(sql`c.payout_id IS NOT NULL`);
  else if (q.status === 'approved') conds.push(sql`w.status = 'approved' AND c.payout_id IS NULL`);
  else if (q.status) conds.push(sql`w.status = ${q.status}`);
  if (q.part) conds.push(sql`c.part = ${q.part}`);
  if (q.orgId) conds.push(sql`c.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${q.orgId}::uuid)`);
  if (q.filerType) conds.push(sql`c.filer_type = ${q.filerType}`);
  if (q.q) conds.push(sql`(m.name LIKE ${`%${q.q.replace(/[%_\\]/g, '\\$&')}%`} OR c.claim_no = ${q.q})`);
  const { rows, total } = await listClaimRows(ctx.db, sql.join(conds, sql` AND `), q.page, q.pageSize);
  const items: MutualAidClaimListItem[] = [];
  for (const r of rows) {
    const { timeline: _t, explanation: _e, invoices: _i, attachments: _a, ...item } = await toDto(ctx.db, auth, r, false);
    items.push(item);
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}
