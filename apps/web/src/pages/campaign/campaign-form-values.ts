import type { Dayjs } from 'dayjs';
import type { AidCategory, Campaign, CampaignOptions } from '@gonghui/contracts';
import type { CampaignBody } from '../../api/campaign.api';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { dayjs } from '../../app/time';

export interface TargetValues {
  households?: number | null;
  yuan?: number | null;
}

/** The settings form's fields (the period as two Dayjs, targets keyed by 行政区划代码, amounts in 元). */
export interface CampaignFormValues {
  year: number;
  name: string;
  period: [Dayjs, Dayjs];
  categories: AidCategory[];
  lowEdgeIncluded: boolean;
  incomeCeilingMultiplier: number;
  fundId?: string | null;
  targets: Record<string, TargetValues>;
  note?: string;
}

/** Where a server field error lands on the form. */
export const FIELD_OF: Record<string, string> = {
  year: 'year',
  name: 'name',
  startsOn: 'period',
  endsOn: 'period',
  categories: 'categories',
  lowEdgeIncluded: 'lowEdgeIncluded',
  incomeCeilingMultiplier: 'incomeCeilingMultiplier',
  fundId: 'fundId',
  note: 'note',
};

/** A new campaign: next year's if this year's exists, launched before 春节, all categories, 低边 up to 2×. */
export function newCampaignValues(year: number): CampaignFormValues {
  return {
    year,
    name: `${year}年春风行动`,
    period: [dayjs(`${year - 1}-12-20`), dayjs(`${year}-12-31`)],
    categories: ['hardship', 'medical', 'education', 'emergency', 'other'],
    lowEdgeIncluded: true,
    incomeCeilingMultiplier: 2,
    fundId: null,
    targets: {},
  };
}

export function valuesOf(c: Campaign): CampaignFormValues {
  return {
    year: c.year,
    name: c.name,
    period: [dayjs(c.startsOn), dayjs(c.endsOn)],
    categories: c.categories,
    lowEdgeIncluded: c.lowEdgeIncluded,
    incomeCeilingMultiplier: c.incomeCeilingMultiplier,
    fundId: c.fundId,
    targets: Object.fromEntries(c.targets.map((t) => [t.divisionCode, { households: t.households, yuan: fenToYuanNumber(t.amountFen) }])),
    note: c.note ?? undefined,
  };
}

/** The PUT/POST body: districts with a target only, amounts in 分. */
export function bodyOf(v: CampaignFormValues, divisions: CampaignOptions['divisions']): CampaignBody {
  return {
    year: v.year,
    name: v.name.trim(),
    startsOn: v.period[0].format('YYYY-MM-DD'),
    endsOn: v.period[1].format('YYYY-MM-DD'),
    categories: v.categories,
    lowEdgeIncluded: v.lowEdgeIncluded,
    incomeCeilingMultiplier: v.incomeCeilingMultiplier,
    fundId: v.fundId ?? null,
    targets: divisions
      .map((d) => ({ divisionCode: d.code, households: v.targets[d.code]?.households ?? 0, amountFen: yuanToFen(v.targets[d.code]?.yuan ?? 0) }))
      .filter((t) => t.households > 0 || t.amountFen > 0),
    note: v.note?.trim() || undefined,
  };
}
