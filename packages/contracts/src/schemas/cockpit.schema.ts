import { z } from 'zod';

/**
 * 工作驾驶舱: the year's figures of one org subtree (the city, a district, a street ...), the same
 * figures for each child org (drill-down), and last year's value of each (year over year).
 * The server owns the list of figures; the web renders whatever it returns, grouped.
 */
export const COCKPIT_GROUPS = ['organisation', 'homes', 'aid', 'care', 'activities', 'honours', 'rights', 'participation'] as const;
export type CockpitGroup = (typeof COCKPIT_GROUPS)[number];
export const COCKPIT_GROUP_LABELS: Record<CockpitGroup, string> = {
  organisation: '组织覆盖与会员',
  homes: '职工之家',
  aid: '春风行动与帮扶',
  care: '送温暖与医疗互助',
  activities: '活动、疗休养与竞赛',
  honours: '劳模工匠与创新',
  rights: '维权、集体协商与安全',
  participation: '办实事与满意度',
};

/** How a value reads: a count, people, money in 分, or a rate in [0, 1]. */
export const COCKPIT_UNITS = ['count', 'people', 'fen', 'rate'] as const;
export type CockpitUnit = (typeof COCKPIT_UNITS)[number];

export const cockpitQuerySchema = z.object({
  /** the org whose subtree is shown; default: the caller's own org */
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  /** calendar year in Beijing time; default: this year */
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在2000年至2100年之间' }).max(2100, { error: '年度应在2000年至2100年之间' }).optional(),
});
export type CockpitQuery = z.infer<typeof cockpitQuerySchema>;

export const cockpitFigureSchema = z.object({
  /** stable key, e.g. 'coverage.unionisedEnterprises' */
  key: z.string(),
  group: z.enum(COCKPIT_GROUPS),
  label: z.string(),
  unit: z.enum(COCKPIT_UNITS),
  value: z.number(),
  /** the same figure for the previous year; null where a year makes no sense (a standing count) or was not recorded */
  previous: z.number().nullable(),
  /** a target for the year (春风行动 households/amount ...), when one is set */
  target: z.number().nullable(),
  /** the web path of the list behind the figure, already filtered (org, year, state) */
  link: z.string().nullable(),
  /** one line of how the figure is counted (口径), shown as help text */
  note: z.string(),
});
export type CockpitFigure = z.infer<typeof cockpitFigureSchema>;

export const cockpitChildSchema = z.object({
  orgId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  /** the child has children of its own (drill further) */
  hasChildren: z.boolean(),
  /** figure key → value, for every figure of the parent */
  values: z.record(z.string(), z.number()),
});
export type CockpitChild = z.infer<typeof cockpitChildSchema>;

export const cockpitViewSchema = z.object({
  org: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), parentId: z.uuid().nullable() }),
  year: z.number().int(),
  figures: z.array(cockpitFigureSchema),
  children: z.array(cockpitChildSchema),
  /** when the figures were read (ISO, UTC) */
  generatedAt: z.string(),
  abilities: z.object({ canExportReport: z.boolean(), canDrillUp: z.boolean() }),
});
export type CockpitView = z.infer<typeof cockpitViewSchema>;
