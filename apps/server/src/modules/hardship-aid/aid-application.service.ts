import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  AID_CATEGORY_LABELS,
  SENSITIVE_CONSENT_VERSION,
  maskName,
  type AidApplication,
  type AidCategory,
  type aidActionBodySchema,
  type aidListQuerySchema,
  type applyAidBodySchema,
  type createAidApplicationBodySchema,
  type homeVisitBodySchema,
  type updateAidApplicationBodySchema,
} from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';

/** What the aid services use of the app context (the demo seed runs them with just a database). */
export type AidContext = Pick<AppContext, 'db'>;
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { orgInScopeSql } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { doubleAidWarnings } from '../../platform/ledger/ledger.service.js';
import { actOnCase, createCase, findInstance, updateCaseFacts, userActor, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import { findMemberRow } from '../members/member.repository.js';
import { aidApplications } from './aid-application.schema.js';
import { aidScope, findAidApplicationRow, listAidApplicationRows, type AidApplicationRow } from './aid-application.repository.js';
import { checkAttachments } from './aid-evidence.js';
import { AID_WORKFLOW_TYPE, aidWorkflow } from './aid-workflow.js';
import { campaignEligibility, coversCategory, openCampaign } from './campaign-eligibility.js';
import { findHouseholdForAid } from './household-aid.js';
import { workflowStateOf } from '../../platform/workflow/workflow-view.js';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const publicSummary = (category: AidCategory, fen: number) => `${AID_CATEGORY_LABELS[category]} ${yuan(fen)} 元`;

async function inScope(db: Db, auth: AuthContext, orgId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, orgInScopeSql(auth.scope, orgId));
  return row?.ok === true;
}

async function instanceOf(db: Db, id: string): Promise<WorkflowInstance> {
  const inst = await findInstance(db, AID_WORKFLOW_TYPE, id);
  if (!inst) throw new Error(`aid application ${id} has no workflow case`);
  return inst;
}

async function toDto(ctx: AidContext, auth: AuthContext, r: AidApplicationRow, detail: boolean): Promise<AidApplication> {
  const inst = await instanceOf(ctx.db, r.id);
  const base = await workflowAbilities(ctx.db, aidWorkflow, auth, inst);
  const staffInScope = await inScope(ctx.db, auth, r.org_id);
  const status = inst.status as AidApplication['status'];
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberIdCard: r.member_id_card,
    orgId: r.org_id,
    orgName: r.org_name,
    householdId: r.household_id,
    campaignId: r.campaign_id,
    category: r.category as AidCategory,
    categoryLabel: AID_CATEGORY_LABELS[r.category as AidCategory],
    amountFen: r.amount_fen,
    approvedAmountFen: r.approved_amount_fen,
    reason: r.reason,
    filedByName: r.filed_by_name,
    onBehalf: r.on_behalf,
    sensitiveConsent: r.sensitive_consent_at !== null,
    homeVisit: (r.home_visit as AidApplication['homeVisit']) ?? null,
    evidence: r.evidence,
    payout: r.payout_id ? { id: r.payout_id, amountFen: r.payout_amount_fen ?? 0, status: r.payout_status ?? '', fundName: r.payout_fund_name ?? '', createdAt: r.payout_created_at ?? '' } : null,
    createdAt: r.created_at,
    status,
    workflow: workflowStateOf(aidWorkflow, inst, r),
    timeline: detail ? await workflowTimeline(ctx.db, inst.id) : [],
    abilities: {
      ...base,
      canRecordVisit: status === 'in_review' && auth.permissions.has('aid:application:approve') && staffInScope,
      canDisburse: status === 'approved' && !r.payout_id && auth.permissions.has('aid:application:disburse') && staffInScope,
    },
    doubleAidWarnings: detail ? await doubleAidWarnings(ctx.db, { memberId: r.member_id, householdId: r.household_id }, { businessType: AID_WORKFLOW_TYPE, businessKey: r.id }) : [],
  };
}

