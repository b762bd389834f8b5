import { eq, sql } from 'drizzle-orm';
import { CONTRIBUTION_LEVELS, type FinanceSettings, type FinanceSettingsBody } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import type { Shares } from './contribution-rules.js';
import { financeSettings } from './finance-settings.schema.js';

/** What the rules need: the rate, the shares, the due day (the city's settings, or the defaults). */
export interface ContributionTerms {
  rateBp: number;
  shares: Shares;
  dueDay: number;
}

export const DEFAULT_TERMS: ContributionTerms = { rateBp: 200, shares: { grassroots: 6000, street: 1000, district: 1500, city: 1000, province: 500 }, dueDay: 15 };

async function cityOrg(db: Db): Promise<{ id: string; name: string }> {
  const [city] = await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM orgs WHERE kind = 'city' AND status = 'active' ORDER BY created_at LIMIT 1`);
  if (!city) throw notFound('市总工会');
  return city;
}

type SettingsRow = typeof financeSettings.$inferSelect;
const termsOf = (r: SettingsRow | undefined): ContributionTerms =>
  r ? { rateBp: r.rateBp, shares: { grassroots: r.grassrootsBp, street: r.streetBp, district: r.districtBp, city: r.cityBp, province: r.provinceBp }, dueDay: r.dueDay } : DEFAULT_TERMS;

/** The terms in force (pass `tx` inside a transaction). */
export async function contributionTerms(db: Db): Promise<ContributionTerms> {
  const city = await cityOrg(db);
  const [row] = await db.select().from(financeSettings).where(eq(financeSettings.orgId, city.id));
  return termsOf(row);
}

export async function getFinanceSettings(db: Db, auth: AuthContext): Promise<FinanceSettings> {
  const city = await cityOrg(db);
  const [row] = await db.select().from(financeSettings).where(eq(financeSettings.orgId, city.id));
  return { orgId: city.id, orgName: city.name, ...termsOf(row), version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null, abilities: { configure: auth.permissions.has('finance:settings:configure') } };
}

/** Checks the shares add up to 100% (422 naming the field otherwise). */
export function checkShares(b: FinanceSettingsBody): void {
  const total = CONTRIBUTION_LEVELS.reduce((s, l) => s + b.shares[l], 0);
  if (total !== 10_000) throw invalidField('shares', `各级分成比例合计应为100%,当前合计${(total / 100).toFixed(2)}%`);
  if (b.shares.grassroots === 0) throw invalidField('shares.grassroots', '基层工会留成比例不能为0');
}

export async function updateFinanceSettings(db: Db, auth: AuthContext, actor: Actor, b: FinanceSettingsBody): Promise<FinanceSettings> {
  checkShares(b);
  const city = await cityOrg(db);
  const cols = { rateBp: b.rateBp, grassrootsBp: b.shares.grassroots, streetBp: b.shares.street, districtBp: b.shares.district, cityBp: b.shares.city, provinceBp: b.shares.province, dueDay: b.dueDay, updatedBy: auth.user.id, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(financeSettings).where(eq(financeSettings.orgId, city.id)).for('update');
    if (b.version !== undefined && b.version !== (row?.version ?? 0)) throw conflict('设置已被他人修改,请刷新后重试', 'STALE');
    if (row) await tx.update(financeSettings).set({ ...cols, version: row.version + 1 }).where(eq(financeSettings.orgId, city.id));
    else await tx.insert(financeSettings).values({ orgId: city.id, ...cols });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'finance_settings', objectId: city.id, detail: { before: termsOf(row), after: { rateBp: b.rateBp, shares: b.shares, dueDay: b.dueDay } } }, true);
  });
  return getFinanceSettings(db, auth);
}
