import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  INNOVATION_KIND_LABELS,
  type Innovation,
  type InnovationKind,
  type InnovationListItem,
  type InnovationListQuery,
  type Page,
  type innovationActionBodySchema,
  type innovationUpdateBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, notFound } from '../../platform/http/app-error.js';
import { actOnCase, findInstance, updateCaseFacts, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import { workflowStateOf } from '../../platform/workflow/workflow-view.js';
import { countInnovations, findInnovationRow, innovationRows, innovationScope, type InnovationRow } from './innovation.repository.js';
import { innovations } from './innovation.schema.js';
import { INNOVATION_WORKFLOW_TYPE, REVIEW_PERMISSION_BY_LEVEL, innovationWorkflow } from './innovation-workflow.js';

export async function innovationInstance(db: Db, id: string): Promise<WorkflowInstance> {
  const inst = await findInstance(db, INNOVATION_WORKFLOW_TYPE, id);
  if (!inst) throw new Error(`innovation ${id} has no workflow case`);
  return inst;
}

/** The review step's own code (基层初审 / 区县审核 / 市级认定): held by the caller, or the step is not theirs. */
const holdsStepCode = (auth: AuthContext, inst: WorkflowInstance): boolean => {
  const step = inst.stepIndex === null ? null : innovationWorkflow.steps[inst.stepIndex];
  const code = step ? REVIEW_PERMISSION_BY_LEVEL[step.level] : undefined;
  return code !== undefined && auth.permissions.has(code);
};

/** Past the district: recommended to the city (在市总认定) or recognised. */
const pastDistrict = (status: string, stepKey: string | null) => status === 'approved' || (status === 'in_review' && stepKey === 'city_recognition');

async function toDto(db: Db, auth: AuthContext, r: InnovationRow, detail: boolean): Promise<Innovation> {
  const inst = await innovationInstance(db, r.id);
  const base = await workflowAbilities(db, innovationWorkflow, auth, inst);
  const step = holdsStepCode(auth, inst);
  const staff = auth.permissions.has('innovation:adoption:record') && (await scopeIncludesOrg(db, auth.scope, r.org_id));
  const status = inst.status as Innovation['status'];
  const adopted = r.adopted_on !== null;
  const canAdopt = staff && pastDistrict(status, inst.stepKey) && !r.payout_id;
  return {
    id: r.id,
    kind: r.kind as InnovationKind,
    kindLabel: INNOVATION_KIND_LABELS[r.kind as InnovationKind],
    title: r.title,
    problem: r.problem,
    proposal: r.proposal,
    expectedBenefit: r.expected_benefit,
    memberId: r.member_id,
    memberName: r.member_name,
    teamName: r.team_name,
    teamMembers: r.team_members.map((t) => ({ name: t.name, memberId: t.memberId ?? null })),
    orgId: r.org_id,
    orgName: r.org_name,
    districtName: r.district_name,
    year: r.year,
    filedByName: r.filed_by_name,
    onBehalf: r.on_behalf,
    attachments: r.attachments,
    adoption: adopted ? { adoptedBy: r.adopted_by ?? '', adoptedOn: r.adopted_on ?? '', valueFen: r.value_fen ?? 0, valueNote: r.value_note } : null,
    reward: r.payout_id ? { amountFen: r.payout_amount_fen ?? 0, fundName: r.payout_fund_name ?? '', status: r.payout_status ?? '', paidAt: r.payout_created_at ?? '' } : null,
    certificateNo: r.certificate_no,
    lastOpinion: r.last_opinion,
    createdAt: r.created_at,
    status,
    workflow: workflowStateOf(innovationWorkflow, inst, r),
    timeline: detail ? await workflowTimeline(db, inst.id) : [],
    abilities: {
      ...base,
      canApprove: base.canApprove && step,
      canReject: base.canReject && step,
      canReturn: base.canReturn && step,
      canAdopt,
      canPayReward: staff && adopted && !r.payout_id,
      canUpload: base.canEdit || canAdopt,
      canDownloadCertificate: r.certificate_no !== null,
    },
  };
}

/** An innovation the caller sees, else 404. */
export async function visibleInnovation(db: Db, auth: AuthContext, id: string): Promise<InnovationRow> {
  const row = await findInnovationRow(db, auth.scope, id);
  if (!row) throw notFound('创新项目');
  return row;
}

export async function getInnovation(db: Db, auth: AuthContext, id: string): Promise<Innovation> {
  return toDto(db, auth, await visibleInnovation(db, auth, id), true);
}

/** The list's filters over the caller's scope; `mine` keeps the caller's own (H5). */
export function innovationWhere(auth: AuthContext, q: Partial<InnovationListQuery>, mine = false): SQL {
  const conds: SQL[] = [innovationScope(auth.scope)];
  if (mine) conds.push(sql`(i.filed_by = ${auth.user.id} OR i.member_id = ${auth.user.memberId ?? '00000000-0000-0000-0000-000000000000'}::uuid)`);
  if (q.box === 'inbox') conds.push(sql`w.status = 'in_review' AND w.assignee_org_id = ${auth.user.orgId}`);
  if (q.status === 'adopted') conds.push(sql`i.adopted_on IS NOT NULL`);
  else if (q.status) conds.push(sql`w.status = ${q.status}`);
  if (q.kind) conds.push(sql`i.kind = ${q.kind}`);
  if (q.year) conds.push(sql`i.year = ${q.year}`);
  if (q.districtId) conds.push(sql`i.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${q.districtId}::uuid)`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(i.title LIKE ${like} OR m.name LIKE ${like} OR i.team_name LIKE ${like})`);
  }
  return sql.join(conds, sql` AND `);
}

export async function listInnovations(db: Db, auth: AuthContext, q: InnovationListQuery, mine = false): Promise<Page<InnovationListItem>> {
  const where = innovationWhere(auth, q, mine);
  const rows = await innovationRows(db, where, q.pageSize, (q.page - 1) * q.pageSize);
  const items: InnovationListItem[] = [];
  for (const r of rows) {
    const { timeline: _t, problem: _p, proposal: _q, attachments: _a, ...item } = await toDto(db, auth, r, false);
    items.push(item);
  }
  return { items, total: await countInnovations(db, where), page: q.page, pageSize: q.pageSize };
}

/** Edits a draft or a returned innovation (the filer side only). */
export async function updateInnovation(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof innovationUpdateBodySchema>): Promise<Innovation> {
  await visibleInnovation(db, auth, id);
  await db.transaction(async (tx) => {
    const inst = await innovationInstance(tx, id);
    const can = await workflowAbilities(tx, innovationWorkflow, auth, inst);
    if (!can.canEdit) throw inst.status === 'draft' || inst.status === 'returned' ? forbidden('只有申报人或代办工会可以修改') : conflict('审核中或已办结的项目不能修改', 'ILLEGAL_TRANSITION');
    const [old] = await tx.select().from(innovations).where(eq(innovations.id, id));
    await tx.update(innovations).set({ ...body, updatedAt: sql`now()` }).where(eq(innovations.id, id));
    if (body.title) await updateCaseFacts(tx, inst, { publicSummary: body.title });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'innovation', objectId: id, detail: changeDetail(old!, body) }, true);
  });
  return getInnovation(db, auth, id);
}

/** submit / approve / reject / return / withdraw / reopen; a review step also needs its level's code. */
export async function actOnInnovation(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof innovationActionBodySchema>): Promise<Innovation> {
  await applyInnovationAction(db, auth, actor, id, body);
  return getInnovation(db, auth, id);
}

/** The action itself, without reading the record back (the demo seed runs many). */
export async function applyInnovationAction(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof innovationActionBodySchema>): Promise<void> {
  if (!(await countInnovations(db, sql`i.id = ${id} AND ${innovationScope(auth.scope)}`))) throw notFound('创新项目');
  await db.transaction(async (tx) => {
    const inst = await innovationInstance(tx, id);
    if (['approve', 'reject', 'return'].includes(body.action) && inst.status === 'in_review' && !holdsStepCode(auth, inst)) throw forbidden('当前环节不由您办理', 'NOT_YOUR_STEP');
    await actOnCase(tx, innovationWorkflow, auth, actor, inst, { action: body.action, opinion: body.opinion });
  });
}
