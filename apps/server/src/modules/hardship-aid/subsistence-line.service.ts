import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SubsistenceSettings, TierRules, updateSubsistenceSettingsBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { getSetting, setSetting } from '../../platform/db/settings.repository.js';
import { invalid, type FieldError } from '../../platform/http/app-error.js';
import { DEFAULT_TIER_RULES, yuan } from './household-tier.js';
import { subsistenceLines } from './household.schema.js';

/** Used when nothing is configured: Hangzhou's 2020 urban 低保 line (domain.md). */
export const DEFAULT_SUBSISTENCE_LINE = { year: 2020, monthlyFen: 110_200, note: '杭州市区2020年城乡居民最低生活保障标准(系统默认值)' } as const;
export const TIER_RULES_SETTING = 'aid.householdTierRules';

export interface ResolvedLine {
  monthlyFen: number;
  year: number;
  divisionCode: string | null;
  source: string;
}

export async function tierRules(db: Db): Promise<TierRules> {
  return { ...DEFAULT_TIER_RULES, ...((await getSetting<Partial<TierRules>>(db, TIER_RULES_SETTING)) ?? {}) };
}

async function cityDivisionCode(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ division_code: string | null }>(db, sql`SELECT division_code FROM orgs WHERE kind = 'city' ORDER BY created_at LIMIT 1`);
  return row?.division_code ?? null;
}

const divisionName = (code: SQL): SQL => sql`(SELECT name FROM orgs WHERE division_code = ${code} AND kind IN ('city','district') ORDER BY kind LIMIT 1)`;

/** The division code of the district an org lies in (its territorial district ancestor), or null. */
export async function districtCodeOf(db: Db, orgId: string): Promise<string | null> {
  const [row] = await queryRows<{ division_code: string | null }>(
    db,
    sql`SELECT a.division_code FROM org_closure c JOIN orgs a ON a.id = c.ancestor_id
        WHERE c.descendant_id = ${orgId} AND c.relation = 'territorial' AND a.kind = 'district' ORDER BY c.depth LIMIT 1`,
  );
  return row?.division_code ?? null;
}

/**
 * The 低保 line for a district and year: the district's own latest line up to that year when it
 * has any (counties set their own), else the city-wide latest line up to that year, else the
 * built-in default.
 */
export async function resolveSubsistenceLine(db: Db, districtCode: string | null, year: number): Promise<ResolvedLine> {
  const city = await cityDivisionCode(db);
  const codes = [districtCode, city].filter((c): c is string => !!c);
  if (codes.length > 0) {
    const [row] = await queryRows<{ division_code: string; year: number; monthly_fen: number; name: string | null }>(
      db,
      sql`SELECT l.division_code, l.year, l.monthly_fen, ${divisionName(sql`l.division_code`)} AS name FROM subsistence_lines l
          WHERE l.year <= ${year} AND l.division_code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})
          ORDER BY (l.division_code = ${districtCode ?? ''}) DESC, l.year DESC LIMIT 1`,
    );
    if (row) return { monthlyFen: row.monthly_fen, year: row.year, divisionCode: row.division_code, source: `${row.name ?? row.division_code} ${row.year} 年低保标准 ${yuan(row.monthly_fen)} 元/人·月` };
  }
  const d = DEFAULT_SUBSISTENCE_LINE;
  return { monthlyFen: d.monthlyFen, year: d.year, divisionCode: null, source: `${d.note} ${yuan(d.monthlyFen)} 元/人·月` };
}

export async function subsistenceSettings(ctx: AppContext): Promise<SubsistenceSettings> {
  const lines = await queryRows<{ division_code: string; division_name: string | null; year: number; monthly_fen: number; note: string | null; updated_at: string }>(
    ctx.db,
    sql`SELECT l.division_code, ${divisionName(sql`l.division_code`)} AS division_name, l.year, l.monthly_fen, l.note,
          to_char(l.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
        FROM subsistence_lines l ORDER BY l.year DESC, l.division_code`,
  );
  return {
    lines: lines.map((l) => ({ divisionCode: l.division_code, divisionName: l.division_name, year: l.year, monthlyFen: l.monthly_fen, note: l.note, updatedAt: l.updated_at })),
    rules: await tierRules(ctx.db),
    defaultLine: { ...DEFAULT_SUBSISTENCE_LINE },
    cityDivisionCode: await cityDivisionCode(ctx.db),
  };
}

type UpdateBody = z.infer<typeof updateSubsistenceSettingsBodySchema>;

/**
 * Replaces the table of 低保 lines and the tier rules (city staff). Households keep the line their
 * last assessment used; a new line applies from their next 建档, 修改 or 复核.
 */
export async function updateSubsistenceSettings(ctx: AppContext, actor: Actor, body: UpdateBody): Promise<SubsistenceSettings> {
  const known = new Set((await queryRows<{ division_code: string }>(ctx.db, sql`SELECT DISTINCT division_code FROM orgs WHERE kind IN ('city','district') AND division_code IS NOT NULL`)).map((r) => r.division_code));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.lines.forEach((l, i) => {
    if (!known.has(l.divisionCode)) errors.push({ path: `lines.${i}.divisionCode`, message: `行政区划代码 ${l.divisionCode} 不是本市或所辖区县(市)` });
    const key = `${l.divisionCode}/${l.year}`;
    if (seen.has(key)) errors.push({ path: `lines.${i}.year`, message: `同一地区 ${l.year} 年的低保标准重复` });
    seen.add(key);
  });
  if (errors.length > 0) throw invalid(errors);
  const before = await subsistenceSettings(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE subsistence_lines IN SHARE ROW EXCLUSIVE MODE`);
    const keep = body.lines.map((l) => sql`(${l.divisionCode}, ${l.year}::int)`);
    await tx.execute(keep.length > 0 ? sql`DELETE FROM subsistence_lines WHERE (division_code, year) NOT IN (${sql.join(keep, sql`, `)})` : sql`DELETE FROM subsistence_lines`);
    if (body.lines.length > 0) {
      await tx
        .insert(subsistenceLines)
        .values(body.lines.map((l) => ({ divisionCode: l.divisionCode, year: l.year, monthlyFen: l.monthlyFen, note: l.note ?? null, updatedBy: actor.userId })))
        .onConflictDoUpdate({
          target: [subsistenceLines.divisionCode, subsistenceLines.year],
          set: { monthlyFen: sql`excluded.monthly_fen`, note: sql`excluded.note`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
          setWhere: sql`${subsistenceLines.monthlyFen} IS DISTINCT FROM excluded.monthly_fen OR ${subsistenceLines.note} IS DISTINCT FROM excluded.note`,
        });
    }
    await setSetting(tx, TIER_RULES_SETTING, body.rules);
    const compact = (s: { lines: { divisionCode: string; year: number; monthlyFen: number }[] }) => s.lines.map((l) => `${l.divisionCode}/${l.year}:${l.monthlyFen}`).sort();
    await recordAudit(
      tx,
      actor,
      {
        action: 'data.update',
        objectType: 'setting',
        objectId: 'aid.subsistenceLines',
        detail: { before: { lines: compact(before), rules: before.rules }, after: { lines: compact(body), rules: body.rules }, ...(body.reason ? { reason: body.reason } : {}) },
      },
      true,
    );
  });
  return subsistenceSettings(ctx);
}
