import { sql } from 'drizzle-orm';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { randomUUID } from 'node:crypto';
import { CONTRIBUTION_LEVEL_LABELS, CONTRIBUTION_LEVELS, fenToYuan, type ContributionLevel } from '@gonghui/contracts';
import { ledgerEntries } from '../../platform/ledger/ledger.schema.js';
import { allocateMonth, contributionFen, emptyParts, monthIndex, periodOf } from './contribution-rules.js';
import { contributionAllocations, contributionDeclarations, contributionPayers } from './contribution.schema.js';
import { CONTRIBUTION_BUSINESS_TYPE, recipients } from './contribution-split.service.js';
import { unionAccount } from './union-account.service.js';
import { DEFAULT_TERMS } from './finance-settings.service.js';
import { financeSettings } from './finance-settings.schema.js';

/**
 * What happens to an enterprise's months (the last 12 past their due day): all received, the
 * latest declared but not received, months not declared from some month on, received late.
 */
type Fate = 'paid' | 'latest_unpaid' | 'stopped' | 'late' | 'unpaid_tail' | 'gap';
const FATES: Fate[] = ['latest_unpaid', 'paid', 'stopped', 'late', 'unpaid_tail', 'paid', 'gap', 'paid', 'unpaid_tail', 'paid', 'stopped', 'late'];

/** A deterministic pseudo-random generator, so the demo is the same every time. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

const clampDay = (day: string, today: string) => (day > today ? today : day);

/**
 * 工会经费 demo: the default shares (60% grassroots, 10% street, 15% district, 10% city, 5% 上解省总),
 * and a year of monthly declarations of a dozen unionised enterprises in several districts with
 * realistic Hangzhou payrolls (average wages 7,500-13,000 yuan, a bonus month in January):
 * most received and split into the unions' accounts, some declared and not received, some
 * months never declared (arrears).
 */
async function seedContributions({ db }: DemoSeedContext): Promise<void> {
  const today = shanghaiDate(new Date());
  const last = monthIndex(today.slice(0, 7)) - (Number(today.slice(8, 10)) > DEFAULT_TERMS.dueDay ? 1 : 2);
  const first = last - 11;
  const ents = await queryRows<{ id: string; name: string; union_org_id: string; employee_count: number }>(
    db,
    sql`SELECT e.id, e.name, e.union_org_id, e.employee_count FROM enterprises e JOIN orgs u ON u.id = e.union_org_id
        WHERE e.status = 'active' AND u.union_type = 'enterprise'
        ORDER BY (u.name = '杭州湖滨文旅发展有限公司工会') DESC, u.division_code, u.name LIMIT 12`,
  );
  const r = random(20_261_124);
  await db.transaction(async (tx) => {
    const [city] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM orgs WHERE kind = 'city' ORDER BY created_at LIMIT 1`);
    if (city) await tx.insert(financeSettings).values({ orgId: city.id }).onConflictDoNothing();
    const accounts = new Map<string, string>();
    const accountOf = async (orgId: string) => accounts.get(orgId) ?? accounts.set(orgId, (await unionAccount(tx, orgId, null)).fundId).get(orgId)!;
    const declarations: (typeof contributionDeclarations.$inferInsert)[] = [];
    const parts: { declarationId: string; level: ContributionLevel; orgId: string | null; amountFen: number; memo: string }[] = [];
    for (const [i, e] of ents.entries()) {
      const fate = FATES[i % FATES.length]!;
      const wage = 750_000 + Math.floor(r() * 550_000);
      const to = await recipients(tx, e.union_org_id);
      let allocated = emptyParts();
      for (let m = first; m <= last + 1; m++) {
        const k = m - first;
        if (m % 12 === 0) allocated = emptyParts();
        if ((fate === 'stopped' && k >= 8) || (fate === 'gap' && k === 10)) continue;
        const declaredOnly = m > last || (fate === 'latest_unpaid' && m === last) || (fate === 'unpaid_tail' && k >= 10);
        if (m > last && i % 3 !== 0) continue; // this month: a few already declared, not yet due
        const bonus = m % 12 === 0 ? 1.6 : 1;
        const payrollFen = Math.round(e.employee_count * wage * bonus * (0.95 + r() * 0.1)) + Math.floor(r() * 100);
        const amountFen = contributionFen(payrollFen, DEFAULT_TERMS.rateBp);
        const next = periodOf(m + 1);
        const paidOn = clampDay(`${next}-${String(fate === 'late' && k % 4 === 1 ? 22 + (i % 6) : 5 + ((i + k) % 9)).padStart(2, '0')}`, today);
        const id = randomUUID();
        declarations.push({
          id, enterpriseId: e.id, unionOrgId: e.union_org_id, periodMonth: m, payrollFen, rateBp: DEFAULT_TERMS.rateBp, amountFen,
          declaredAt: new Date(Math.min(Date.parse(`${next}-0${1 + (k % 5)}T02:00:00Z`), Date.now())),
          ...(declaredOnly ? {} : { status: 'paid', paidOn, paymentReference: `杭税工经${periodOf(m).replace('-', '')}-${String(i + 1).padStart(3, '0')}`, confirmedAt: new Date(`${paidOn}T06:00:00Z`) }),
        });
        if (declaredOnly) continue;
        // the same year-to-date split the confirmation makes (postSplit), computed here in one pass
        const month = allocateMonth(amountFen, allocated, DEFAULT_TERMS.shares);
        for (const level of CONTRIBUTION_LEVELS) {
          allocated[level] += month[level];
          parts.push({ declarationId: id, level, orgId: to[level], amountFen: month[level], memo: `${e.name} ${periodOf(m)} 工会经费${CONTRIBUTION_LEVEL_LABELS[level]} ${fenToYuan(month[level])} 元` });
        }
      }
    }
    if (declarations.length === 0) return;
    await tx.insert(contributionPayers).values(ents.map((e) => ({ enterpriseId: e.id, sinceMonth: first }))).onConflictDoNothing();
    await tx.insert(contributionDeclarations).values(declarations);
    const posted = parts.filter((p) => p.orgId && p.amountFen > 0);
    const entries = new Map<string, number>();
    for (let at = 0; at < posted.length; at += 500) {
      const chunk = posted.slice(at, at + 500);
      const values = [];
      for (const p of chunk) values.push({ fundId: await accountOf(p.orgId!), kind: 'income', amountFen: p.amountFen, businessType: CONTRIBUTION_BUSINESS_TYPE, businessKey: `${p.declarationId}:${p.level}`, memo: p.memo });
      for (const row of await tx.insert(ledgerEntries).values(values).returning({ id: ledgerEntries.id, key: ledgerEntries.businessKey })) entries.set(row.key, row.id);
    }
    await tx.insert(contributionAllocations).values(parts.map((p) => ({ declarationId: p.declarationId, level: p.level, orgId: p.orgId, amountFen: p.amountFen, entryId: entries.get(`${p.declarationId}:${p.level}`) ?? null })));
  });
}

registerDemoSeeder('contributions', seedContributions);
