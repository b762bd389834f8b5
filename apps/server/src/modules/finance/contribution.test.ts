import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CONTRIBUTION_LEVELS } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { auditRowsFor, paths, type Page } from '../../test-support/registry-fixtures.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { largestRemainder, monthIndex, periodOf } from './contribution-rules.js';
import { contributionWorld, type ContributionWorld, type View } from './contribution-fixtures.js';
import { DEFAULT_TERMS } from './finance-settings.service.js';

const today = shanghaiDate(new Date());
const lastYear = Number(today.slice(0, 4)) - 1;
const count = async (t: TestApp, table: string) => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;
const incomeOf = (t: TestApp, key: string) =>
  queryRows<{ org_id: string; amount_fen: string; business_key: string }>(
    t.ctx.db,
    sql`SELECT f.org_id, l.amount_fen::text, l.business_key FROM ledger_entries l JOIN funds f ON f.id = l.fund_id WHERE l.business_type = 'union_contribution' AND l.business_key LIKE ${`${key}:%`} ORDER BY l.id`,
  );

describe('工会经费: declaration, receipt and the split into the ledger', () => {
  let t: TestApp;
  let w: ContributionWorld;
  let first: View;

  beforeAll(async () => {
    t = await createTestApp();
    w = await contributionWorld(t, 'K');
  });
  afterAll(() => t.close());

  it('refuses bad input with Chinese 422 errors naming the field, changing nothing', async () => {
    const ok = { enterpriseId: w.entA, period: `${lastYear}-03`, payrollFen: 123_456_78 };
    for (const [body, path, text] of [
      [{ ...ok, payrollFen: 0 }, 'payrollFen', '工资总额应大于0'],
      [{ ...ok, payrollFen: 12.5 }, 'payrollFen', '整数'],
      [{ ...ok, period: '2025-13' }, 'period', 'YYYY-MM'],
      [{ ...ok, period: `${Number(today.slice(0, 4)) + 1}-01` }, 'period', '不能晚于本月'],
      [{ ...ok, enterpriseId: w.entNoUnion }, 'enterpriseId', '尚未建立工会'],
    ] as const) {
      const r = await w.street.post<View>('/finance/contributions', body);
      expect(r.status).toBe(422);
      expect(paths(r.body)).toEqual([path]);
      expect(r.body.errors![0]!.message).toContain(text);
    }
    const shares = await w.city.put<View>('/finance/settings', { rateBp: 200, shares: { ...DEFAULT_TERMS.shares, city: 900 }, dueDay: 15 });
    expect(shares.status).toBe(422);
    expect(paths(shares.body)).toEqual(['shares']);
    expect(shares.body.errors![0]!.message).toContain('合计应为100%,当前合计99.00%');
    const day = await w.city.put<View>('/finance/settings', { rateBp: 200, shares: DEFAULT_TERMS.shares, dueDay: 30 });
    expect(paths(day.body)).toEqual(['dueDay']);
    expect(await count(t, 'contribution_declarations')).toBe(0);
    expect(await count(t, 'finance_settings')).toBe(0);
    // only the city sets the shares
    expect((await w.shang.put('/finance/settings', { rateBp: 200, shares: DEFAULT_TERMS.shares, dueDay: 15 })).status).toBe(403);
  });

  it('declares 2% of the payroll rounded half up to the 分; a month is declared once; corrections before receipt', async () => {
    const r = await w.street.post<View>('/finance/contributions', { enterpriseId: w.entA, period: `${lastYear}-03`, payrollFen: 123_456_78 });
    expect(r.status).toBe(201);
    first = r.body;
    expect(first).toMatchObject({ amountFen: 246_914, rateBp: 200, status: 'declared', unionOrgId: w.tree.unionA.id, dueOn: `${lastYear}-04-15`, overdue: true, allocations: [], abilities: { edit: true, confirmPayment: true } });
    const dup = await w.shang.post<View>('/finance/contributions', { enterpriseId: w.entA, period: `${lastYear}-03`, payrollFen: 1 });
    expect(dup.status).toBe(409);
    expect(paths(dup.body)).toEqual(['period']);
    const fixed = await w.street.put<View>(`/finance/contributions/${first.id}`, { payrollFen: 123_456_77 });
    expect(fixed.body.amountFen).toBe(246_914); // 246913.54 → 246914
    expect((await auditRowsFor(t, 'contribution_declaration', first.id)).map((a) => a.action)).toEqual(['data.create', 'data.update']);
  });

  it('splits received money once into each level\'s 经费账户 (上解省总 as a line, no Hangzhou account); a repeat confirm changes nothing', async () => {
    const bad = await w.street.post<View>(`/finance/contributions/${first.id}/payment`, { paidOn: `${lastYear}-02-28`, reference: 'X' });
    expect(paths(bad.body)).toEqual(['paidOn']);
    expect(await incomeOf(t, first.id)).toEqual([]);
    const paid = await w.street.post<View>(`/finance/contributions/${first.id}/payment`, { paidOn: `${lastYear}-04-10`, reference: '浙税工经〔2025〕0410号' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: `${lastYear}-04-10`, overdue: false, abilities: { edit: false, confirmPayment: false } });
    const parts = largestRemainder(246_914, DEFAULT_TERMS.shares);
    expect(paid.body.allocations.map((a) => [a.level, a.orgId, a.amountFen])).toEqual([
      ['grassroots', w.tree.unionA.id, parts.grassroots],
      ['street', w.tree.shangStreet.id, parts.street],
      ['district', w.tree.shangcheng.id, parts.district],
      ['city', w.tree.city.id, parts.city],
      ['province', null, parts.province],
    ]);
    // 60% of 2469.14 元 = 1481.484 元; two 分 are left over after the floors: 上解省总 (.7) and then the grassroots union (.4, first of the ties)
    expect(parts).toEqual({ grassroots: 148_149, street: 24_691, district: 37_037, city: 24_691, province: 12_346 });
    const entries = await incomeOf(t, first.id);
    expect(entries.map((e) => [e.org_id, Number(e.amount_fen)])).toEqual([[w.tree.unionA.id, parts.grassroots], [w.tree.shangStreet.id, parts.street], [w.tree.shangcheng.id, parts.district], [w.tree.city.id, parts.city]]);
    const again = await w.shang.post<View>(`/finance/contributions/${first.id}/payment`, { paidOn: `${lastYear}-05-01`, reference: 'again' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ paidOn: `${lastYear}-04-10`, paymentReference: '浙税工经〔2025〕0410号' });
    expect(await incomeOf(t, first.id)).toHaveLength(4);
    expect((await w.street.put<View>(`/finance/contributions/${first.id}`, { payrollFen: 5 })).status).toBe(422);
    expect((await auditRowsFor(t, 'contribution_declaration', first.id)).map((a) => a.action)).toEqual(['data.create', 'data.update', 'workflow.action']);
  });

  it('has no rounding drift over a year: each month\'s parts sum to it, the year\'s parts are the exact shares of the year', async () => {
    const payrolls = [98_765_43, 1_234_567_89, 33_333_33, 77_777_77, 55_555_55, 12_345_67, 99_999_99, 24, 66_666_67, 45_454_55, 1_111_11, 87_654_32];
    const ids: string[] = [];
    for (const [i, p] of payrolls.entries()) ids.push((await w.shang.post<View>('/finance/contributions', { enterpriseId: w.entB, period: periodOf(lastYear * 12 + i), payrollFen: p })).body.id);
    let total = 0;
    for (const i of [4, 0, 11, 7, 2, 9, 1, 5, 3, 10, 6, 8]) {
      const r = await w.street.post<View>(`/finance/contributions/${ids[i]}/payment`, { paidOn: `${lastYear}-12-20`, reference: `B-${i}` });
      expect(r.body.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(r.body.amountFen);
      expect(r.body.allocations.every((a) => a.amountFen >= 0)).toBe(true);
      total += r.body.amountFen;
    }
    const rows = await queryRows<{ level: string; s: string }>(
      t.ctx.db,
      sql`SELECT a.level, sum(a.amount_fen)::text AS s FROM contribution_allocations a JOIN contribution_declarations d ON d.id = a.declaration_id WHERE d.enterprise_id = ${w.entB} GROUP BY a.level`,
    );
    const exact = largestRemainder(total, DEFAULT_TERMS.shares);
    expect(Object.fromEntries(rows.map((r) => [r.level, Number(r.s)]))).toEqual(exact);
    const [ledger] = await queryRows<{ s: string }>(t.ctx.db, sql`SELECT sum(l.amount_fen)::text AS s FROM ledger_entries l JOIN funds f ON f.id = l.fund_id WHERE l.business_type = 'union_contribution' AND f.org_id = ${w.tree.unionB.id}`);
    expect(Number(ledger!.s)).toBe(exact.grassroots);
    expect(CONTRIBUTION_LEVELS.reduce((s, l) => s + exact[l], 0)).toBe(total);
  });

  it('lets the city set the shares (audited, versioned); later receipts split by them', async () => {
    const before = await w.city.get<{ version: number; abilities: { configure: boolean } }>('/finance/settings');
    expect(before.body).toMatchObject({ version: 0, abilities: { configure: true } });
    const shares = { grassroots: 6000, street: 0, district: 2500, city: 1000, province: 500 };
    const saved = await w.city.put<{ version: number; shares: object; dueDay: number }>('/finance/settings', { rateBp: 200, shares, dueDay: 20, version: 0 });
    expect(saved.body).toMatchObject({ version: 1, shares, dueDay: 20 });
    expect((await w.city.put('/finance/settings', { rateBp: 200, shares, dueDay: 20, version: 0 })).status).toBe(409);
    expect((await w.street.get<{ abilities: { configure: boolean } }>('/finance/settings')).body.abilities.configure).toBe(false);
    const d = await w.street.post<View>('/finance/contributions', { enterpriseId: w.entA, period: `${lastYear}-06`, payrollFen: 50_000_00 });
    expect(d.body.dueOn).toBe(`${lastYear}-07-20`);
    const paid = await w.street.post<View>(`/finance/contributions/${d.body.id}/payment`, { paidOn: `${lastYear}-07-01`, reference: 'A-06' });
    expect(paid.body.allocations.map((a) => a.amountFen)).toEqual([60_000, 0, 25_000, 10_000, 5_000]);
    expect((await incomeOf(t, d.body.id)).map((e) => e.org_id)).toEqual([w.tree.unionA.id, w.tree.shangcheng.id, w.tree.city.id]);
    await w.city.put('/finance/settings', { rateBp: 200, shares: DEFAULT_TERMS.shares, dueDay: 15 });
  });

  it('keeps every route in scope: 404 outside, 403 without the permission, lists filtered', async () => {
    const out = [
      ['GET', `/finance/contributions/${first.id}`],
      ['PUT', `/finance/contributions/${first.id}`, { payrollFen: 100 }],
      ['POST', `/finance/contributions/${first.id}/payment`, { paidOn: today, reference: 'x' }],
      ['POST', '/finance/contributions', { enterpriseId: w.entA, period: `${lastYear}-05`, payrollFen: 100 }],
      ['POST', '/finance/contributions/remind', { enterpriseId: w.entA }],
      ['POST', '/finance/contributions/payers', { enterpriseId: w.entA, since: `${lastYear}-01` }],
      ['GET', `/finance/contributions/report?year=${lastYear}&orgId=${w.tree.shangcheng.id}`],
    ] as const;
    for (const [method, path, body] of out) {
      const r = method === 'GET' ? await w.xihu.get(path) : method === 'PUT' ? await w.xihu.put(path, body) : await w.xihu.post(path, body);
      expect([method, path, r.status]).toEqual([method, path, 404]);
    }
    expect((await w.xihu.get<Page<View>>('/finance/contributions')).body.total).toBe(0);
    expect((await w.unitA.get<Page<View>>('/finance/contributions')).body.items.map((x) => x.id)).toContain(first.id);
    expect((await w.unitA.get<View>(`/finance/contributions/${first.id}`)).status).toBe(200);
    expect((await w.unitA.post('/finance/contributions', { enterpriseId: w.entA, period: `${lastYear}-05`, payrollFen: 100 })).status).toBe(403);
    expect((await w.unitA.get(`/finance/contributions/report?year=${lastYear}`)).status).toBe(403);
    expect((await w.worker.get('/finance/contributions')).status).toBe(403);
    expect((await w.worker.get('/finance/settings')).status).toBe(403);
    expect((await w.shang.get<Page<View>>(`/finance/contributions?year=${lastYear}&status=paid&pageSize=50`)).body.total).toBe(14);
    expect((await w.shang.get<Page<View>>(`/finance/contributions?period=${lastYear}-03`)).body.total).toBe(2);
    expect((await w.unitA.get<Page<View>>('/finance/contributions')).body.total).toBe(2);
    expect(monthIndex(`${lastYear}-03`)).toBe(lastYear * 12 + 2);
  });
});
