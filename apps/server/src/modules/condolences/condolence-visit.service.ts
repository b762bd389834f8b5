import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CONDOLENCE_CATEGORY_LABELS, fenToYuan, maskPhone, type Attachment, type CondolenceVisit, type CondolenceVisitBody, type condolenceVisitListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { payOnce } from '../../platform/ledger/ledger.service.js';
import { findMemberRow } from '../members/member.repository.js';
import { householdScope } from '../hardship-aid/household.repository.js';
import { modelWorkerVisitTarget } from '../honours/model-worker-visit.js';
import { condolenceVisits } from './condolence.schema.js';
import { categoriesOf, findPlanRow, type PlanRow } from './condolence-plan.repository.js';
import { planTitle, type CondolenceContext } from './condolence-plan.service.js';
import { countVisits, findVisitRow, visitRows, visitWhere, type VisitRow } from './condolence-visit.repository.js';

export const CONDOLENCE_VISIT_PAYOUT = 'condolence.visit';

export function visitDto(auth: AuthContext, r: VisitRow): CondolenceVisit {
  return {
    id: r.id,
    planId: r.plan_id,
    planTitle: planTitle({ org_name: r.plan_org_name, year: r.plan_year, occasion: r.plan_occasion as PlanRow['occasion'], occasion_name: r.plan_occasion_name }),
    orgId: r.org_id,
    orgName: r.org_name,
    target: r.target,
    memberId: r.member_id,
    householdId: r.household_id,
    modelWorkerId: r.model_worker_id,
    personName: r.person_name,
    personPhone: r.person_phone_masked,
    category: r.category,
    categoryLabel: CONDOLENCE_CATEGORY_LABELS[r.category],
    visitedOn: r.visited_on,
    place: r.place,
    visitors: r.visitors,
    goodsDescription: r.goods_description,
    goodsValueFen: r.goods_value_fen,
    moneyFen: r.money_fen,
    fundName: r.fund_name,
    payoutStatus: r.payout_status,
    note: r.note,
    photos: Array.isArray(r.photos) ? (r.photos as Attachment[]) : [],
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
    abilities: { canEditPhotos: auth.permissions.has('condolence:visit:record') },
  };
}

export async function getVisit(ctx: CondolenceContext, auth: AuthContext, id: string): Promise<CondolenceVisit> {
  const row = await findVisitRow(ctx.db, auth, id);
  if (!row) throw notFound('慰问记录');
  return visitDto(auth, row);
}

export async function listVisits(ctx: CondolenceContext, auth: AuthContext, q: z.infer<typeof condolenceVisitListQuerySchema>) {
  const where = visitWhere(auth, q);
  const rows = await visitRows(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize);
  const { total, moneyFen } = await countVisits(ctx.db, where);
  return { items: rows.map((r) => visitDto(auth, r)), total, page: q.page, pageSize: q.pageSize, moneyFen };
}

interface Target {
  orgId: string;
  memberId: string | null;
  householdId: string | null;
  modelWorkerId: string | null;
  name: string;
  phoneMasked: string | null;
  field: string;
}

/** Whom the visit reached; a 劳模 named on the visit must be one the recorder sees (a named 劳模 belongs to their union). */
async function resolveTarget(db: Db, auth: AuthContext, body: CondolenceVisitBody): Promise<Target> {
  const who = await resolveVisited(db, auth, body);
  return body.modelWorkerId ? { ...who, ...(await modelWorkerVisitTarget(db, auth, body, who.memberId)) } : who;
}

/** Whom the visit reached, as the recorder may see them: the visit belongs to their union (a named person: the recorder's). */
async function resolveVisited(db: Db, auth: AuthContext, body: CondolenceVisitBody): Promise<Target> {
  if (body.target === 'member') {
    const m = await findMemberRow(db, auth.scope, body.memberId!);
    if (!m) throw invalidField('memberId', '会员不存在或不在您的管理范围内');
    return { orgId: m.org_id, memberId: m.id, householdId: null, modelWorkerId: null, name: m.name, phoneMasked: null, field: 'memberId' };
  }
  if (body.target === 'household') {
    const [h] = await queryRows<{ id: string; org_id: string; head_member_id: string; name: string; status: string }>(
      db,
      sql`SELECT h.id, h.org_id, h.head_member_id, m.name, h.status FROM hardship_households h JOIN members m ON m.id = h.head_member_id WHERE h.id = ${body.householdId!} AND ${householdScope(auth.scope)}`,
    );
    if (!h || h.status === 'exited') throw invalidField('householdId', '困难职工档案不存在、已退出或不在您的管理范围内');
    return { orgId: h.org_id, memberId: h.head_member_id, householdId: h.id, modelWorkerId: null, name: h.name, phoneMasked: null, field: 'householdId' };
  }
  return { orgId: auth.user.orgId, memberId: null, householdId: null, modelWorkerId: null, name: body.personName ?? '', phoneMasked: body.personPhone ? maskPhone(body.personPhone) : null, field: 'personName' };
}

