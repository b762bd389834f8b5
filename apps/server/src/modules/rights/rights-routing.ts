import { sql } from 'drizzle-orm';
import chineseDays from 'chinese-days';
import { RIGHTS_GROUP_WORKERS, type RightsCategory, type RightsUrgency } from '@gonghui/contracts';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';

/** 春节 (正月初一) of a year, from the lunar calendar. */
export const springFestivalOn = (year: number): string => chineseDays.getSolarDateFromLunar(`${year}-01-01`).date;

const monthsBefore = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

/** 春节前欠薪专项: the 2 months before the first 春节 on or after the given date. */
export function springFestivalWindow(date: string): { from: string; to: string; springFestival: string } {
  const year = Number(date.slice(0, 4));
  const sf = springFestivalOn(year) >= date ? springFestivalOn(year) : springFestivalOn(year + 1);
  return { from: monthsBefore(sf, 2), to: sf, springFestival: sf };
}

/** 紧急 when 群体性 (≥ 10 workers) or 欠薪 in the 2 months before 春节; otherwise what the filer chose. */
export function decideUrgency(f: { category: RightsCategory; workersAffected: number; urgency?: RightsUrgency }, now: Date): { urgency: RightsUrgency; reason: string | null } {
  if (f.workersAffected >= RIGHTS_GROUP_WORKERS) return { urgency: 'urgent', reason: `群体性(涉及${f.workersAffected}人)` };
  const today = shanghaiDate(now);
  const w = springFestivalWindow(today);
  if (f.category === 'wage_arrears' && today >= w.from) return { urgency: 'urgent', reason: `春节(${w.springFestival})前欠薪` };
  return f.urgency === 'urgent' ? { urgency: 'urgent', reason: '受理人员判定' } : { urgency: 'normal', reason: null };
}

export interface RoutedEmployer {
  enterpriseId: string | null;
  enterpriseName: string;
  enterpriseAddress: string | null;
  divisionCode: string | null;
  orgId: string;
}

async function cityOrgId(db: Db): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE kind = 'city' ORDER BY created_at LIMIT 1`);
  if (!row) throw new Error('no city org');
  return row.id;
}

/**
 * The employer and the union that handles the case: the district union of the employer's location
 * (the registry's division code, else the district above its union), or the district the filer
 * chose for an unregistered employer; the city when none is known.
 */
export async function routeEmployer(db: Db, f: { enterpriseId?: string; enterpriseName?: string; enterpriseAddress?: string; districtOrgId?: string }): Promise<RoutedEmployer> {
  if (f.enterpriseId) {
    const [e] = await queryRows<{ name: string; address: string | null; division_code: string; district_id: string | null }>(
      db,
      sql`SELECT e.name, e.address, e.division_code,
            coalesce(
              (SELECT d.id FROM orgs d WHERE d.kind = 'district' AND d.status = 'active' AND d.division_code = left(e.division_code, 6) LIMIT 1),
              (SELECT a.id FROM org_closure oc JOIN orgs a ON a.id = oc.ancestor_id WHERE oc.descendant_id = e.org_id AND oc.relation = 'territorial' AND a.kind = 'district' ORDER BY oc.depth LIMIT 1)
            ) AS district_id
          FROM enterprises e WHERE e.id = ${f.enterpriseId} AND e.status = 'active'`,
    );
    if (!e) throw invalidField('enterpriseId', '企业不在名录中或已注销,请直接填写单位名称和所在区县(市)');
    return { enterpriseId: f.enterpriseId, enterpriseName: e.name, enterpriseAddress: f.enterpriseAddress ?? e.address, divisionCode: e.division_code, orgId: e.district_id ?? (await cityOrgId(db)) };
  }
  const name = f.enterpriseName ?? '';
  if (f.districtOrgId) {
    const [d] = await queryRows<{ id: string; division_code: string | null }>(db, sql`SELECT id, division_code FROM orgs WHERE id = ${f.districtOrgId} AND kind = 'district' AND status = 'active'`);
    if (!d) throw invalidField('districtOrgId', '请选择用人单位所在的区县(市)');
    return { enterpriseId: null, enterpriseName: name, enterpriseAddress: f.enterpriseAddress ?? null, divisionCode: d.division_code, orgId: d.id };
  }
  return { enterpriseId: null, enterpriseName: name, enterpriseAddress: f.enterpriseAddress ?? null, divisionCode: null, orgId: await cityOrgId(db) };
}
