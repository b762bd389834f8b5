import { eq, sql } from 'drizzle-orm';
import { WAGE_CONTRACT_STATUS_LABELS, type Page, type WageContract, type WageContractBody, type WageContractListItem, type WageContractListQuery, type WageFilingBody, type WageRoundBody, type WageVoteBody } from '@gonghui/contracts';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { coveredEnterprises, findWageContractRow, listWageContractRows, type WageContractRow } from './wage-contract.repository.js';
import { wageContractEnterprises, wageContracts, wageRounds, wageVotes } from './wage-contract.schema.js';
import { checkTerm, checkVoteCounts, phaseOf, renewalFrom, voteOutcome } from './wage-rules.js';

const today = (): string => shanghaiDate(new Date());

const listItem = (r: WageContractRow, day: string): WageContractListItem => ({
  id: r.id,
  kind: r.kind,
  contractType: r.contract_type,
  title: r.title,
  orgId: r.org_id,
  orgName: r.org_name,
  districtName: r.district_name,
  enterpriseCount: r.enterprise_count,
  firstEnterpriseName: r.first_enterprise_name,
  termStart: r.term_start,
  termEnd: r.term_end,
  status: r.status,
  phase: phaseOf({ status: r.status, termStart: r.term_start, termEnd: r.term_end }, day),
  wageIncreaseBp: r.wage_increase_bp,
  minimumWageFen: Number(r.minimum_wage_fen),
  workersCovered: r.workers_covered,
  filedOn: r.filed_on,
  renewedById: r.renewed_by_id,
});

