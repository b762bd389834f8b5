import { eq, sql } from 'drizzle-orm';
import type { Contribution, ContributionBody, ContributionListQuery, ContributionPayerBody, ContributionPayment, ContributionUpdate, Page } from '@gonghui/contracts';
import type { DataScope } from '../../platform/access/data-scope.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { contributionFen, dueOn, monthIndex, periodOf } from './contribution-rules.js';
import { allocationRows, enterpriseInScope, findDeclarationRow, listDeclarationRows, type DeclarationRow } from './contribution.repository.js';
import { contributionDeclarations, contributionPayers } from './contribution.schema.js';
import { postSplit } from './contribution-split.service.js';
import { contributionTerms } from './finance-settings.service.js';

const today = (): string => shanghaiDate(new Date());

function view(auth: AuthContext, r: DeclarationRow, dueDay: number): Omit<Contribution, 'allocations'> {
  const manage = auth.permissions.has('finance:contribution:manage') && r.status === 'declared';
  const due = dueOn(r.period_month, dueDay);
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, creditCode: r.credit_code, unionOrgId: r.union_org_id, unionOrgName: r.union_org_name,
    districtName: r.district_name, period: periodOf(r.period_month), payrollFen: Number(r.payroll_fen), rateBp: r.rate_bp, amountFen: Number(r.amount_fen), status: r.status,
    dueOn: due, overdue: r.status === 'declared' && today() > due, declaredAt: r.declared_at, paidOn: r.paid_on, paymentReference: r.payment_reference, note: r.note,
    abilities: { edit: manage, confirmPayment: manage },
  };
}