/** The rules of a visit under its plan, before anything is written (422 naming the field, 409 for the plan's state). */
async function checkVisit(db: Db, plan: PlanRow, body: CondolenceVisitBody, who: Target) {
  if (plan.status !== 'approved') throw conflict('只有已批准的送温暖计划可以登记慰问', 'PLAN_NOT_APPROVED');
  const cats = (await categoriesOf(db, [plan.id])).get(plan.id) ?? [];
  const cat = cats.find((c) => c.category === body.category);
  if (!cat) throw invalidField('category', `「${CONDOLENCE_CATEGORY_LABELS[body.category]}」不在本计划的慰问对象中(本计划:${cats.map((c) => CONDOLENCE_CATEGORY_LABELS[c.category]).join('、')})`);
  const [under] = await queryRows<{ ok: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM org_closure WHERE ancestor_id = ${plan.org_id} AND descendant_id = ${who.orgId}) AS ok`);
  if (!under?.ok) throw invalidField(who.field, `慰问对象不属于${plan.org_name}及其下级工会,不在本计划范围内`);
  if (body.visitedOn > shanghaiDate(new Date())) throw invalidField('visitedOn', '慰问日期不能晚于今天');
  if (body.moneyFen > cat.moneyPerHeadFen) throw invalidField('moneyFen', `慰问金不能超过本计划「${CONDOLENCE_CATEGORY_LABELS[cat.category]}」标准 ${fenToYuan(cat.moneyPerHeadFen)} 元/人`);
  if (body.moneyFen === 0) return;
  const [fund] = await queryRows<{ org_id: string; status: string }>(db, sql`SELECT org_id, status FROM funds WHERE id = ${body.fundId!}`);
  if (!fund || fund.org_id !== plan.org_id || fund.status !== 'active') throw invalidField('fundId', `请选择${plan.org_name}的在用资金`);
  if (who.memberId) {
    const [paid] = await queryRows<{ visited_on: string; org_name: string }>(
      db,
      sql`SELECT v.visited_on::text AS visited_on, o.name AS org_name FROM condolence_visits v JOIN orgs o ON o.id = v.org_id WHERE v.plan_id = ${plan.id} AND v.member_id = ${who.memberId} AND v.payout_id IS NOT NULL LIMIT 1`,
    );
    if (paid) throw conflict(`${who.name}已于 ${paid.visited_on} 在本计划中领取慰问金(${paid.org_name}),同一计划每人只发放一次`, 'ALREADY_PAID');
  }
}

/** The payee's card (the member, or the household's head), for the bank batch. */
async function payee(db: Db, memberId: string | null): Promise<{ enc: string | null; masked: string | null }> {
  if (!memberId) return { enc: null, masked: null };
  const [m] = await queryRows<{ bank_account_enc: string | null; bank_account_masked: string | null }>(db, sql`SELECT bank_account_enc, bank_account_masked FROM members WHERE id = ${memberId}`);
  return { enc: m?.bank_account_enc ?? null, masked: m?.bank_account_masked ?? null };
}

/**
 * Records a visit under an approved plan. Money is paid in the same transaction through the
 * ledger (once per person and plan: the business key), so it lands in the one benefits history
 * and the fund's balance; a fund without the balance refuses it and nothing is stored.
 */
export async function recordVisit(ctx: CondolenceContext, auth: AuthContext, actor: Actor, body: CondolenceVisitBody): Promise<CondolenceVisit> {
  const plan = await findPlanRow(ctx.db, auth, body.planId);
  if (!plan) throw invalidField('planId', '送温暖计划不存在或不在您的范围内');
  const who = await resolveTarget(ctx.db, auth, body);
  await checkVisit(ctx.db, plan, body, who);
  const account = body.moneyFen > 0 ? await payee(ctx.db, who.memberId) : { enc: null, masked: null };
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(condolenceVisits)
      .values({
        planId: plan.id,
        orgId: who.orgId,
        target: body.target,
        memberId: who.memberId,
        householdId: who.householdId,
        modelWorkerId: who.modelWorkerId,
        personName: who.name,
        personPhoneMasked: who.phoneMasked,
        category: body.category,
        visitedOn: body.visitedOn,
        place: body.place,
        visitors: body.visitors,
        goodsDescription: body.goodsDescription ?? null,
        goodsValueFen: body.goodsValueFen,
        moneyFen: body.moneyFen,
        fundId: body.moneyFen > 0 ? body.fundId! : null,
        note: body.note ?? null,
        recordedBy: auth.user.id,
        recordedByName: `${auth.user.name}(${auth.user.orgName})`,
      })
      .returning({ id: condolenceVisits.id });
    const visitId = row!.id;
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'condolence_visit', objectId: visitId, detail: { planId: plan.id, target: body.target, modelWorkerId: who.modelWorkerId, category: body.category, visitedOn: body.visitedOn, moneyFen: body.moneyFen, goodsValueFen: body.goodsValueFen } }, true);
    if (body.moneyFen > 0) {
      const { payout, replayed } = await payOnce(tx, {
        fundId: body.fundId!,
        businessType: CONDOLENCE_VISIT_PAYOUT,
        businessKey: who.memberId ? `${plan.id}:${who.memberId}` : `${plan.id}:visit:${visitId}`,
        programme: 'condolence',
        amountFen: body.moneyFen,
        memberId: who.memberId,
        householdId: who.householdId,
        orgId: who.orgId,
        payeeName: who.name,
        payeeAccountEnc: account.enc,
        payeeAccountMasked: account.masked,
        campaignId: null,
        description: `${planTitle(plan)}·${CONDOLENCE_CATEGORY_LABELS[body.category]}`,
        idempotencyKey: null,
        createdBy: auth.user.id,
      });
      if (replayed) throw conflict(`${who.name}已在本计划中领取慰问金,同一计划每人只发放一次`, 'ALREADY_PAID');
      await tx.update(condolenceVisits).set({ payoutId: payout.id }).where(eq(condolenceVisits.id, visitId));
      await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'condolence_visit', objectId: visitId, detail: { fundId: body.fundId, amountFen: body.moneyFen, payoutId: payout.id } }, true);
    }
    return visitId;
  });
  return getVisit(ctx, auth, id);
}
