import type { Household, HouseholdListItem, TierResult } from '@gonghui/contracts';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { TestClient } from '../../test-support/test-client.js';
import { createMember, type Problem } from '../../test-support/registry-fixtures.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';

/** Shared helpers of the household tests (not a test file itself). */
export type HouseholdView = Household & Problem;
export type HouseholdItemView = HouseholdListItem & Problem;
export type TierView = TierResult & Problem;

/** The built-in default line (Hangzhou 2020 urban), used while nothing is configured. */
export const DEFAULT_LINE_FEN = 110_200;

/** The 12 months before the current one (Asia/Shanghai), oldest first. */
export function lastTwelveMonths(today = shanghaiDate(new Date())): string[] {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  return Array.from({ length: 12 }, (_, i) => {
    const m = index - 12 + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** 12 months adding up exactly to `total` 分. */
export function incomeFor(total: number, months = lastTwelveMonths()): { month: string; amountFen: number }[] {
  const base = Math.floor(total / 12);
  return months.map((month, i) => ({ month, amountFen: i === 11 ? total - base * 11 : base }));
}

/** The 12-month total at exactly `permille`/1000 × the line for `size` persons. */
export const totalAt = (permille: number, size: number, line = DEFAULT_LINE_FEN): number => (line * 12 * size * permille) / 1000;

let serial = 0;
export const familyIdCard = (birth = '20100506'): string => makeIdCard('330106', birth, 500 + (++serial % 400));

/** A spouse and a child: with the head, a household of 3. */
export function family(): Record<string, unknown>[] {
  return [
    { name: '李秀英', relation: 'spouse', idCard: familyIdCard('19840211'), monthlyIncomeFen: 150_000, employment: 'flexible', health: 'chronic' },
    { name: '王子涵', relation: 'child', employment: 'student', health: 'healthy' },
  ];
}

/** The facts of a household of 3 at `permille`/1000 of the default line. */
export function factsAt(permille: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { familyMembers: family(), monthlyIncome: incomeFor(totalAt(permille, 3)), carValueFen: 0, commercialHomes: 0, causes: ['illness'], evidenceTypes: ['income_proof', 'diagnosis'], ...over };
}

let phoneSerial = 0;
/** Registers a member in `orgId` through the API and returns its id. */
export async function headMember(c: TestClient, orgId: string, name: string): Promise<string> {
  phoneSerial++;
  const m = await createMember(c, { name, idCard: makeIdCard('330102', `19${70 + (phoneSerial % 25)}0315`, 100 + phoneSerial), phone: makePhone('186', 70_000 + phoneSerial), orgId });
  return m.id;
}

export async function establish(c: TestClient, headMemberId: string, permille = 800, over: Record<string, unknown> = {}): Promise<HouseholdView> {
  const r = await c.post<HouseholdView>('/aid/households', { headMemberId, ...factsAt(permille, over) });
  if (r.status !== 201) throw new Error(`establish: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The facts of an existing household, as a form would send them back (family members by key). */
export function factsOf(h: Household, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    familyMembers: h.familyMembers.map((f) => ({ key: f.key, name: f.name, relation: f.relation, monthlyIncomeFen: f.monthlyIncomeFen, employment: f.employment, health: f.health })),
    monthlyIncome: h.monthlyIncome,
    carValueFen: h.carValueFen,
    commercialHomes: h.commercialHomes,
    causes: h.causes,
    evidenceTypes: h.evidenceTypes,
    ...over,
  };
}