export async function listContributions(db: Db, auth: AuthContext, q: ContributionListQuery): Promise<Page<Omit<Contribution, 'allocations'>>> {
  const [rows, terms] = await Promise.all([listDeclarationRows(db, auth.scope, q, q.page, q.pageSize), contributionTerms(db)]);
  return { items: rows.map((r) => view(auth, r, terms.dueDay)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getContribution(db: Db, auth: AuthContext, id: string): Promise<Contribution> {
  const r = await findDeclarationRow(db, auth.scope, id);
  if (!r) throw notFound('工会经费申报');
  const [terms, allocations] = await Promise.all([contributionTerms(db), allocationRows(db, id)]);
  return {
    ...view(auth, r, terms.dueDay),
    allocations: allocations.map((a) => ({ level: a.level as Contribution['allocations'][number]['level'], orgId: a.org_id, orgName: a.org_name, amountFen: Number(a.amount_fen), entryId: a.entry_id === null ? null : Number(a.entry_id) })),
  };
}

interface EnterpriseFact {
  id: string;
  name: string;
  union_org_id: string | null;
  status: string;
}

/** The enterprise in the caller's scope (404 otherwise), with a union (422 otherwise). */
async function payingEnterprise(db: Db, scope: DataScope, enterpriseId: string): Promise<EnterpriseFact & { union_org_id: string }> {
  const [e] = await queryRows<EnterpriseFact>(db, sql`SELECT e.id, e.name, e.union_org_id, e.status FROM enterprises e WHERE e.id = ${enterpriseId} AND ${enterpriseInScope(scope)}`);
  if (!e) throw notFound('企业');
  if (e.status !== 'active') throw invalidField('enterpriseId', '该企业已注销,不能申报工会经费');
  if (!e.union_org_id) throw invalidField('enterpriseId', '该企业尚未建立工会,不能申报工会经费');
  return { ...e, union_org_id: e.union_org_id };
}

function checkPeriod(period: string): number {
  const m = monthIndex(period);
  if (m > monthIndex(today().slice(0, 7))) throw invalidField('period', '所属月份不能晚于本月');
  if (m < monthIndex('2000-01')) throw invalidField('period', '所属月份不正确');
  return m;
}

/** 申报: the month's payroll and the 2% owed; the enterprise becomes a 拨缴单位 from this month if it was not one. */
export async function declareContribution(db: Db, auth: AuthContext, actor: Actor, b: ContributionBody): Promise<Contribution> {
  const month = checkPeriod(b.period);
  const e = await payingEnterprise(db, auth.scope, b.enterpriseId);
  const terms = await contributionTerms(db);
  const id = await db.transaction(async (tx) => {
    const [dup] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM contribution_declarations WHERE enterprise_id = ${e.id} AND period_month = ${month}`);
    if (dup) throw conflictField('period', `${e.name} ${b.period} 已申报,请修改原申报`);
    const amountFen = contributionFen(b.payrollFen, terms.rateBp);
    const [row] = await tx
      .insert(contributionDeclarations)
      .values({ enterpriseId: e.id, unionOrgId: e.union_org_id, periodMonth: month, payrollFen: b.payrollFen, rateBp: terms.rateBp, amountFen, note: b.note ?? null, declaredBy: auth.user.id })
      .returning({ id: contributionDeclarations.id });
    await tx.insert(contributionPayers).values({ enterpriseId: e.id, sinceMonth: month, createdBy: auth.user.id }).onConflictDoNothing();
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'contribution_declaration', objectId: row!.id, detail: { enterprise: e.name, period: b.period, payrollFen: b.payrollFen, amountFen } }, true);
    return row!.id;
  });
  return getContribution(db, auth, id);
}

async function lockDeclared(tx: Db, auth: AuthContext, id: string): Promise<DeclarationRow> {
  const r = await findDeclarationRow(tx, auth.scope, id, true);
  if (!r) throw notFound('工会经费申报');
  return r;
}

/** 更正申报: the payroll of a declaration not yet received. */
export async function updateContribution(db: Db, auth: AuthContext, actor: Actor, id: string, b: ContributionUpdate): Promise<Contribution> {
  await db.transaction(async (tx) => {
    const r = await lockDeclared(tx, auth, id);
    if (r.status !== 'declared') throw invalidField('payrollFen', '已拨缴的申报不能修改');
    const amountFen = contributionFen(b.payrollFen, r.rate_bp);
    await tx.update(contributionDeclarations).set({ payrollFen: b.payrollFen, amountFen, note: b.note ?? null, version: sql`${contributionDeclarations.version} + 1` }).where(eq(contributionDeclarations.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'contribution_declaration', objectId: id, detail: { before: { payrollFen: Number(r.payroll_fen) }, after: { payrollFen: b.payrollFen, amountFen } } }, true);
  });
  return getContribution(db, auth, id);
}

/**
 * 确认到账: 已申报 → 已拨缴 with the date and reference, and the split posted into the receiving
 * unions' accounts in the same transaction. A repeat confirm of a received declaration changes
 * nothing and returns it as it is.
 */
export async function confirmContributionPayment(db: Db, auth: AuthContext, actor: Actor, id: string, b: ContributionPayment): Promise<Contribution> {
  if (b.paidOn > today()) throw invalidField('paidOn', '到账日期不能晚于今天');
  await db.transaction(async (tx) => {
    const r = await lockDeclared(tx, auth, id);
    if (r.status === 'paid') return;
    if (b.paidOn < `${periodOf(r.period_month)}-01`) throw invalidField('paidOn', '到账日期不能早于所属月份');
    await tx.update(contributionDeclarations).set({ status: 'paid', paidOn: b.paidOn, paymentReference: b.reference, confirmedBy: auth.user.id, confirmedAt: new Date(), version: sql`${contributionDeclarations.version} + 1` }).where(eq(contributionDeclarations.id, id));
    const terms = await contributionTerms(tx);
    const parts = await postSplit(tx, { id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, unionOrgId: r.union_org_id, periodMonth: r.period_month, amountFen: Number(r.amount_fen) }, terms.shares, auth.user.id);
    await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'contribution_declaration', objectId: id, detail: { paidOn: b.paidOn, reference: b.reference, amountFen: Number(r.amount_fen), split: parts } }, true);
  });
  return getContribution(db, auth, id);
}

/** 纳入拨缴管理: an enterprise owes from `since` on (also before its first declaration). */
export async function enrolPayer(db: Db, auth: AuthContext, actor: Actor, b: ContributionPayerBody): Promise<{ enterpriseId: string; since: string }> {
  const month = checkPeriod(b.since);
  const e = await payingEnterprise(db, auth.scope, b.enterpriseId);
  await db.transaction(async (tx) => {
    const [was] = await tx.select({ sinceMonth: contributionPayers.sinceMonth }).from(contributionPayers).where(eq(contributionPayers.enterpriseId, e.id));
    await tx.insert(contributionPayers).values({ enterpriseId: e.id, sinceMonth: month, createdBy: auth.user.id }).onConflictDoUpdate({ target: contributionPayers.enterpriseId, set: { sinceMonth: month } });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'contribution_payer', objectId: e.id, detail: { enterprise: e.name, since: b.since, sinceMonth: { from: was?.sinceMonth ?? null, to: month } } }, true);
  });
  return { enterpriseId: e.id, since: b.since };
}
