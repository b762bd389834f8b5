import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ContributionArrearsItem, ContributionReport, FinanceSettings } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { Page } from '../../test-support/registry-fixtures.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import type { View } from './contribution-fixtures.js';
import { largestRemainder } from './contribution-rules.js';
import { DEFAULT_TERMS } from './finance-settings.service.js';

describe('工会经费 demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('has the default shares, a year of a dozen enterprises in several districts, every state, split into the ledger', async () => {
    const city = await demoClient(t, 'city');
    const s = await city.get<FinanceSettings>('/finance/settings');
    expect(s.body).toMatchObject({ rateBp: 200, dueDay: 15, shares: { grassroots: 6000, street: 1000, district: 1500, city: 1000, province: 500 }, abilities: { configure: true } });
    const [facts] = await queryRows<{ payers: number; districts: number; paid: number; declared: number }>(
      t.ctx.db,
      sql`SELECT (SELECT count(*)::int FROM contribution_payers) AS payers,
            (SELECT count(DISTINCT e.division_code)::int FROM contribution_payers p JOIN enterprises e ON e.id = p.enterprise_id) AS districts,
            (SELECT count(*)::int FROM contribution_declarations WHERE status = 'paid') AS paid,
            (SELECT count(*)::int FROM contribution_declarations WHERE status = 'declared') AS declared`,
    );
    expect(facts).toMatchObject({ payers: 12 });
    expect(facts!.districts).toBeGreaterThanOrEqual(5);
    expect(facts!.paid).toBeGreaterThan(100);
    expect(facts!.declared).toBeGreaterThan(5);
    const arrears = await city.get<Page<ContributionArrearsItem>>('/finance/contributions/arrears?pageSize=200');
    expect(new Set(arrears.body.items.map((a) => a.kind))).toEqual(new Set(['missing', 'unpaid']));
    const year = shanghaiYear();
    const report = await city.get<ContributionReport>(`/finance/contributions/report?year=${year}`);
    expect(report.body.total.receivedFen).toBeGreaterThan(0);
    expect(Object.values(report.body.total.split).reduce((a, b) => a + b, 0)).toBe(report.body.total.receivedFen);
    expect(report.body.children.filter((c) => c.dueFen > 0).length).toBeGreaterThanOrEqual(5);
    // the seed splits as the confirmation does: per enterprise and year, the parts are the exact shares of the year's total
    const years = await queryRows<{ total: string; parts: Record<string, number> }>(
      t.ctx.db,
      sql`SELECT sum(d.amount_fen) FILTER (WHERE a.level = 'grassroots')::text AS total, jsonb_object_agg(a.level, a.s) AS parts FROM (
            SELECT x.declaration_id, x.level, sum(x.amount_fen) OVER (PARTITION BY d2.enterprise_id, d2.period_month / 12, x.level)::float8 AS s
            FROM contribution_allocations x JOIN contribution_declarations d2 ON d2.id = x.declaration_id) a
          JOIN contribution_declarations d ON d.id = a.declaration_id GROUP BY d.enterprise_id, d.period_month / 12`,
    );
    expect(years.length).toBeGreaterThan(12);
    for (const y of years) expect(y.parts).toEqual(largestRemainder(Number(y.total), DEFAULT_TERMS.shares));
    const [ledger] = await queryRows<{ a: string; l: string }>(
      t.ctx.db,
      sql`SELECT (SELECT sum(amount_fen) FROM contribution_allocations WHERE org_id IS NOT NULL)::text AS a, (SELECT sum(amount_fen) FROM ledger_entries WHERE business_type = 'union_contribution')::text AS l`,
    );
    expect(ledger!.l).toBe(ledger!.a);
    // the demo grassroots union sees its enterprise's declarations, with its latest month not yet received
    const own = await (await demoClient(t, 'grassroots')).get<Page<View>>('/finance/contributions?pageSize=50');
    expect(own.body.total).toBeGreaterThanOrEqual(12);
    expect(own.body.items.some((d) => d.status === 'declared' && d.overdue)).toBe(true);
  });
});
