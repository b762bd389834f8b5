import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  MUTUAL_AID_CONSENT_VERSION,
  MUTUAL_AID_PART_LABELS,
  fenToYuan,
  maskName,
  type MutualAidClaim,
  type MutualAidFilerType,
  type MutualAidPart,
  type applyMutualAidClaimBodySchema,
  type createMutualAidClaimBodySchema,
  type mutualAidClaimActionBodySchema,
  type updateMutualAidClaimBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField } from '../../platform/http/app-error.js';
import { actOnCase, createCase, updateCaseFacts, userActor, workflowAbilities } from '../../platform/workflow/workflow.service.js';
import { findMemberRow } from '../members/member.repository.js';
import type { MutualAidContext } from './mutual-aid-period.service.js';
import { checkInvoicesFree, coverageFor, invoiceRaceError, nextClaimNo, payoutFor, saveInvoices, storePayout, type ClaimFacts, type Coverage } from './mutual-aid-claim-rules.js';
import { claimInvoices, type ClaimRow } from './mutual-aid-claim.repository.js';
import { claimInstance, getClaim, visibleClaimRow } from './mutual-aid-claim.service.js';
import { mutualAidWorkflow } from './mutual-aid-workflow.js';

interface ClaimMember {
  id: string;
  name: string;
  gender: string;
  status: string;
  org_id: string;
}

interface Filer {
  type: MutualAidFilerType;
  name: string;
  relation: string | null;
}

const summary = (part: MutualAidPart, fen: number) => `${MUTUAL_AID_PART_LABELS[part]} ${fenToYuan(fen)} 元`;

async function memberById(db: Db, id: string): Promise<ClaimMember | null> {
  const [m] = await queryRows<ClaimMember>(db, sql`SELECT id, name, gender, status, org_id FROM members WHERE id = ${id}`);
  return m ?? null;
}

