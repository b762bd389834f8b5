import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { HOUSEHOLD_TIER_LABELS, maskIdCard, parseIdCard, type HouseholdFacts, type TierResult } from '@gonghui/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalid, type FieldError } from '../../platform/http/app-error.js';
import { hmacIdCard } from '../members/member-search.js';
import { computeTier, type TierOutcome } from './household-tier.js';
import { districtCodeOf, resolveSubsistenceLine, tierRules, type ResolvedLine } from './subsistence-line.service.js';
import type { hardshipHouseholds } from './household.schema.js';

/** A family member as stored: the 身份证 only masked and keyed-hashed (to find the same person in another household). */
export interface StoredFamilyMember {
  key: string;
  name: string;
  relation: HouseholdFacts['familyMembers'][number]['relation'];
  idCardMasked: string | null;
  idCardHmac: string | null;
  monthlyIncomeFen: number;
  employment: HouseholdFacts['familyMembers'][number]['employment'];
  health: HouseholdFacts['familyMembers'][number]['health'];
  note: string | null;
}

type HouseholdInsert = typeof hardshipHouseholds.$inferInsert;
export type AssessedColumns = Pick<
  HouseholdInsert,
  'districtCode' | 'tier' | 'householdSize' | 'totalIncomeFen' | 'perCapitaMonthlyFen' | 'lineMonthlyFen' | 'lineYear' | 'tierReason' | 'monthlyIncome' | 'familyMembers' | 'carValueFen' | 'commercialHomes' | 'causes' | 'causeNote' | 'evidenceTypes'
>;

export interface Assessment {
  outcome: TierOutcome;
  line: ResolvedLine;
  columns: AssessedColumns;
}