export async function getAidApplication(ctx: AidContext, auth: AuthContext, id: string): Promise<AidApplication> {
  const row = await findAidApplicationRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('帮扶申请');
  return toDto(ctx, auth, row, true);
}

export async function listAidApplications(ctx: AidContext, auth: AuthContext, q: z.infer<typeof aidListQuerySchema>) {
  const conds: SQL[] = [aidScope(auth.scope)];
  if (q.box === 'inbox') conds.push(sql`w.status = 'in_review' AND w.assignee_org_id = ${auth.user.orgId}`);
  if (q.box === 'mine') conds.push(sql`a.filed_by = ${auth.user.id}`);
  if (q.status) conds.push(sql`w.status = ${q.status}`);
  if (q.category) conds.push(sql`a.category = ${q.category}`);
  if (q.campaignId) conds.push(sql`a.campaign_id = ${q.campaignId}`);
  if (q.q) conds.push(sql`m.name LIKE ${`%${q.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  const { rows, total } = await listAidApplicationRows(ctx.db, sql.join(conds, sql` AND `), q.page, q.pageSize);
  const items = [];
  for (const r of rows) {
    const { timeline: _t, doubleAidWarnings: _w, homeVisit: _h, evidence: _e, ...item } = await toDto(ctx, auth, r, false);
    items.push(item);
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

type CreateBody = z.infer<typeof createAidApplicationBodySchema>;

async function insertApplication(tx: Db, auth: AuthContext, actor: Actor, member: { id: string; org_id: string; name: string }, body: Omit<CreateBody, 'memberId'>, selfFiled: boolean): Promise<string> {
  const [row] = await tx
    .insert(aidApplications)
    .values({
      memberId: member.id,
      orgId: member.org_id,
      householdId: body.householdId ?? null,
      campaignId: body.campaignId ?? null,
      category: body.category,
      amountFen: body.amountFen,
      reason: body.reason,
      filedBy: auth.user.id,
      filedByName: `${auth.user.name}${selfFiled ? '(本人)' : `(${auth.user.orgName})`}`,
      onBehalf: !selfFiled,
      sensitiveConsentAt: body.sensitiveConsent ? sql`now()` : null,
      sensitiveConsentVersion: body.sensitiveConsent ? SENSITIVE_CONSENT_VERSION : null,
    })
    .returning({ id: aidApplications.id });
  const id = row!.id;
  await createCase(tx, aidWorkflow, { businessId: id, orgId: member.org_id, amountFen: body.amountFen, publicName: maskName(member.name), publicSummary: publicSummary(body.category, body.amountFen) }, userActor(auth));
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'aid_application', objectId: id, detail: { memberId: member.id, category: body.category, amountFen: body.amountFen, onBehalf: !selfFiled } }, true);
  return id;
}

/** A named household must be an open record in the caller's scope, headed by the applicant. */
async function checkHousehold(db: Db, auth: AuthContext, householdId: string | undefined, memberId: string): Promise<void> {
  if (!householdId) return;
  const h = await findHouseholdForAid(db, auth.scope, householdId);
  if (!h || h.status === 'exited') throw invalidField('householdId', '困难职工档案不存在、已退出或不在您的管理范围内');
  if (h.headMemberId !== memberId) throw invalidField('householdId', '该档案的户主不是申请人');
}

/** A named campaign must exist, be open now and take this category. */
async function checkCampaign(db: Db, campaignId: string | undefined, category: AidCategory): Promise<void> {
  if (!campaignId) return;
  const rules = await campaignEligibility(db, campaignId);
  if (!rules) throw invalidField('campaignId', '春风行动活动不存在');
  if (!rules.open) throw invalidField('campaignId', `「${rules.name}」不在受理期内(${rules.startsOn} 至 ${rules.endsOn})`);
  if (!coversCategory(rules, category)) throw invalidField('category', `「${rules.name}」不受理${AID_CATEGORY_LABELS[category]}类申请`);
}

async function applicantMember(ctx: AidContext, auth: AuthContext, memberId: string) {
  const m = await findMemberRow(ctx.db, auth.scope, memberId);
  if (!m) throw invalidField('memberId', '会员不存在或不在您的管理范围内');
  if (m.status !== 'active') throw invalidField('memberId', '只有在册会员可以申请帮扶');
  return m;
}

/** Staff file on a worker's behalf (the filer is recorded); the application starts as a draft. */
export async function createAidApplication(ctx: AidContext, auth: AuthContext, actor: Actor, body: CreateBody): Promise<AidApplication> {
  const m = await applicantMember(ctx, auth, body.memberId);
  await checkCampaign(ctx.db, body.campaignId, body.category);
  await checkHousehold(ctx.db, auth, body.householdId, m.id);
  const id = await ctx.db.transaction((tx) => insertApplication(tx, auth, actor, m, body, auth.user.memberId === m.id));
  return getAidApplication(ctx, auth, id);
}

/** A worker applies for themself on the H5 form, with consent: submitted at once, or kept as a draft (`submit: false`) to add 证明材料 first. */
export async function applyForAid(ctx: AidContext, auth: AuthContext, actor: Actor, body: z.infer<typeof applyAidBodySchema>): Promise<AidApplication> {
  if (!auth.user.memberId) throw forbidden('您的账号未关联会员档案,请联系所在工会', 'NOT_A_MEMBER');
  const m = await applicantMember(ctx, auth, auth.user.memberId);
  await checkCampaign(ctx.db, body.campaignId, body.category);
  // a worker's application joins this winter's 春风行动 when it is open and takes the category
  const open = body.campaignId ? null : await openCampaign(ctx.db);
  const campaignId = body.campaignId ?? (open && coversCategory(open, body.category) ? open.campaignId : undefined);
  const id = await ctx.db.transaction(async (tx) => {
    const { submit, ...fields } = body;
    const newId = await insertApplication(tx, auth, actor, m, { ...fields, campaignId }, true);
    if (submit !== false) await actOnCase(tx, aidWorkflow, auth, actor, await instanceOf(tx, newId), { action: 'submit' });
    return newId;
  });
  return getAidApplication(ctx, auth, id);
}

/** An application the caller can see, else 404. */
export async function visibleAidRow(ctx: AidContext, auth: AuthContext, id: string): Promise<AidApplicationRow> {
  const row = await findAidApplicationRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('帮扶申请');
  return row;
}

/** An application the caller can see (else 404), its row and its view without timeline (for abilities). */
export async function loadAidCase(ctx: AidContext, auth: AuthContext, id: string): Promise<{ row: AidApplicationRow; app: AidApplication }> {
  const row = await visibleAidRow(ctx, auth, id);
  return { row, app: await toDto(ctx, auth, row, false) };
}

/** Edits a draft or a returned application (the filer side only). */
export async function updateAidApplication(ctx: AidContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof updateAidApplicationBodySchema>): Promise<AidApplication> {
  const row = await visibleAidRow(ctx, auth, id);
  const inst = await instanceOf(ctx.db, id);
  const can = await workflowAbilities(ctx.db, aidWorkflow, auth, inst);
  if (!can.canEdit) throw inst.status === 'draft' || inst.status === 'returned' ? forbidden('只有申请人或代办工会可以修改') : conflict('审核中或已办结的申请不能修改', 'ILLEGAL_TRANSITION');
  const category = (body.category ?? row.category) as AidCategory;
  const amountFen = body.amountFen ?? row.amount_fen;
  if (body.campaignId || body.category) await checkCampaign(ctx.db, body.campaignId ?? row.campaign_id ?? undefined, category);
  await checkHousehold(ctx.db, auth, body.householdId, row.member_id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(aidApplications)
      .set({
        ...(body.category ? { category: body.category } : {}),
        ...(body.amountFen ? { amountFen: body.amountFen } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.householdId ? { householdId: body.householdId } : {}),
        ...(body.campaignId ? { campaignId: body.campaignId } : {}),
        ...(body.sensitiveConsent
          ? { sensitiveConsentAt: sql`coalesce(${aidApplications.sensitiveConsentAt}, now())`, sensitiveConsentVersion: sql`coalesce(${aidApplications.sensitiveConsentVersion}, ${SENSITIVE_CONSENT_VERSION})` }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(aidApplications.id, id));
    await updateCaseFacts(tx, inst, { amountFen, publicSummary: publicSummary(category, amountFen) });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'aid_application', objectId: id, detail: changeDetail({ category: row.category, amountFen: row.amount_fen, reason: row.reason, householdId: row.household_id, campaignId: row.campaign_id }, body, ['category', 'amountFen', 'reason', 'householdId', 'campaignId']) }, true);
  });
  return getAidApplication(ctx, auth, id);
}

/** submit / approve / reject / return / withdraw / reopen, with the aid rules on top of the chain's. */
export async function actOnAidApplication(ctx: AidContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof aidActionBodySchema>): Promise<AidApplication> {
  const row = await visibleAidRow(ctx, auth, id);
  // security.md 16: the worker's own application needs the consent (422 at apply); a staff filing records it
  // when the staff form ticks it (the form requires it), but api-contract.md's POST /aid/applications has no
  // consent field, so a contract client's submit is not refused: its application shows 未授权 to reviewers.
  await ctx.db.transaction(async (tx) => {
    const inst = await instanceOf(tx, id);
    if (body.approvedAmountFen !== undefined) {
      if (body.action !== 'approve') throw invalidField('approvedAmountFen', '核定金额只能在同意时填写');
      if (body.approvedAmountFen > row.amount_fen) throw invalidField('approvedAmountFen', `核定金额不能超过申请金额 ${yuan(row.amount_fen)} 元`);
    }
    if (body.action === 'approve' && inst.status === 'in_review' && inst.stepKey === 'district_review' && !row.home_visit) {
      throw invalidField('homeVisit', '复审前须完成入户调查记录,并由申请人签署收入核查授权书');
    }
    if (body.action === 'approve' && body.approvedAmountFen !== undefined) {
      await tx.update(aidApplications).set({ approvedAmountFen: body.approvedAmountFen, updatedAt: sql`now()` }).where(eq(aidApplications.id, id));
      await updateCaseFacts(tx, inst, { publicSummary: publicSummary(row.category as AidCategory, body.approvedAmountFen) });
    }
    const attachments = body.attachments?.length ? await checkAttachments(tx, id, body.attachments) : undefined;
    await actOnCase(tx, aidWorkflow, auth, actor, inst, { action: body.action, opinion: body.opinion, attachments });
  });
  return getAidApplication(ctx, auth, id);
}

/** 入户调查 record, with the applicant's signed income-check consent. */
export async function recordHomeVisit(ctx: AidContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof homeVisitBodySchema>): Promise<AidApplication> {
  const row = await visibleAidRow(ctx, auth, id);
  const dto = await toDto(ctx, auth, row, false);
  if (dto.status !== 'in_review') throw conflict('只有审核中的申请可以登记入户调查', 'ILLEGAL_TRANSITION');
  if (!dto.abilities.canRecordVisit) throw forbidden('您不能登记该申请的入户调查');
  const visit = { ...body, recordedBy: `${auth.user.name}(${auth.user.orgName})`, recordedAt: new Date().toISOString() };
  await ctx.db.transaction(async (tx) => {
    await tx.update(aidApplications).set({ homeVisit: visit, updatedAt: sql`now()` }).where(eq(aidApplications.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'aid_application', objectId: id, detail: { homeVisit: { before: row.home_visit, after: visit } } }, true);
  });
  return getAidApplication(ctx, auth, id);
}
