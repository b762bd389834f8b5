import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { maskName, type ContestLevel, type CraftsmanContest, type CraftsmanNomination, type SkillContestLevel, type craftsmanActionBodySchema, type craftsmanNominationBodySchema, type craftsmanNominationListQuerySchema, type craftsmanNominationUpdateSchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { isLegal, type WorkflowStatus } from '../../platform/workflow/workflow-state.js';
import { actOnCase, createCase, updateCaseFacts, userActor, workflowAbilities } from '../../platform/workflow/workflow.service.js';
import { findMemberRow } from '../members/member.repository.js';
import { contestResultsOfMember } from '../innovations/skill-contest.service.js';
import { NOMINATING_KINDS, callRow, nominationOpen } from './craftsman-call.service.js';
import { assertEligible, craftsmanEligibility } from './craftsman-eligibility.js';
import { MIN_EXPERTS, craftsmanInstance, nominationView, stageCondition } from './craftsman-view.js';
import { craftsmanWorkflow } from './craftsman-workflow.js';
import { findNominationRow, listNominationRows, nominationScope, usedPlaces, type NominationRow } from './craftsman.repository.js';
import { craftsmanNominations, craftsmanQuotas } from './craftsman.schema.js';

type CreateBody = z.infer<typeof craftsmanNominationBodySchema>;
type UpdateBody = z.infer<typeof craftsmanNominationUpdateSchema>;

/** Experts (neither nominating nor approving) see submitted nominations only, never a union's drafts. */
const submittedOnly = (auth: AuthContext): SQL =>
  auth.permissions.has('honours:craftsman:nominate') || auth.permissions.has('honours:craftsman:approve') ? sql`true` : sql`w.status NOT IN ('draft','returned','withdrawn')`;

export async function visibleNomination(db: Db, auth: AuthContext, id: string): Promise<NominationRow> {
  const row = await findNominationRow(db, auth.scope, id, submittedOnly(auth));
  if (!row) throw notFound('杭州工匠推荐');
  return row;
}

export async function getNomination(db: Db, auth: AuthContext, id: string): Promise<CraftsmanNomination> {
  return nominationView(db, auth, await visibleNomination(db, auth, id), true);
}

export async function listNominations(db: Db, auth: AuthContext, q: z.infer<typeof craftsmanNominationListQuerySchema>) {
  const conds: SQL[] = [nominationScope(auth.scope), submittedOnly(auth)];
  if (q.callId) conds.push(sql`n.call_id = ${q.callId}`);
  if (q.stage) conds.push(stageCondition(q.stage));
  if (q.q) conds.push(sql`(m.name LIKE ${`%${q.q.replace(/[%_\\]/g, '\\$&')}%`} OR n.trade LIKE ${`%${q.q.replace(/[%_\\]/g, '\\$&')}%`})`);
  const { rows, total } = await listNominationRows(db, sql.join(conds, sql` AND `), q.page, q.pageSize);
  const items: CraftsmanNomination[] = [];
  for (const r of rows) items.push(await nominationView(db, auth, r, false));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Eligibility of a nominee's registry record with these declarations (422 naming every failed rule). */
function checkEligible(member: { status: string; frontline: boolean }, b: Omit<CreateBody, 'callId' | 'memberId'>): void {
  assertEligible(craftsmanEligibility({ memberStatus: member.status, frontline: member.frontline, ...b }, shanghaiDate(new Date())));
}

/** The union's quota in the call, locked for the transaction: 409 when it has none or it is used up. */
async function checkQuota(tx: Db, callId: string, orgId: string, orgName: string, including: boolean): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`craftsman-quota:${callId}:${orgId}`}))`);
  const [quota] = await tx.select().from(craftsmanQuotas).where(sql`${craftsmanQuotas.callId} = ${callId} AND ${craftsmanQuotas.orgId} = ${orgId}`);
  if (!quota || quota.places === 0) throw conflict(`${orgName}未获分配本年度杭州工匠推荐名额`, 'QUOTA_EXCEEDED');
  const used = await usedPlaces(tx, callId, orgId);
  if (used + (including ? 0 : 1) > quota.places) throw conflict(`${orgName}的推荐名额已用完(名额 ${quota.places} 名,已推荐 ${used} 名)`, 'QUOTA_EXCEEDED');
}

/** A district/county or industry union nominates one of its members while the call is open. */
export async function createNomination(db: Db, auth: AuthContext, actor: Actor, b: CreateBody): Promise<CraftsmanNomination> {
  return getNomination(db, auth, await insertNomination(db, auth, actor, b));
}

/** The nomination's rules and row (its id), without the answer. */
export async function insertNomination(db: Db, auth: AuthContext, actor: Actor, b: CreateBody): Promise<string> {
  const [org] = await queryRows<{ kind: string }>(db, sql`SELECT kind FROM orgs WHERE id = ${auth.user.orgId}`);
  if (!NOMINATING_KINDS.includes(org?.kind ?? '')) throw forbidden('杭州工匠由区县(市)总工会或产业工会推荐', 'NOT_NOMINATING_UNION');
  const c = await callRow(db, b.callId);
  if (!nominationOpen(c)) throw conflict(`“${c.title}”不在推荐期内(${c.nominationStartsOn} 至 ${c.nominationEndsOn})`, 'CALL_CLOSED');
  const m = await findMemberRow(db, auth.scope, b.memberId);
  if (!m) throw invalidField('memberId', '会员不存在或不在您的管理范围内');
  const { callId, memberId, ...facts } = b;
  checkEligible(m, facts);
  try {
    return await db.transaction(async (tx) => {
      await checkQuota(tx, callId, auth.user.orgId, auth.user.orgName, false);
      const [row] = await tx
        .insert(craftsmanNominations)
        .values({ callId, memberId, nominatingOrgId: auth.user.orgId, ...facts, createdBy: auth.user.id })
        .returning({ id: craftsmanNominations.id });
      const nid = row!.id;
      await createCase(tx, craftsmanWorkflow, { businessId: nid, orgId: auth.user.orgId, amountFen: 0, publicName: maskName(m.name), publicSummary: `${c.year}年度杭州工匠候选人 · ${facts.trade} · ${facts.employerName}` }, userActor(auth));
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'craftsman_nomination', objectId: nid, detail: { callId, memberId, trade: facts.trade } }, true);
      return nid;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'craftsman_nominations_member_unique')) throw conflictField('memberId', `${m.name}已被推荐参加本年度评选`);
    throw e;
  }
}

/** Edits a draft or returned nomination (the nominating union); the rules are checked again on the result. */
export async function updateNomination(db: Db, auth: AuthContext, actor: Actor, id: string, b: UpdateBody): Promise<CraftsmanNomination> {
  const r = await visibleNomination(db, auth, id);
  const inst = await craftsmanInstance(db, id);
  const can = await workflowAbilities(db, craftsmanWorkflow, auth, inst);
  if (!can.canEdit) throw inst.status === 'draft' || inst.status === 'returned' ? forbidden('只有推荐单位可以修改') : conflict('评审中或已办结的推荐不能修改', 'ILLEGAL_TRANSITION');
  const facts = {
    trade: b.trade ?? r.trade,
    employerName: b.employerName ?? r.employer_name,
    employedInHangzhou: b.employedInHangzhou ?? r.employed_in_hangzhou,
    tradeStartedOn: b.tradeStartedOn ?? r.trade_started_on,
    hangzhouFullTimeSince: b.hangzhouFullTimeSince ?? r.hangzhou_full_time_since,
    contestResults: b.contestResults ?? r.contest_results,
    deeds: b.deeds ?? r.deeds,
  };
  checkEligible({ status: r.member_status, frontline: r.frontline }, facts);
  const old = { trade: r.trade, employerName: r.employer_name, employedInHangzhou: r.employed_in_hangzhou, tradeStartedOn: r.trade_started_on, hangzhouFullTimeSince: r.hangzhou_full_time_since, contestResults: r.contest_results, deeds: r.deeds };
  await db.transaction(async (tx) => {
    await tx.update(craftsmanNominations).set({ ...facts, updatedAt: sql`now()` }).where(eq(craftsmanNominations.id, id));
    await updateCaseFacts(tx, inst, { publicSummary: `${r.call_year}年度杭州工匠候选人 · ${facts.trade} · ${facts.employerName}` });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'craftsman_nomination', objectId: id, detail: changeDetail(old, facts) }, true);
  });
  return getNomination(db, auth, id);
}

/** The leading group's decision within the call's places (杭州工匠 and 提名奖 counted apart). */
async function recordDecision(tx: Db, r: NominationRow, decision: 'craftsman' | 'nominee'): Promise<void> {
  const c = await callRow(tx, r.call_id);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`craftsman-decision:${r.call_id}`}))`);
  const [n] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM craftsman_nominations n JOIN workflow_instances w ON w.business_type = 'honours.craftsman' AND w.business_id = n.id
        WHERE n.call_id = ${r.call_id} AND n.decision = ${decision} AND n.id <> ${r.id} AND w.status IN ('in_review','publicity','approved')`,
  );
  const places = decision === 'craftsman' ? c.totalPlaces : c.nomineePlaces;
  if ((n?.n ?? 0) >= places) throw conflict(`${decision === 'craftsman' ? '杭州工匠' : '提名奖'}名额已满(${places} 名)`, 'QUOTA_EXCEEDED');
  await tx.update(craftsmanNominations).set({ decision, decidedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(craftsmanNominations.id, r.id));
}

/** submit / approve (综合评审 closed, or the leading group's decision) / reject (not selected) / return / withdraw / reopen. */
export async function actOnNomination(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof craftsmanActionBodySchema>): Promise<CraftsmanNomination> {
  await applyNominationAction(db, auth, actor, id, b);
  return getNomination(db, auth, id);
}

/** The action with the nomination's rules on top of the chain's, without the answer. */
export async function applyNominationAction(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof craftsmanActionBodySchema>): Promise<void> {
  const r = await visibleNomination(db, auth, id);
  if (b.decision && !(b.action === 'approve')) throw invalidField('decision', '审定结果只能在同意时填写');
  await db.transaction(async (tx) => {
    const inst = await craftsmanInstance(tx, id);
    if (b.action === 'submit' && isLegal(inst.status as WorkflowStatus, 'submit')) {
      const c = await callRow(tx, r.call_id);
      if (!nominationOpen(c)) throw conflict(`“${c.title}”不在推荐期内,不能提交`, 'CALL_CLOSED');
      checkEligible({ status: r.member_status, frontline: r.frontline }, { trade: r.trade, employerName: r.employer_name, employedInHangzhou: r.employed_in_hangzhou, tradeStartedOn: r.trade_started_on, hangzhouFullTimeSince: r.hangzhou_full_time_since, contestResults: r.contest_results, deeds: r.deeds });
      if (r.evidence.length === 0) throw invalidField('evidence', '请先上传推荐材料(证书、获奖证明等)');
      await checkQuota(tx, r.call_id, r.nominating_org_id, r.nominating_org_name, true);
    }
    if (b.action === 'approve' && inst.status === 'in_review' && inst.stepKey === 'review' && r.score_totals.length < MIN_EXPERTS) {
      throw conflict(`至少须${MIN_EXPERTS}位专家评分后才能提交领导小组审定(现有${r.score_totals.length}位)`, 'NOT_SCORED');
    }
    if (b.action === 'approve' && inst.status === 'in_review' && inst.stepKey === 'decision') {
      if (!b.decision) throw invalidField('decision', '请选择审定结果:杭州工匠或提名奖');
      await recordDecision(tx, r, b.decision);
      await updateCaseFacts(tx, inst, { publicSummary: `拟认定${r.call_year}年度${b.decision === 'craftsman' ? '杭州工匠' : '杭州工匠提名奖'} · ${r.trade} · ${r.employer_name}` });
    }
    await actOnCase(tx, craftsmanWorkflow, auth, actor, inst, { action: b.action, opinion: b.opinion });
  });
}

/** The 技能比武 levels a 杭州工匠 nomination counts (enterprise and district contests do not). */
const CONTEST_LEVEL_OF: Partial<Record<SkillContestLevel, ContestLevel>> = { world: 'world', national: 'national', province: 'provincial', city: 'city' };

/**
 * A member's results in the registry's 技能比武 as nomination contest results (best first), to
 * pre-fill the form: the union still checks them and may add contests held elsewhere.
 */
export async function registryContestResults(db: Db, auth: AuthContext, memberId: string): Promise<CraftsmanContest[]> {
  if (!(await findMemberRow(db, auth.scope, memberId))) throw notFound('会员');
  return (await contestResultsOfMember(db, memberId)).flatMap((r) => {
    const level = CONTEST_LEVEL_OF[r.level];
    return level ? [{ name: r.contestName, level, rank: r.rank, year: r.year }] : [];
  });
}
