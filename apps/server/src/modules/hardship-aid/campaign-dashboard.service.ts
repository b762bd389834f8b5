import { AID_CATEGORIES, AID_CATEGORY_LABELS, type AidCategory, type CampaignDashboard, type CampaignStatus } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { fundBalance } from '../../platform/ledger/ledger.service.js';
import { scopeHoldsOrg, targetRows } from './campaign.repository.js';
import { districtsInScope, donationTotals, helpedAggregates, type HelpedAggregateRow } from './campaign-dashboard.repository.js';
import { divisionNameOf, visibleCampaign } from './campaign.service.js';

interface Figures {
  applications: number;
  households: number;
  amountFen: number;
}

const ZERO: Figures = { applications: 0, households: 0, amountFen: 0 };
const figuresOf = (r: HelpedAggregateRow | undefined): Figures => (r ? { applications: r.applications, households: r.households, amountFen: Number(r.amount_fen) } : ZERO);

const DAY_MS = 86_400_000;
const MAX_WEEKS = 80;

/** The Monday (YYYY-MM-DD) of a date's week. */
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** Every week from the campaign's start up to today (or its end), plus any week with figures outside that span. */
function weekSeries(startsOn: string, endsOn: string, today: string, dataWeeks: string[]): string[] {
  const first = mondayOf(startsOn);
  const last = mondayOf(today < startsOn ? startsOn : today > endsOn ? endsOn : today);
  const weeks = new Set(dataWeeks);
  for (let t = new Date(`${first}T00:00:00Z`).getTime(), n = 0; n < MAX_WEEKS && t <= new Date(`${last}T00:00:00Z`).getTime(); t += 7 * DAY_MS, n++) {
    weeks.add(new Date(t).toISOString().slice(0, 10));
  }
  return [...weeks].sort();
}

/**
 * 春风行动 dashboard: applications and households helped and their amounts, by category, district
 * and week, against the district targets; donations; the fund's balance. Everything is limited to
 * the caller's data scope (a district admin sees their district; a target shows only when the
 * whole district is in scope; the fund only when its holder is).
 */
export async function campaignDashboard(ctx: AppContext, auth: AuthContext, id: string): Promise<CampaignDashboard> {
  const c = await visibleCampaign(ctx, auth, id);
  const [rows, districts, targets, donations, fundVisible] = await Promise.all([
    helpedAggregates(ctx.db, auth.scope, id),
    districtsInScope(ctx.db, auth.scope),
    targetRows(ctx.db, [id]),
    donationTotals(ctx.db, auth.scope, id),
    c.fund_org_id ? scopeHoldsOrg(ctx.db, auth.scope, c.fund_org_id) : Promise.resolve(false),
  ]);
  const sets = rows.filter((r) => r.kind === 'set');
  const total = sets.find((r) => r.g_cat === 1 && r.g_div === 1 && r.g_week === 1);
  const byCat = new Map(sets.filter((r) => r.g_cat === 0).map((r) => [r.category ?? '', r]));
  const byDiv = new Map(sets.filter((r) => r.g_div === 0).map((r) => [r.division_code ?? '', r]));
  const byWeek = new Map(sets.filter((r) => r.g_week === 0).map((r) => [r.week ?? '', r]));
  const firsts = new Map(rows.filter((r) => r.kind === 'first').map((r) => [r.week ?? '', r.households]));
  const pending = rows.find((r) => r.kind === 'pending')?.applications ?? 0;

  const visibleTargets = targets.filter((t) => districts.has(t.division_code));
  const targetOf = new Map(visibleTargets.map((t) => [t.division_code, t]));
  const configured = ctx.config.city.districts.map((d) => d.code);
  const divisionCodes = [...new Set([...configured.filter((code) => districts.has(code) || byDiv.has(code)), ...byDiv.keys()])];

  const categories = AID_CATEGORIES.filter((cat) => c.categories.includes(cat) || byCat.has(cat));
  const today = shanghaiDate(new Date());
  let cumulativeHouseholds = 0;
  let cumulativeAmountFen = 0;

  return {
    campaign: { id: c.id, year: c.year, name: c.name, status: c.status as CampaignStatus, startsOn: c.starts_on, endsOn: c.ends_on },
    totals: {
      ...figuresOf(total),
      paidFen: Number(total?.paid_fen ?? 0),
      inProgress: pending,
      targetHouseholds: visibleTargets.reduce((s, t) => s + t.households, 0),
      targetAmountFen: visibleTargets.reduce((s, t) => s + Number(t.amount_fen), 0),
      donations: donations.count,
      donationsFen: donations.amountFen,
    },
    fund: c.fund_id && fundVisible ? { id: c.fund_id, name: c.fund_name ?? '', balanceFen: await fundBalance(ctx.db, c.fund_id) } : null,
    byCategory: categories.map((cat: AidCategory) => ({ category: cat, label: AID_CATEGORY_LABELS[cat], ...figuresOf(byCat.get(cat)) })),
    byDistrict: divisionCodes.map((code) => {
      const t = targetOf.get(code);
      return {
        divisionCode: code,
        divisionName: code ? divisionNameOf(ctx, code) : '未标注区县',
        ...figuresOf(byDiv.get(code)),
        targetHouseholds: t ? t.households : null,
        targetAmountFen: t ? Number(t.amount_fen) : null,
      };
    }),
    byWeek: weekSeries(c.starts_on, c.ends_on, today, [...byWeek.keys()]).map((weekStart) => {
      const f = figuresOf(byWeek.get(weekStart));
      const newHouseholds = firsts.get(weekStart) ?? 0;
      cumulativeHouseholds += newHouseholds;
      cumulativeAmountFen += f.amountFen;
      return { weekStart, ...f, newHouseholds, cumulativeHouseholds, cumulativeAmountFen };
    }),
    generatedAt: new Date().toISOString(),
  };
}
