import type { FormInstance } from 'antd';
import type { Household, HardshipCause } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import type { HouseholdFactsBody } from '../../api/household.api';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { fenToYuanNumber, yuanToFen } from '../../components/money';

type FamilyInput = HouseholdFactsBody['familyMembers'] extends (infer T)[] | undefined ? T : never;

export interface FamilyMemberValues {
  key?: string;
  name?: string;
  relation?: FamilyInput['relation'];
  /** typed anew; empty keeps the stored one (shown masked) */
  idCard?: string;
  idCardMasked?: string | null;
  monthlyIncomeYuan?: number | null;
  employment?: FamilyInput['employment'];
  health?: FamilyInput['health'];
}

export interface IncomeValues {
  month: string;
  amountYuan?: number | null;
}

/** The form's view of the facts: money in 元 (the API takes 分). */
export interface HouseholdFactsValues {
  familyMembers?: FamilyMemberValues[];
  monthlyIncome?: IncomeValues[];
  carValueYuan?: number | null;
  commercialHomes?: number | null;
  causes?: HardshipCause[];
  causeNote?: string;
  evidenceTypes?: HouseholdFactsBody['evidenceTypes'];
}

/** The 12 months before the current one (Beijing time), oldest first: "近12个月". */
export function recentMonths(): string[] {
  const now = dayjs().tz(APP_TIME_ZONE).startOf('month');
  return Array.from({ length: 12 }, (_, i) => now.subtract(12 - i, 'month').format('YYYY-MM'));
}

export function emptyFacts(): HouseholdFactsValues {
  return { familyMembers: [], monthlyIncome: recentMonths().map((month) => ({ month })), carValueYuan: 0, commercialHomes: 0, causes: [], evidenceTypes: [] };
}

/** A record's facts as form values; for a 复核 the income starts empty for the latest 12 months. */
export function factsValuesOf(h: Household, freshIncome: boolean): HouseholdFactsValues {
  return {
    familyMembers: h.familyMembers.map((f) => ({
      key: f.key,
      name: f.name,
      relation: f.relation,
      idCardMasked: f.idCard,
      monthlyIncomeYuan: fenToYuanNumber(f.monthlyIncomeFen),
      employment: f.employment,
      health: f.health,
    })),
    monthlyIncome: freshIncome ? recentMonths().map((month) => ({ month })) : h.monthlyIncome.map((m) => ({ month: m.month, amountYuan: fenToYuanNumber(m.amountFen) })),
    carValueYuan: fenToYuanNumber(h.carValueFen),
    commercialHomes: h.commercialHomes,
    causes: h.causes,
    causeNote: h.causeNote ?? undefined,
    evidenceTypes: h.evidenceTypes,
  };
}

const fen = (yuan: number | null | undefined): number => (typeof yuan === 'number' ? yuanToFen(yuan) : 0);

/** The API body of the facts (the server checks everything again). */
export function factsBody(v: HouseholdFactsValues): HouseholdFactsBody {
  return {
    familyMembers: (v.familyMembers ?? []).map((f) => ({
      ...(f.key ? { key: f.key } : {}),
      name: (f.name ?? '').trim(),
      relation: f.relation as FamilyInput['relation'],
      ...(f.idCard?.trim() ? { idCard: f.idCard.trim() } : {}),
      monthlyIncomeFen: fen(f.monthlyIncomeYuan),
      employment: f.employment as FamilyInput['employment'],
      health: f.health as FamilyInput['health'],
    })),
    monthlyIncome: (v.monthlyIncome ?? []).map((m) => ({ month: m.month, amountFen: fen(m.amountYuan) })),
    carValueFen: fen(v.carValueYuan),
    commercialHomes: v.commercialHomes ?? 0,
    causes: v.causes ?? [],
    causeNote: v.causeNote?.trim() || undefined,
    evidenceTypes: v.evidenceTypes ?? [],
  };
}

/** The facts body when complete enough for a preview (12 amounts, every family row filled), else null. */
export function previewableFacts(v: HouseholdFactsValues | undefined): HouseholdFactsBody | null {
  if (!v) return null;
  const income = v.monthlyIncome ?? [];
  if (income.length !== 12 || income.some((m) => typeof m?.amountYuan !== 'number')) return null;
  if ((v.familyMembers ?? []).some((f) => !f?.name?.trim() || !f.relation || !f.employment || !f.health)) return null;
  if ((v.causes ?? []).length === 0) return null;
  return factsBody(v);
}

/** API field → form field (money in 元 on the form). */
const FIELD_RENAMES: Record<string, string> = { amountFen: 'amountYuan', monthlyIncomeFen: 'monthlyIncomeYuan', carValueFen: 'carValueYuan', monthlyFen: 'monthlyYuan' };

/**
 * Puts the server's `errors[]` onto the form, nested paths included (`familyMembers.0.idCard`,
 * `monthlyIncome.3.amountFen`); what has no field here (e.g. `tier`: not eligible) comes back as text.
 */
export function applyHouseholdErrors(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const rest: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of error.fieldErrors) {
    const parts = e.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : (FIELD_RENAMES[p] ?? p)));
    const head = parts[0];
    const nested = parts.length > 1;
    if (typeof head !== 'string' || !fields.includes(head) || (!nested && (head === 'familyMembers' || head === 'monthlyIncome'))) {
      rest.push(e.message);
      continue;
    }
    const key = parts.join('.');
    byField.set(key, { name: parts, errors: [...(byField.get(key)?.errors ?? []), e.message] });
  }
  if (byField.size > 0) form.setFields([...byField.values()]);
  if (byField.size === 0 && rest.length === 0) return error.message;
  return rest.length > 0 ? rest.join(';') : null;
}

export const FACT_FIELDS = ['familyMembers', 'monthlyIncome', 'carValueYuan', 'commercialHomes', 'causes', 'causeNote', 'evidenceTypes'] as const;
