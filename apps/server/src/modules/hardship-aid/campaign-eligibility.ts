import { sql } from 'drizzle-orm';
import { AID_CATEGORIES, type AidCategory, type CampaignStatus } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';

/**
 * What a campaign widens (救助对象的扩大), for the households and application logic to read: the aid
 * categories it covers, and whether 低边 households, whose per-capita income lies above the
 * standard tiers (深度 ≤ 1×, 相对 ≤ 1.5×, 意外致困 ≤ 2× with an accident cause), are eligible up to
 * `incomeCeilingPercent` of the local 低保 line without any special cause.
 */
export interface CampaignEligibility {
  campaignId: string;
  year: number;
  name: string;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  /** active and today (Asia/Shanghai) lies within its dates */
  open: boolean;
  categories: AidCategory[];
  lowEdgeIncluded: boolean;
  /** income ceiling as a percent of the 低保 line (200 = 2×); integer, for exact comparisons in 分 */
  incomeCeilingPercent: number;
  /** the same as a multiple (2 = 2× 低保) */
  incomeCeilingMultiplier: number;
  fundId: string | null;
}

interface Row {
  id: string;
  year: number;
  name: string;
  status: CampaignStatus;
  starts_on: string;
  ends_on: string;
  categories: string[];
  low_edge_included: boolean;
  income_ceiling_percent: number;
  fund_id: string | null;
}

const COLUMNS = sql`id, year, name, status, starts_on::text AS starts_on, ends_on::text AS ends_on, categories, low_edge_included, income_ceiling_percent, fund_id`;

function toEligibility(r: Row, today: string): CampaignEligibility {
  return {
    campaignId: r.id,
    year: r.year,
    name: r.name,
    status: r.status,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    open: r.status === 'active' && r.starts_on <= today && today <= r.ends_on,
    categories: AID_CATEGORIES.filter((c) => r.categories.includes(c)),
    lowEdgeIncluded: r.low_edge_included,
    incomeCeilingPercent: r.income_ceiling_percent,
    incomeCeilingMultiplier: r.income_ceiling_percent / 100,
    fundId: r.fund_id,
  };
}

/** A campaign's eligibility rules, or null when there is no such campaign. No data scope: rules are not personal data. */
export async function campaignEligibility(db: Db, campaignId: string, now: Date = new Date()): Promise<CampaignEligibility | null> {
  const [row] = await queryRows<Row>(db, sql`SELECT ${COLUMNS} FROM aid_campaigns WHERE id = ${campaignId}`);
  return row ? toEligibility(row, shanghaiDate(now)) : null;
}

/** The campaign running on a date (Asia/Shanghai), if any: the default for a new application. */
export async function openCampaign(db: Db, now: Date = new Date()): Promise<CampaignEligibility | null> {
  const today = shanghaiDate(now);
  const [row] = await queryRows<Row>(db, sql`SELECT ${COLUMNS} FROM aid_campaigns WHERE status = 'active' AND starts_on <= ${today}::date AND ends_on >= ${today}::date`);
  return row ? toEligibility(row, today) : null;
}

/**
 * Whether a household's monthly per-capita income (分) is within the campaign's 低边 ceiling of the
 * 低保 line (分/month). False when the campaign does not include 低边 households: the standard tiers
 * then decide alone. Integer arithmetic, no floats.
 */
export function withinLowEdgeCeiling(rules: Pick<CampaignEligibility, 'lowEdgeIncluded' | 'incomeCeilingPercent'>, perCapitaIncomeFen: number, povertyLineFen: number): boolean {
  return rules.lowEdgeIncluded && perCapitaIncomeFen * 100 <= povertyLineFen * rules.incomeCeilingPercent;
}

/** Whether the campaign covers an aid category. */
export const coversCategory = (rules: Pick<CampaignEligibility, 'categories'>, category: AidCategory): boolean => rules.categories.includes(category);
