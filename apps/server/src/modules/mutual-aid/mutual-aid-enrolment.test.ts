import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/db-connection.js';
import { paths, type Problem } from '../../test-support/registry-fixtures.js';
import { dbErrorText } from '../../test-support/ledger-fixtures.js';
import { TEST_PARTS, mutualAidWorld, newMember, periodBody, type MutualAidWorld } from './mutual-aid-fixtures.js';

interface Roster extends Problem {
  items: { memberId: string; state: string; contributionFen: number; coveredFrom: string | null; enrolmentId: string | null; late: boolean }[];
  summary: { activeMembers: number; enrolled: number; unpaid: number; unpaidFen: number; covered: number; waiting: number; withdrawn: number };
  abilities: { canEnrol: boolean; canPay: boolean };
}

describe('医疗互助 periods and group enrolment', () => {
  let w: MutualAidWorld;
  let man: string;
  let woman: string;
  let other: string;

  beforeAll(async () => {
    w = await mutualAidWorld('mae');
    man = await newMember(w, w.tree.unionA.id, 'male');
    woman = await newMember(w, w.tree.unionA.id, 'female');
    other = await newMember(w, w.tree.unionB.id);
  }, 120_000);
  afterAll(() => w.t.close());

  const roster = async (orgId = w.tree.unionA.id, periodId = w.periodId) => {
    const r = await w.gA.get<Roster>(`/mutual-aid/periods/${periodId}/roster?orgId=${orgId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  it('validates the plan: a part cap above the overall cap, a deadline after the end, a year taken', async () => {
    const parts = TEST_PARTS.map((p) => (p.part === 'inpatient' ? { ...p, capFen: 7_000_000 } : p));
    const bad = await w.city.post<Problem>('/mutual-aid/periods', periodBody(w.fundId, { year: 2027, parts, enrolDeadline: '2028-01-01', startsOn: '2027-01-01', endsOn: '2027-12-31' }));
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['enrolDeadline', 'parts.0.capFen']);
    const dup = await w.city.post<Problem>('/mutual-aid/periods', periodBody(w.fundId));
    expect(dup.status).toBe(409);
    expect(paths(dup.body)).toEqual(['year']);
    expect((await w.gA.post('/mutual-aid/periods', periodBody(w.fundId, { year: 2030 }))).status).toBe(403);
  });

  it('enrols picked members with their contribution (女职工特殊疾病 for women only), once per member and period', async () => {
    const before = await roster();
    expect(before.summary).toMatchObject({ activeMembers: 2, enrolled: 0 });
    expect(before.abilities.canEnrol).toBe(true);
    const notMine = await w.gA.post<Problem>(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionA.id, memberIds: [man, other] });
    expect(notMine.status).toBe(422);
    expect(paths(notMine.body)).toEqual(['memberIds']);
    const first = await w.gA.post(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionA.id, memberIds: [man] });
    expect(first.body).toEqual({ enrolled: 1, late: false, skipped: 0 });
    const all = await w.gA.post(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionA.id, all: true });
    expect(all.body).toEqual({ enrolled: 1, late: false, skipped: 1 });
    const r = await roster();
    expect(r.summary).toMatchObject({ enrolled: 2, unpaid: 2, unpaidFen: 10_000 + 11_000 });
    expect(r.items.find((i) => i.memberId === woman)).toMatchObject({ state: 'unpaid', contributionFen: 11_000 });
    expect(r.items.find((i) => i.memberId === man)).toMatchObject({ state: 'unpaid', contributionFen: 10_000 });
    // the database itself keeps one row per member and period
    const [e] = await queryRows<{ org_id: string }>(w.t.ctx.db, sql`SELECT org_id FROM mutual_aid_enrolments WHERE member_id = ${man}`);
    const err = await w.t.ctx.db
      .execute(sql`INSERT INTO mutual_aid_enrolments (period_id, member_id, org_id, contribution_fen) VALUES (${w.periodId}, ${man}, ${e!.org_id}, 1)`)
      .then(() => '')
      .catch(dbErrorText);
    expect(err).toContain('mutual_aid_enrolments_member_unique');
  });

  it('freezes the plan once a member is enrolled', async () => {
    const r = await w.city.put<Problem>(`/mutual-aid/periods/${w.periodId}`, periodBody(w.fundId, { overallCapFen: 5_000_000 }));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('PERIOD_FROZEN');
    const p = await w.city.get<{ frozen: boolean; abilities: { canEdit: boolean } }>(`/mutual-aid/periods/${w.periodId}`);
    expect(p.body).toMatchObject({ frozen: true, abilities: { canEdit: false } });
  });

  it('a payment must equal what is due (the difference named), books the fund income and covers the members; the receipt is unique', async () => {
    const body = { orgId: w.tree.unionA.id, receiptNo: 'HZMA-2026-0001', paidOn: '2026-01-05' };
    const short = await w.gA.post<Problem>(`/mutual-aid/periods/${w.periodId}/payments`, { ...body, amountFen: 20_000 });
    expect(short.status).toBe(422);
    expect(short.body.errors?.[0]).toMatchObject({ path: 'amountFen', message: '缴费金额 200.00 元与应缴 210.00 元(2 人)不符,少缴 10.00 元' });
    const before = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM ledger_entries WHERE fund_id = ${w.fundId}`);
    const ok = await w.gA.post(`/mutual-aid/periods/${w.periodId}/payments`, { ...body, amountFen: 21_000 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const [income] = await queryRows<{ amount_fen: number; n: number }>(w.t.ctx.db, sql`SELECT amount_fen::int, (SELECT count(*)::int FROM ledger_entries WHERE fund_id = ${w.fundId}) AS n FROM ledger_entries WHERE fund_id = ${w.fundId} ORDER BY id DESC LIMIT 1`);
    expect(income).toEqual({ amount_fen: 21_000, n: before[0]!.n + 1 });
    const r = await roster();
    expect(r.summary).toMatchObject({ covered: 2, unpaid: 0 });
    expect(r.items[0]!.coveredFrom).toBe('2026-01-01');
    // the same receipt (any spelling) again, for another union
    await w.gB.post(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionB.id, all: true });
    const dup = await w.gB.post<Problem>(`/mutual-aid/periods/${w.periodId}/payments`, { ...body, orgId: w.tree.unionB.id, receiptNo: 'hzma-2026-0001 ', amountFen: 10_000 });
    expect(dup.status).toBe(409);
    expect(paths(dup.body)).toEqual(['receiptNo']);
  });

  it('a late enrolment waits N days after payment; a refusing period takes none after the deadline', async () => {
    // a period whose deadline has passed, late enrolments accepted with a 90-day wait
    await w.t.ctx.db.execute(sql`UPDATE mutual_aid_periods SET enrol_deadline = '2025-12-15' WHERE id = ${w.periodId}`);
    const late = await newMember(w, w.tree.unionA.id);
    const e = await w.gA.post(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionA.id, memberIds: [late] });
    expect(e.body).toEqual({ enrolled: 1, late: true, skipped: 0 });
    const pay = await w.gA.post(`/mutual-aid/periods/${w.periodId}/payments`, { orgId: w.tree.unionA.id, receiptNo: 'HZMA-2026-0100', amountFen: 10_000, paidOn: '2026-06-01' });
    expect(pay.status, JSON.stringify(pay.body)).toBe(201);
    const row = (await roster()).items.find((i) => i.memberId === late)!;
    expect(row).toMatchObject({ late: true, coveredFrom: '2026-08-30' });
    await w.t.ctx.db.execute(sql`UPDATE mutual_aid_periods SET late_policy = 'refuse' WHERE id = ${w.periodId}`);
    const refused = await w.gA.post<Problem>(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionA.id, memberIds: [await newMember(w, w.tree.unionA.id)] });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('已过参保截止日 2025-12-15');
    expect((await roster()).abilities.canEnrol).toBe(false);
    await w.t.ctx.db.execute(sql`UPDATE mutual_aid_periods SET late_policy = 'waiting', enrol_deadline = '2026-12-15' WHERE id = ${w.periodId}`);
  });

  it('withdraws a member who leaves the union; the roster shows it and exports', async () => {
    const id = (await roster()).items.find((i) => i.memberId === man)!.enrolmentId!;
    expect((await w.gB.post(`/mutual-aid/enrolments/${id}/withdraw`, { reason: '调离本单位' })).status).toBe(404);
    expect((await w.gA.post(`/mutual-aid/enrolments/${id}/withdraw`, { reason: '调离本单位' })).status).toBe(200);
    expect((await w.gA.post(`/mutual-aid/enrolments/${id}/withdraw`, { reason: '调离本单位' })).status).toBe(409);
    expect((await roster()).items.find((i) => i.memberId === man)!.state).toBe('withdrawn');
    // a member who left the registry (退会) counts as withdrawn too, and may not claim
    const m = await w.city.get<{ version: number }>(`/members/${woman}`);
    expect((await w.city.post(`/members/${woman}/status`, { status: 'withdrawn', date: '2026-11-01', reason: '本人申请退会', version: m.body.version })).status).toBe(200);
    const r = await roster();
    expect(r.items.find((i) => i.memberId === woman)!.state).toBe('withdrawn');
    expect(r.summary.withdrawn).toBe(2);
    const x = await w.gA.req('GET', `/mutual-aid/periods/${w.periodId}/roster/export.xlsx?orgId=${w.tree.unionA.id}`);
    expect(x.status).toBe(200);
    expect(String(x.headers['content-type'])).toContain('spreadsheetml');
  });
});