export async function listWageContracts(db: Db, auth: AuthContext, q: WageContractListQuery): Promise<Page<WageContractListItem>> {
  const day = today();
  const rows = await listWageContractRows(db, auth.scope, q, day, q.page, q.pageSize);
  return { items: rows.map((r) => listItem(r, day)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

async function load(db: Db, auth: AuthContext, id: string, lock = false): Promise<WageContractRow> {
  const row = await findWageContractRow(db, auth.scope, id, lock);
  if (!row) throw notFound('集体合同');
  return row;
}

function abilities(auth: AuthContext, r: WageContractRow, day: string): WageContract['abilities'] {
  const manage = r.manages && auth.permissions.has('wage:contract:manage');
  return {
    edit: manage && r.status === 'negotiating',
    addRound: manage && r.status === 'negotiating',
    vote: manage && r.status === 'negotiating',
    file: manage && r.status === 'passed',
    renew: manage && r.status === 'filed' && r.renewed_by_id === null && day >= renewalFrom(r.term_end),
  };
}

export async function getWageContract(db: Db, auth: AuthContext, id: string): Promise<WageContract> {
  const r = await load(db, auth, id);
  const day = today();
  const [ents, rounds, votes] = await Promise.all([
    coveredEnterprises(db, id),
    db.select().from(wageRounds).where(eq(wageRounds.contractId, id)).orderBy(wageRounds.roundNo),
    db.select().from(wageVotes).where(eq(wageVotes.contractId, id)).orderBy(wageVotes.createdAt),
  ]);
  return {
    ...listItem(r, day),
    area: r.area,
    employerRepresentative: r.employer_representative,
    unionRepresentative: r.union_representative,
    note: r.note,
    bureau: r.bureau,
    filingReference: r.filing_reference,
    predecessorId: r.predecessor_id,
    enterprises: ents.map((e) => ({ id: e.id, name: e.name, creditCode: e.credit_code, employeeCount: e.employee_count })),
    rounds: rounds.map((x) => ({ id: x.id, roundNo: x.roundNo, heldOn: x.heldOn, place: x.place, topics: x.topics, outcome: x.outcome, recordedBy: x.recordedBy })),
    votes: votes.map((v) => ({ id: v.id, heldOn: v.heldOn, body: v.body as 'congress' | 'assembly', representatives: v.representatives, present: v.present, votesFor: v.votesFor, votesAgainst: v.votesAgainst, ...voteOutcome(v) })),
    abilities: abilities(auth, r, day),
  };
}

interface EnterpriseFact {
  id: string;
  union_org_id: string | null;
  in_subtree: boolean;
}

/**
 * The negotiating union and the covered enterprises: the union is in the caller's scope; every
 * enterprise is in its subtree; an enterprise contract names one unionised enterprise, whose union
 * negotiates unless another is given.
 */
async function resolveParties(db: Db, auth: AuthContext, b: WageContractBody): Promise<string> {
  const ids = [...new Set(b.enterpriseIds)];
  if (b.kind === 'enterprise' && ids.length !== 1) throw invalidField('enterpriseIds', '企业集体合同只能覆盖一家企业');
  const [first] = await queryRows<{ union_org_id: string | null }>(db, sql`SELECT union_org_id FROM enterprises WHERE id = ${ids[0]!} AND status = 'active'`);
  const orgId = b.orgId ?? (b.kind === 'enterprise' ? first?.union_org_id : auth.user.orgId) ?? null;
  if (!orgId) throw invalidField('enterpriseIds', '该企业尚未建立工会,不能签订企业集体合同');
  if (!(await scopeIncludesOrg(db, auth.scope, orgId))) throw invalidField('orgId', '签约工会不在您的管理范围内');
  const facts = await queryRows<EnterpriseFact>(
    db,
    sql`SELECT e.id, e.union_org_id, EXISTS (SELECT 1 FROM org_closure oc WHERE oc.ancestor_id = ${orgId}::uuid AND oc.descendant_id = e.org_id) AS in_subtree
        FROM enterprises e WHERE e.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) AND e.status = 'active'`,
  );
  const byId = new Map(facts.map((f) => [f.id, f]));
  const index = ids.findIndex((id) => !byId.get(id)?.in_subtree);
  if (index >= 0) throw invalidField(`enterpriseIds.${index}`, byId.has(ids[index]!) ? '该企业不在签约工会的组织范围内' : '企业不存在或已注销');
  if (b.kind === 'enterprise' && !byId.get(ids[0]!)?.union_org_id) throw invalidField('enterpriseIds', '该企业尚未建立工会,不能签订企业集体合同');
  return orgId;
}

const columns = (b: WageContractBody) => ({
  kind: b.kind,
  contractType: b.contractType,
  title: b.title,
  area: b.area ?? null,
  employerRepresentative: b.employerRepresentative,
  unionRepresentative: b.unionRepresentative,
  termStart: b.termStart,
  termEnd: b.termEnd,
  wageIncreaseBp: b.wageIncreaseBp,
  minimumWageFen: b.minimumWageFen,
  workersCovered: b.workersCovered,
  note: b.note ?? null,
});

export async function createWageContract(db: Db, auth: AuthContext, actor: Actor, b: WageContractBody, predecessorId: string | null = null): Promise<WageContract> {
  checkTerm(b.termStart, b.termEnd);
  const orgId = await resolveParties(db, auth, b);
  const id = await db.transaction(async (tx) => {
    if (predecessorId) await tx.execute(sql`SELECT id FROM wage_contracts WHERE id = ${predecessorId} FOR UPDATE`);
    const [renewed] = predecessorId ? await queryRows<{ id: string }>(tx, sql`SELECT id FROM wage_contracts WHERE predecessor_id = ${predecessorId}`) : [];
    if (renewed) throw conflict('该合同已发起续签', 'ILLEGAL_TRANSITION');
    const [row] = await tx.insert(wageContracts).values({ ...columns(b), orgId, predecessorId, createdBy: auth.user.id }).returning({ id: wageContracts.id });
    await tx.insert(wageContractEnterprises).values([...new Set(b.enterpriseIds)].map((enterpriseId) => ({ contractId: row!.id, enterpriseId })));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'wage_contract', objectId: row!.id, detail: { title: b.title, kind: b.kind, enterprises: b.enterpriseIds.length, renews: predecessorId } }, true);
    return row!.id;
  });
  return getWageContract(db, auth, id);
}

/** Runs a change on a contract the caller negotiates, in the status it must be in (409 otherwise). */
async function change(db: Db, auth: AuthContext, id: string, status: WageContractRow['status'], what: string, run: (tx: Db, r: WageContractRow) => Promise<void>): Promise<WageContract> {
  await db.transaction(async (tx) => {
    const r = await load(tx, auth, id, true);
    if (!r.manages) throw notFound('集体合同');
    if (r.status !== status) throw conflict(`合同当前为「${WAGE_CONTRACT_STATUS_LABELS[r.status]}」,不能${what}`, 'ILLEGAL_TRANSITION');
    await run(tx, r);
  });
  return getWageContract(db, auth, id);
}

export async function updateWageContract(db: Db, auth: AuthContext, actor: Actor, id: string, b: WageContractBody): Promise<WageContract> {
  if (!(await load(db, auth, id)).manages) throw notFound('集体合同');
  checkTerm(b.termStart, b.termEnd);
  const orgId = await resolveParties(db, auth, b);
  return change(db, auth, id, 'negotiating', '修改', async (tx) => {
    const [old] = await tx.select().from(wageContracts).where(eq(wageContracts.id, id));
    await tx.update(wageContracts).set({ ...columns(b), orgId, version: sql`${wageContracts.version} + 1`, updatedAt: new Date() }).where(eq(wageContracts.id, id));
    await tx.delete(wageContractEnterprises).where(eq(wageContractEnterprises.contractId, id));
    await tx.insert(wageContractEnterprises).values([...new Set(b.enterpriseIds)].map((enterpriseId) => ({ contractId: id, enterpriseId })));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'wage_contract', objectId: id, detail: { ...changeDetail(old!, { ...columns(b), orgId }), enterprises: b.enterpriseIds.length } }, true);
  });
}