export interface AssessInput {
  orgId: string;
  headMemberId: string;
  facts: HouseholdFacts;
  /** the assessment date (Asia/Shanghai), YYYY-MM-DD: picks the line's year and bounds the income months */
  onDate: string;
  /** the record's current family members, matched by key (their stored 身份证 is kept) */
  previous: readonly StoredFamilyMember[];
  /** the household itself, left out of the one-household-per-person check */
  householdId?: string;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
/** The latest month may be at most this many months before the assessment: "近12个月". */
const MAX_INCOME_LAG_MONTHS = 6;

function checkMonths(facts: HouseholdFacts, onDate: string, errors: FieldError[]): void {
  const current = monthIndex(onDate.slice(0, 7));
  facts.monthlyIncome.forEach((m, i) => {
    if (monthIndex(m.month) > current) errors.push({ path: `monthlyIncome.${i}.month`, message: `不能填写 ${m.month} 等未来月份的收入` });
  });
  const latest = Math.max(...facts.monthlyIncome.map((m) => monthIndex(m.month)));
  if (latest < current - MAX_INCOME_LAG_MONTHS) errors.push({ path: 'monthlyIncome', message: `请填写最近12个月的家庭收入:最后一个月不能早于 ${monthOf(current - MAX_INCOME_LAG_MONTHS)}` });
}

/** Family members as stored, each 身份证 hashed; errors for unknown keys and duplicates within the household. */
function storeFamily(crypto: FieldCrypto, facts: HouseholdFacts, previous: readonly StoredFamilyMember[], headHmac: string, errors: FieldError[]): StoredFamilyMember[] {
  const byKey = new Map(previous.map((p) => [p.key, p]));
  const seenKeys = new Set<string>();
  const seenIds = new Map<string, number>();
  return facts.familyMembers.map((f, i) => {
    const kept = f.key ? byKey.get(f.key) : undefined;
    if (f.key && !kept) errors.push({ path: `familyMembers.${i}.key`, message: '该家庭成员不在本档案中,请刷新后重试' });
    if (f.key && seenKeys.has(f.key)) errors.push({ path: `familyMembers.${i}.key`, message: '家庭成员重复' });
    if (f.key) seenKeys.add(f.key);
    let idCardMasked = kept?.idCardMasked ?? null;
    let idCardHmac = kept?.idCardHmac ?? null;
    if (f.idCard) {
      const parsed = parseIdCard(f.idCard);
      if (parsed.ok) {
        idCardMasked = maskIdCard(parsed.id.value);
        idCardHmac = hmacIdCard(crypto, parsed.id.value);
      }
    }
    if (idCardHmac) {
      if (idCardHmac === headHmac) errors.push({ path: `familyMembers.${i}.idCard`, message: '户主本人不必登记为家庭成员(家庭人口已包含户主)' });
      const first = seenIds.get(idCardHmac);
      if (first !== undefined) errors.push({ path: `familyMembers.${i}.idCard`, message: `与第 ${first + 1} 位家庭成员的身份证号相同` });
      else seenIds.set(idCardHmac, i);
    }
    return { key: kept?.key ?? randomUUID(), name: f.name, relation: f.relation, idCardMasked, idCardHmac, monthlyIncomeFen: f.monthlyIncomeFen, employment: f.employment, health: f.health, note: f.note ?? null };
  });
}

/** One person, one open household: neither as a family member nor as a head of another one. */
async function checkOtherHouseholds(db: Db, family: StoredFamilyMember[], headHmac: string, householdId: string | undefined, errors: FieldError[]): Promise<void> {
  const self = householdId ?? '00000000-0000-0000-0000-000000000000';
  const taken = async (hmac: string) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`SELECT h.id FROM hardship_households h JOIN members m ON m.id = h.head_member_id
            WHERE h.status <> 'exited' AND h.id <> ${self}::uuid
              AND (h.family_members @> ${JSON.stringify([{ idCardHmac: hmac }])}::jsonb OR m.id_card_hmac = ${hmac}) LIMIT 1`,
      )
    ).length > 0;
  for (const [i, f] of family.entries()) {
    if (f.idCardHmac && (await taken(f.idCardHmac))) errors.push({ path: `familyMembers.${i}.idCard`, message: '该身份证号已登记在另一户在档困难职工家庭中,一人只能在一户档案中' });
  }
  const [asMember] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM hardship_households WHERE status <> 'exited' AND id <> ${self}::uuid AND family_members @> ${JSON.stringify([{ idCardHmac: headHmac }])}::jsonb LIMIT 1`,
  );
  if (asMember) errors.push({ path: 'headMemberId', message: '该会员已作为家庭成员登记在另一户在档困难职工家庭中' });
}

/**
 * Checks the facts and computes the tier on the server (the client's opinion of the tier is never
 * asked): the district's 低保 line for the assessment year, the configured rules, household size =
 * the head + the family members living together. Throws 422 with per-field Chinese messages.
 */
export async function assessFacts(db: Db, crypto: FieldCrypto, input: AssessInput): Promise<Assessment> {
  const { facts } = input;
  const errors: FieldError[] = [];
  checkMonths(facts, input.onDate, errors);
  const [head] = await queryRows<{ id_card_hmac: string }>(db, sql`SELECT id_card_hmac FROM members WHERE id = ${input.headMemberId}`);
  if (!head) throw invalid([{ path: 'headMemberId', message: '户主不存在' }]);
  const family = storeFamily(crypto, facts, input.previous, head.id_card_hmac, errors);
  if (errors.length === 0) await checkOtherHouseholds(db, family, head.id_card_hmac, input.householdId, errors);
  if (errors.length > 0) throw invalid(errors);

  const districtCode = await districtCodeOf(db, input.orgId);
  const line = await resolveSubsistenceLine(db, districtCode, Number(input.onDate.slice(0, 4)));
  const months = [...facts.monthlyIncome].sort((a, b) => a.month.localeCompare(b.month));
  const outcome = computeTier(
    { monthlyIncomeFen: months.map((m) => m.amountFen), householdSize: 1 + family.length, carValueFen: facts.carValueFen, commercialHomes: facts.commercialHomes, causes: facts.causes, lineMonthlyFen: line.monthlyFen },
    await tierRules(db),
  );
  return {
    outcome,
    line,
    columns: {
      districtCode,
      tier: outcome.tier,
      householdSize: outcome.householdSize,
      totalIncomeFen: outcome.totalIncomeFen,
      perCapitaMonthlyFen: outcome.perCapitaMonthlyFen,
      lineMonthlyFen: line.monthlyFen,
      lineYear: line.year,
      tierReason: outcome.reason,
      monthlyIncome: months.map((m) => ({ month: m.month, amountFen: m.amountFen })),
      familyMembers: family,
      carValueFen: facts.carValueFen,
      commercialHomes: facts.commercialHomes,
      causes: facts.causes,
      causeNote: facts.causeNote ?? null,
      evidenceTypes: facts.evidenceTypes,
    },
  };
}

export function tierResultOf(a: Assessment): TierResult {
  const o = a.outcome;
  return {
    eligible: o.eligible,
    tier: o.tier,
    tierLabel: o.tier ? HOUSEHOLD_TIER_LABELS[o.tier] : null,
    householdSize: o.householdSize,
    totalIncomeFen: o.totalIncomeFen,
    perCapitaMonthlyFen: o.perCapitaMonthlyFen,
    lineMonthlyFen: a.line.monthlyFen,
    lineYear: a.line.year,
    lineSource: a.line.source,
    ratio: o.ratio,
    reason: o.reason,
  };
}

/** The assessed facts as kept in the history (masked; no hashes). */
export function factsSnapshot(a: Assessment): Record<string, unknown> {
  const c = a.columns;
  const family = (c.familyMembers as StoredFamilyMember[]).map(({ idCardHmac: _h, ...rest }) => rest);
  return { monthlyIncome: c.monthlyIncome, familyMembers: family, carValueFen: c.carValueFen, commercialHomes: c.commercialHomes, causes: c.causes, causeNote: c.causeNote, lineSource: a.line.source };
}
