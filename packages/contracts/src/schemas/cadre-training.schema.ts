import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';
import { cadreDate, CADRE_POSITIONS } from './cadre.schema.js';

/**
 * 学时 travel as decimals with one place (1.5 学时) and are stored as integer tenths.
 * Our defaults: 24 学时 a year for 专职 cadres, 12 for 兼职, a 90-day 换届 reminder and a 5-year term.
 */
export const DEFAULT_CADRE_HOUR_TARGETS = { fullTime: 24, partTime: 12 } as const;
export const DEFAULT_TERM_REMINDER_DAYS = 90;
export const DEFAULT_TERM_YEARS = 5;
export const MAX_TERM_YEARS = 5;

const hoursField = (label: string, min: number) =>
  z
    .number({ error: `请填写${label}` })
    .min(min, { error: `${label}不能小于${min}` })
    .max(500, { error: `${label}不能超过500` })
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, { error: `${label}最多保留一位小数` });

const trainingFields = z.object({
  orgId: z.uuid({ error: '请选择主办单位' }),
  title: requiredText(100, '培训班名称'),
  startsOn: cadreDate('开班日期'),
  endsOn: cadreDate('结束日期'),
  place: requiredText(100, '培训地点'),
  hours: hoursField('学时', 0.1),
  audience: optionalText(200),
  note: optionalText(500),
});
function checkDates(b: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx): void {
  if (b.endsOn < b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开班日期' });
}
export const trainingBodySchema = trainingFields.superRefine(checkDates);
export type TrainingBody = z.infer<typeof trainingBodySchema>;
export const updateTrainingBodySchema = trainingFields.extend({ version: z.number({ error: '缺少版本号' }).int() }).superRefine(checkDates);
export type UpdateTrainingBody = z.infer<typeof updateTrainingBodySchema>;

export const trainingListQuerySchema = z.object({
  q: optionalText(30),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TrainingListQuery = z.infer<typeof trainingListQuerySchema>;

export const trainingItemSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  hours: z.number(),
  audience: z.string().nullable(),
  attendees: z.number().int(),
  signedIn: z.number().int(),
});
export type TrainingItem = z.infer<typeof trainingItemSchema>;

export const attendanceRowSchema = z.object({
  cadreId: z.uuid(),
  name: z.string(),
  orgName: z.string(),
  position: z.enum(CADRE_POSITIONS),
  fullTime: z.boolean(),
  signedIn: z.boolean(),
  hours: z.number(),
  note: z.string().nullable(),
});
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;
export const trainingSchema = trainingItemSchema.extend({
  note: z.string().nullable(),
  version: z.number().int(),
  attendance: z.array(attendanceRowSchema),
  abilities: z.object({ canEdit: z.boolean(), canRecordAttendance: z.boolean() }),
});
export type Training = z.infer<typeof trainingSchema>;

/** Bulk attendance: one entry per cadre; hours default to the session's when signed in, 0 when absent. */
export const attendanceBodySchema = z.object({
  entries: z
    .array(
      z.object({
        cadreId: z.uuid({ error: '干部编号格式不正确' }),
        signedIn: z.boolean({ error: '请选择是否签到' }),
        hours: hoursField('认定学时', 0).optional(),
        note: optionalText(200),
      }),
      { error: '请填写签到名单' },
    )
    .min(1, { error: '请至少选择一名干部' })
    .max(500, { error: '一次最多录入500人' }),
});
export type AttendanceBody = z.infer<typeof attendanceBodySchema>;

export const cadreSettingsSchema = z.object({
  termReminderDays: z.number({ error: '请填写换届提醒天数' }).int({ error: '换届提醒天数应为整数' }).min(7, { error: '换届提醒天数不能少于7天' }).max(365, { error: '换届提醒天数不能超过365天' }),
  defaultTermYears: z.number({ error: '请填写默认届期' }).int().min(1, { error: '默认届期至少1年' }).max(MAX_TERM_YEARS, { error: `默认届期不能超过${MAX_TERM_YEARS}年` }),
  hourTargets: z
    .array(z.object({ year: z.number().int().min(2000).max(2100), fullTime: hoursField('专职学时目标', 0), partTime: hoursField('兼职学时目标', 0) }))
    .max(50)
    .superRefine((list, ctx) => {
      const seen = new Set<number>();
      list.forEach((t, i) => {
        if (seen.has(t.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `${t.year}年重复` });
        seen.add(t.year);
      });
    }),
});
export type CadreSettings = z.infer<typeof cadreSettingsSchema>;

export const cadreStatsQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), orgId: z.uuid({ error: '组织编号格式不正确' }).optional() });
export type CadreStatsQuery = z.infer<typeof cadreStatsQuerySchema>;
export const cadreStatsRowSchema = z.object({
  orgId: z.uuid().nullable(),
  orgName: z.string(),
  cadres: z.number().int(),
  fullTime: z.number().int(),
  partTime: z.number().int(),
  hours: z.number(),
  metTarget: z.number().int(),
  metShare: z.number(),
});
export type CadreStatsRow = z.infer<typeof cadreStatsRowSchema>;
export const cadreStatsSchema = z.object({ year: z.number().int(), target: z.object({ fullTime: z.number(), partTime: z.number() }), rows: z.array(cadreStatsRowSchema), total: cadreStatsRowSchema });
export type CadreStats = z.infer<typeof cadreStatsSchema>;