export async function addWageRound(db: Db, auth: AuthContext, actor: Actor, id: string, b: WageRoundBody): Promise<WageContract> {
  if (b.heldOn > today()) throw invalidField('heldOn', '协商日期不能晚于今天');
  return change(db, auth, id, 'negotiating', '记录协商', async (tx) => {
    const [n] = await queryRows<{ next: number }>(tx, sql`SELECT coalesce(max(round_no), 0)::int + 1 AS next FROM wage_rounds WHERE contract_id = ${id}`);
    await tx.insert(wageRounds).values({ contractId: id, roundNo: n!.next, ...b, recordedBy: auth.user.name });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'wage_round', objectId: id, detail: { round: n!.next, heldOn: b.heldOn } }, true);
  });
}

/** The vote on the draft: recorded whatever the outcome; the contract passes only by the rule. */
export async function recordWageVote(db: Db, auth: AuthContext, actor: Actor, id: string, b: WageVoteBody): Promise<WageContract> {
  checkVoteCounts(b);
  if (b.heldOn > today()) throw invalidField('heldOn', '表决日期不能晚于今天');
  const outcome = voteOutcome(b);
  return change(db, auth, id, 'negotiating', '表决', async (tx) => {
    const [rounds] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM wage_rounds WHERE contract_id = ${id}`);
    if ((rounds?.n ?? 0) === 0) throw conflict('尚无协商记录:草案须经至少一轮协商后才能提交职工代表大会表决', 'ILLEGAL_TRANSITION');
    await tx.insert(wageVotes).values({ contractId: id, ...b, passed: outcome.passed, createdBy: auth.user.id });
    if (outcome.passed) await tx.update(wageContracts).set({ status: 'passed', version: sql`${wageContracts.version} + 1`, updatedAt: new Date() }).where(eq(wageContracts.id, id));
    await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'wage_contract', objectId: id, detail: { vote: { ...b }, passed: outcome.passed, reason: outcome.reason } }, true);
  });
}

export async function fileWageContract(db: Db, auth: AuthContext, actor: Actor, id: string, b: WageFilingBody): Promise<WageContract> {
  if (b.filedOn > today()) throw invalidField('filedOn', '备案日期不能晚于今天');
  return change(db, auth, id, 'passed', '备案', async (tx) => {
    await tx.update(wageContracts).set({ status: 'filed', filedOn: b.filedOn, bureau: b.bureau, filingReference: b.reference ?? null, version: sql`${wageContracts.version} + 1`, updatedAt: new Date() }).where(eq(wageContracts.id, id));
    await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'wage_contract', objectId: id, detail: { filedOn: b.filedOn, bureau: b.bureau } }, true);
  });
}

/** Starts the next contract (协商中) from a filed one in its last 3 months: same parties, the next term. */
export async function renewWageContract(db: Db, auth: AuthContext, actor: Actor, id: string, b: WageContractBody): Promise<WageContract> {
  const r = await load(db, auth, id);
  const ab = abilities(auth, r, today());
  if (!r.manages) throw notFound('集体合同');
  if (!ab.renew) throw conflict(r.renewed_by_id ? '该合同已发起续签' : `只有已备案、进入期满前三个月(${renewalFrom(r.term_end)}起)的合同才能续签`, 'ILLEGAL_TRANSITION');
  if (b.termStart <= r.term_end) throw invalidField('termStart', `续签合同应自原合同期满(${r.term_end})后开始`);
  return createWageContract(db, auth, actor, b, id);
}