async function insertClaim(tx: Db, auth: AuthContext, actor: Actor, member: ClaimMember, cov: Coverage, f: ClaimFacts, filer: Filer): Promise<string> {
  const claimNo = await nextClaimNo(tx, cov.period.year);
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO mutual_aid_claims (claim_no, period_id, enrolment_id, member_id, org_id, part, hospital, admission_date, discharge_date, diagnosis, filer_type, filer_name, filer_relation, filed_by,
          sensitive_consent_version, sensitive_consent_at)
        VALUES (${claimNo}, ${cov.period.id}, ${cov.enrolmentId}, ${member.id}, ${member.org_id}, ${f.part}, ${f.hospital}, ${f.admissionDate}::date, ${f.dischargeDate ?? null}::date,
          ${f.diagnosis}, ${filer.type}, ${filer.name}, ${filer.relation}, ${auth.user.id}, ${MUTUAL_AID_CONSENT_VERSION}, now()) RETURNING id`,
  );
  const id = row!.id;
  await saveInvoices(tx, id, f.invoices);
  const payout = await payoutFor(tx, cov, f, id);
  await storePayout(tx, id, payout);
  await createCase(tx, mutualAidWorkflow, { businessId: id, orgId: member.org_id, amountFen: payout.amountFen, publicName: maskName(member.name), publicSummary: summary(f.part, payout.amountFen) }, userActor(auth));
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'mutual_aid_claim', objectId: id, detail: { claimNo, memberId: member.id, part: f.part, filerType: filer.type, invoices: f.invoices.length, computedFen: payout.amountFen } }, true);
  return id;
}

/** Files a claim: invoices checked first (422 naming the earlier claim), the unique index settles races the same way. */
async function fileClaim(ctx: MutualAidContext, auth: AuthContext, actor: Actor, member: ClaimMember, f: ClaimFacts, filer: Filer, submit: boolean): Promise<MutualAidClaim> {
  const cov = await coverageFor(ctx.db, member, f);
  await checkInvoicesFree(ctx.db, f.invoices, null);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const newId = await insertClaim(tx, auth, actor, member, cov, f, filer);
      if (submit) await enterReviewInTx(tx, auth, actor, newId, member, f);
      return newId;
    });
  } catch (e) {
    throw await invoiceRaceError(ctx.db, e, f.invoices, null);
  }
  return getClaim(ctx, auth, id);
}

/** Staff file on a member's behalf (为他人申请): a draft, the filer and their relation recorded. */
export async function createClaim(ctx: MutualAidContext, auth: AuthContext, actor: Actor, body: z.infer<typeof createMutualAidClaimBodySchema>): Promise<MutualAidClaim> {
  const m = await findMemberRow(ctx.db, auth.scope, body.memberId);
  const member = m ? await memberById(ctx.db, m.id) : null;
  if (!member) throw invalidField('memberId', '会员不存在或不在您的管理范围内');
  const self = auth.user.memberId === member.id;
  const filer: Filer = self ? { type: 'self', name: member.name, relation: null } : { type: 'staff', name: `${auth.user.name}(${auth.user.orgName})`, relation: body.filerRelation ?? '工会工作人员' };
  const { memberId: _m, filerRelation: _r, sensitiveConsent: _c, ...facts } = body;
  return fileClaim(ctx, auth, actor, member, facts, filer, false);
}

/** The member on H5, for themself or by a family member through their account: submitted at once unless `submit: false`. */
export async function applyClaim(ctx: MutualAidContext, auth: AuthContext, actor: Actor, body: z.infer<typeof applyMutualAidClaimBodySchema>): Promise<MutualAidClaim> {
  if (!auth.user.memberId) throw forbidden('您的账号未关联会员档案,请联系所在工会', 'NOT_A_MEMBER');
  const member = await memberById(ctx.db, auth.user.memberId);
  if (!member) throw forbidden('您的账号未关联会员档案,请联系所在工会', 'NOT_A_MEMBER');
  const { filerType, familyName, familyRelation, submit, sensitiveConsent: _c, ...facts } = body;
  const filer: Filer = filerType === 'family' ? { type: 'family', name: familyName ?? '', relation: familyRelation ?? null } : { type: 'self', name: member.name, relation: null };
  return fileClaim(ctx, auth, actor, member, facts, filer, submit !== false);
}

const factsOf = async (db: Db, row: ClaimRow): Promise<ClaimFacts> => ({
  part: row.part as MutualAidPart,
  hospital: row.hospital,
  admissionDate: row.admission_date,
  dischargeDate: row.discharge_date,
  diagnosis: row.diagnosis,
  invoices: (await claimInvoices(db, row.id)).map((i) => ({ invoiceNo: i.invoice_no, invoiceDate: i.invoice_date, totalFen: i.total_fen, selfPayFen: i.self_pay_fen })),
});

/**
 * Submit (and reopen): under a lock of the member's enrolment, coverage is checked again and the
 * payout computed against what the member's other claims hold now, so two claims entering review
 * at once cannot both use the same remaining cap.
 */
async function enterReviewInTx(tx: Db, auth: AuthContext, actor: Actor, id: string, member: ClaimMember, f: ClaimFacts, action: 'submit' | 'reopen' = 'submit', opinion?: string): Promise<void> {
  const cov = await coverageFor(tx, member, f);
  await tx.execute(sql`SELECT id FROM mutual_aid_enrolments WHERE id = ${cov.enrolmentId} FOR UPDATE`);
  const payout = await payoutFor(tx, cov, f, id);
  await storePayout(tx, id, payout);
  const inst = await claimInstance(tx, id);
  await updateCaseFacts(tx, inst, { amountFen: payout.amountFen, publicSummary: summary(f.part, payout.amountFen) });
  await actOnCase(tx, mutualAidWorkflow, auth, actor, { ...inst, amountFen: payout.amountFen }, { action, opinion });
}

/** Edits a draft or returned claim (the filer side); the payout is computed again. */
export async function updateClaim(ctx: MutualAidContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof updateMutualAidClaimBodySchema>): Promise<MutualAidClaim> {
  const row = await visibleClaimRow(ctx.db, auth, id);
  const inst = await claimInstance(ctx.db, id);
  const can = await workflowAbilities(ctx.db, mutualAidWorkflow, auth, inst);
  if (!can.canEdit) throw inst.status === 'draft' || inst.status === 'returned' ? forbidden('只有申请人或代办工会可以修改') : conflict('审核中或已办结的申请不能修改', 'ILLEGAL_TRANSITION');
  const was = await factsOf(ctx.db, row);
  const f: ClaimFacts = { ...was, ...body };
  const member = (await memberById(ctx.db, row.member_id))!;
  const cov = await coverageFor(ctx.db, member, f);
  if (cov.period.id !== row.period_id) throw invalidField('admissionDate', '不能把申请改到另一个保障年度,请另行申请');
  if (body.invoices) await checkInvoicesFree(ctx.db, f.invoices, id);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE mutual_aid_claims SET part = ${f.part}, hospital = ${f.hospital}, admission_date = ${f.admissionDate}::date,
          discharge_date = ${f.dischargeDate ?? null}::date, diagnosis = ${f.diagnosis}, updated_at = now() WHERE id = ${id}`);
      if (body.invoices) await saveInvoices(tx, id, f.invoices);
      const payout = await payoutFor(tx, cov, f, id);
      await storePayout(tx, id, payout);
      await updateCaseFacts(tx, inst, { amountFen: payout.amountFen, publicSummary: summary(f.part, payout.amountFen) });
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'mutual_aid_claim', objectId: id, detail: { ...changeDetail(was, body), computedFen: payout.amountFen } }, true);
    });
  } catch (e) {
    throw await invoiceRaceError(ctx.db, e, f.invoices, id);
  }
  return getClaim(ctx, auth, id);
}

/** submit / reopen (payout computed again) / approve / reject / return / withdraw on the claim's workflow. */
export async function actOnClaim(ctx: MutualAidContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof mutualAidClaimActionBodySchema>): Promise<MutualAidClaim> {
  const row = await visibleClaimRow(ctx.db, auth, id);
  const action = body.action;
  if (action === 'submit' || action === 'reopen') {
    const f = await factsOf(ctx.db, row);
    const member = (await memberById(ctx.db, row.member_id))!;
    const inst = await claimInstance(ctx.db, id);
    const can = await workflowAbilities(ctx.db, mutualAidWorkflow, auth, inst);
    const allowed = action === 'submit' ? can.canSubmit : can.canReopen;
    // the workflow answers illegal transitions, missing opinions and foreign steps before coverage is looked at
    if (allowed && !(action === 'reopen' && !body.opinion?.trim())) await coverageFor(ctx.db, member, f);
    await ctx.db.transaction(async (tx) => {
      if (allowed) await enterReviewInTx(tx, auth, actor, id, member, f, action, body.opinion);
      else await actOnCase(tx, mutualAidWorkflow, auth, actor, inst, { action, opinion: body.opinion });
    });
  } else {
    await ctx.db.transaction(async (tx) => actOnCase(tx, mutualAidWorkflow, auth, actor, await claimInstance(tx, id), { action, opinion: body.opinion }));
  }
  return getClaim(ctx, auth, id);
}
