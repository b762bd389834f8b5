import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DuesArrearsRow, DuesBaseRow, DuesBatch, MyDues, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { duesMember, newBatch, setBase } from './dues-test-fixtures.js';
import { currentDuesMonth } from './dues-months.repository.js';

describe('会费: bases, exemptions, batches posted once, arrears', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unit: TestClient;
  let m1: string;
  let m2: string;
  let m3: string;
  const entries = (batchId: string) => queryRows<{ amount_fen: string; kind: string }>(t.ctx.db, sql`SELECT amount_fen::text, kind FROM ledger_entries WHERE business_type = 'dues_batch' AND business_key = ${batchId}`);
  const count = async (table: string) => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'D');
    unit = await userClient(t, sys, 'd_unit', tree.unionA.id, ['grassroots_admin']);
    m1 = await duesMember(unit, tree.unionA.id, 1);
    m2 = await duesMember(unit, tree.unionA.id, 2);
    m3 = await duesMember(unit, tree.unionA.id, 3);
  });
  afterAll(() => t.close());

  it('sets a base from the wage items: 5,678 yuan → 28.35 yuan a month; 422 on the field, nothing stored', async () => {
    const bad = await unit.post<Problem>('/finance/dues/bases', { memberId: m1, year: 2026, employerType: 'government', items: [{ code: 'post', amountFen: 100 }] });
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['items.0.code']);
    const negative = await unit.post<Problem>('/finance/dues/bases', { memberId: m1, year: 2026, employerType: 'enterprise', items: [{ code: 'post', amountFen: -5 }] });
    expect(paths(negative.body)).toEqual(['items.0.amountFen']);
    const other = await unit.post<Problem>('/finance/dues/bases', { memberId: '00000000-0000-4000-8000-000000000001', year: 2026, employerType: 'enterprise', items: [{ code: 'post', amountFen: 5 }] });
    expect(paths(other.body)).toEqual(['memberId']);
    expect(await count('dues_wage_bases')).toBe(0);

    const b = await setBase(unit, m1, 5678);
    expect(b).toMatchObject({ wageFen: 567_800, monthlyDuesFen: 2835, employerType: 'enterprise', abilities: { canEdit: true } });
    expect((await unit.post<Problem>('/finance/dues/bases', { memberId: m1, year: 2026, employerType: 'enterprise', items: [{ code: 'post', amountFen: 5 }] })).status).toBe(409);
    const edited = await unit.put<DuesBaseRow>(`/finance/dues/bases/${b.baseId}`, { version: b.version, employerType: 'enterprise', items: [{ code: 'post', amountFen: 400_000 }, { code: 'seniority', amountFen: 167_800 }] });
    expect(edited.body).toMatchObject({ wageFen: 567_800, monthlyDuesFen: 2835, version: 2 });
    expect(await auditRowsFor(t, 'dues_wage_base', b.baseId!)).toHaveLength(2);
    await setBase(unit, m2, 4000);
    await setBase(unit, m3, 8005);
  });

  it('records exemptions with a reason and a month range; overlaps and reversed ranges are 422', async () => {
    const reversed = await unit.post<Problem>('/finance/dues/exemptions', { memberId: m2, reason: 'long_sick', fromMonth: '2026-05', toMonth: '2026-03' });
    expect(paths(reversed.body)).toEqual(['toMonth']);
    const noNote = await unit.post<Problem>('/finance/dues/exemptions', { memberId: m2, reason: 'other', fromMonth: '2026-03', toMonth: '2026-05' });
    expect(paths(noNote.body)).toEqual(['note']);
    expect((await unit.post('/finance/dues/exemptions', { memberId: m2, reason: 'long_sick', note: '住院治疗', fromMonth: '2026-03', toMonth: '2026-05' })).status).toBe(201);
    const overlap = await unit.post<Problem>('/finance/dues/exemptions', { memberId: m2, reason: 'hardship', fromMonth: '2026-05', toMonth: '2026-06' });
    expect(paths(overlap.body)).toEqual(['fromMonth']);
    expect(await count('dues_exemptions')).toBe(1);
  });

  it('a draft lists the month\'s due members; edits are checked per line; confirm posts exactly one ledger entry, again changes nothing', async () => {
    const exemptMonth = await newBatch(unit, tree.unionA.id, '2026-04');
    expect(exemptMonth.lines.map((l) => l.memberId).sort()).toEqual([m1, m3].sort());
    const b = await newBatch(unit, tree.unionA.id, '2026-06');
    expect(b.lines).toHaveLength(3);
    expect(b).toMatchObject({ status: 'draft', dueFen: 2835 + 2000 + 4000, paidFen: 2835 + 2000 + 4000, abilities: { canConfirm: true } });
    const tooMuch = await unit.put<Problem>(`/finance/dues/batches/${b.id}`, { version: b.version, method: 'payroll', lines: [{ memberId: m1, paidFen: 2836 }] });
    expect(paths(tooMuch.body)).toEqual(['lines.0.paidFen']);
    const stranger = await unit.put<Problem>(`/finance/dues/batches/${b.id}`, { version: b.version, method: 'payroll', lines: [{ memberId: m1, paidFen: 1 }, { memberId: '00000000-0000-4000-8000-000000000002', paidFen: 1 }] });
    expect(paths(stranger.body)).toEqual(['lines.1.memberId']);
    expect((await unit.get<DuesBatch>(`/finance/dues/batches/${b.id}`)).body.paidFen).toBe(8835);
    // m3 did not pay this month: a line of 0
    const edited = await unit.put<DuesBatch>(`/finance/dues/batches/${b.id}`, { version: b.version, method: 'payroll', note: '6月工资代扣', lines: [{ memberId: m1, paidFen: 2835 }, { memberId: m2, paidFen: 2000 }, { memberId: m3, paidFen: 0 }] });
    expect(edited.body).toMatchObject({ paidFen: 4835, version: 2 });
    expect((await unit.post<Problem>(`/finance/dues/batches/${b.id}/confirm`, { version: 1 })).status).toBe(409);

    const confirmed = await unit.post<DuesBatch>(`/finance/dues/batches/${b.id}/confirm`, { version: 2 });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', abilities: { canEdit: false, canConfirm: false } });
    expect(await entries(b.id)).toEqual([{ amount_fen: '4835', kind: 'income' }]);
    const [fund] = await queryRows<{ balance: string }>(t.ctx.db, sql`SELECT sum(e.amount_fen)::text AS balance FROM ledger_entries e JOIN funds f ON f.id = e.fund_id WHERE f.org_id = ${tree.unionA.id} AND f.source = 'union_funds'`);
    expect(fund!.balance).toBe('4835');
    const audits = (await auditRowsFor(t, 'dues_batch', b.id)).length;

    const again = await unit.post<DuesBatch>(`/finance/dues/batches/${b.id}/confirm`, { version: 3 });
    expect(again.status).toBe(200);
    expect(again.body.confirmedAt).toBe(confirmed.body.confirmedAt);
    expect(await entries(b.id)).toHaveLength(1);
    expect(await auditRowsFor(t, 'dues_batch', b.id)).toHaveLength(audits);
    expect((await unit.put(`/finance/dues/batches/${b.id}`, { version: 3, method: 'cash', lines: [] })).status).toBe(409);
    expect((await unit.req('DELETE', `/finance/dues/batches/${b.id}`)).status).toBe(409);
  });

  it('a member-month is paid once: a second batch cannot collect it, the database refuses a second confirmed line', async () => {
    // m3's unpaid June is still open: a cash batch lists only m3
    const cash = await newBatch(unit, tree.unionA.id, '2026-06', 'cash');
    expect(cash.lines.map((l) => l.memberId)).toEqual([m3]);
    // two drafts for July both list m1; the second confirm is refused and posts nothing
    const a = await newBatch(unit, tree.unionA.id, '2026-07');
    const b = await newBatch(unit, tree.unionA.id, '2026-07', 'cash');
    await unit.put(`/finance/dues/batches/${b.id}`, { version: b.version, method: 'cash', lines: [{ memberId: m1, paidFen: 2835 }] });
    expect((await unit.post(`/finance/dues/batches/${a.id}/confirm`, { version: a.version })).status).toBe(200);
    const second = await unit.post<Problem>(`/finance/dues/batches/${b.id}/confirm`, { version: 2 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_PAID');
    expect(await entries(b.id)).toHaveLength(0);
    expect((await unit.get<DuesBatch>(`/finance/dues/batches/${b.id}`)).body.status).toBe('draft');
    await expect(t.ctx.db.execute(sql`UPDATE dues_batch_lines SET status = 'confirmed' WHERE batch_id = ${b.id}`)).rejects.toThrow();
    // two confirms of one draft at once: one entry
    const c = await newBatch(unit, tree.unionA.id, '2026-08');
    const both = await Promise.all([0, 1].map(() => unit.post<DuesBatch>(`/finance/dues/batches/${c.id}/confirm`, { version: c.version })));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await entries(c.id)).toHaveLength(1);
    // a month with nothing collected cannot be confirmed
    const empty = await unit.put<DuesBatch>(`/finance/dues/batches/${cash.id}`, { version: cash.version, method: 'cash', lines: [{ memberId: m3, paidFen: 0 }] });
    const zero = await unit.post<Problem>(`/finance/dues/batches/${cash.id}/confirm`, { version: empty.body.version });
    expect(zero.status).toBe(422);
    expect(paths(zero.body)).toEqual(['lines']);
  });

  it('arrears: months due up to now, not exempt, not paid; per member and per union; the member sees the same on H5', async () => {
    const now = currentDuesMonth();
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= now);
    const list = await unit.get<Page<DuesArrearsRow>>('/finance/dues/arrears?year=2026');
    const byMember = new Map(list.body.items.map((r) => [r.memberId, r]));
    expect(byMember.get(m1)!.months).toEqual(months.filter((m) => !['2026-06', '2026-07', '2026-08'].includes(m)));
    expect(byMember.get(m2)!.months).toEqual(months.filter((m) => !['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'].includes(m)));
    expect(byMember.get(m3)!.months).toEqual(months.filter((m) => m !== '2026-07' && m !== '2026-08'));
    expect(byMember.get(m1)!.arrearsFen).toBe(2835 * (months.length - 3));
    const unions = await unit.get<{ orgId: string; members: number; arrearsFen: number }[]>('/finance/dues/arrears/unions?year=2026');
    expect(unions.body).toEqual([expect.objectContaining({ orgId: tree.unionA.id, members: 3, arrearsFen: list.body.items.reduce((s, r) => s + r.arrearsFen, 0) })]);
    expect((await unit.get<Page<DuesArrearsRow>>('/finance/dues/arrears?year=2026&minMonths=12')).body.total).toBe(months.length >= 12 ? 1 : 0);

    const sys = await t.login('sysadmin');
    const me = await userClient(t, sys, 'd_m2', tree.unionA.id, ['member'], { memberId: m2 });
    const mine = await me.get<MyDues>('/finance/dues/mine?year=2026');
    expect(mine.status).toBe(200);
    expect(mine.body.monthlyDuesFen).toBe(2000);
    const state = Object.fromEntries(mine.body.months.map((m) => [m.month, m.state]));
    expect(state).toMatchObject({ '2026-01': 'arrears', '2026-03': 'exempt', '2026-05': 'exempt', '2026-06': 'paid' });
    expect(mine.body.paidFen).toBe(6000);
    expect(mine.body.arrearsFen).toBe(byMember.get(m2)!.arrearsFen);
    expect((await me.get('/finance/dues/arrears?year=2026')).status).toBe(403);
  });
});
