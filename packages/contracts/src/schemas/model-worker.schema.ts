import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';
import { idCardSchema, mobileSchema } from './member.schema.js';

/** 劳模 registry: honours by level, care flags (≥ 75 and 鳏寡独居, computed), placement in public elderly-care homes. */
export const HONOUR_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];
export const HONOUR_LEVEL_LABELS: Record<HonourLevel, string> = { national: '全国', provincial: '省部级', city: '市级', district: '区县(市)级' };
/** Titles offered in the form (free text is accepted too). */
export const HONOUR_TITLE_SUGGESTIONS: Record<HonourLevel, string[]> = {
  national: ['全国劳动模范', '全国先进工作者', '全国五一劳动奖章'],
  provincial: ['浙江省劳动模范', '浙江省先进工作者', '浙江省五一劳动奖章'],
  city: ['杭州市劳动模范', '杭州市先进工作者', '杭州市五一劳动奖章'],
  district: ['区县(市)劳动模范', '区县(市)先进工作者'],
};
/** The age from which an elderly 劳模 is flagged for care (speech: 75岁以上老劳模). */
export const MODEL_WORKER_CARE_AGE = 75;

export const PLACEMENT_STATUSES = ['applied', 'recommended', 'admitted', 'unsuccessful'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const PLACEMENT_STATUS_LABELS: Record<PlacementStatus, string> = { applied: '申请中', recommended: '已推荐', admitted: '已入住', unsuccessful: '未成功' };
/** The statuses each status may move to. */
export const PLACEMENT_NEXT: Record<PlacementStatus, PlacementStatus[]> = { applied: ['recommended', 'unsuccessful'], recommended: ['admitted', 'unsuccessful'], admitted: [], unsuccessful: [] };

const dateSchema = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const honourBodySchema = z.object({
  level: z.enum(HONOUR_LEVELS, { error: '请选择荣誉级别' }),
  title: requiredText(40, '荣誉称号'),
  year: z.number({ error: '请填写获得年份' }).int({ error: '获得年份应为整数' }).min(1950, { error: '获得年份不能早于1950年' }).max(2100, { error: '获得年份不正确' }),
});
export type HonourBody = z.infer<typeof honourBodySchema>;

const modelWorkerFields = z.object({
  name: requiredText(30, '姓名'),
  gender: z.enum(['male', 'female'], { error: '请选择性别' }),
  birthDate: dateSchema('出生日期'),
  idCard: z.preprocess(emptyToUndefined, idCardSchema.optional()),
  phone: z.preprocess(emptyToUndefined, mobileSchema.optional()),
  orgId: z.uuid({ error: '请选择所属工会' }),
  unit: optionalText(100),
  retired: z.boolean().default(false),
  deceasedOn: z.preprocess(emptyToUndefined, dateSchema('去世日期').optional()),
  livesAlone: z.boolean().default(false),
  livingNote: optionalText(200),
  address: optionalText(200),
  note: optionalText(500),
  honours: z.array(honourBodySchema, { error: '请填写荣誉' }).min(1, { error: '请至少填写一项荣誉' }).max(20, { error: '荣誉不能超过20项' }),
});
function checkModelWorker(b: z.infer<typeof modelWorkerFields>, ctx: z.RefinementCtx): void {
  if (b.livesAlone && !b.livingNote) ctx.addIssue({ code: 'custom', path: ['livingNote'], message: '鳏寡独居须说明情况(如丧偶独居、无子女)' });
  if (b.deceasedOn && b.deceasedOn < b.birthDate) ctx.addIssue({ code: 'custom', path: ['deceasedOn'], message: '去世日期不能早于出生日期' });
}
export const modelWorkerBodySchema = modelWorkerFields.superRefine(checkModelWorker);
export type ModelWorkerBody = z.infer<typeof modelWorkerBodySchema>;
export const updateModelWorkerBodySchema = modelWorkerFields.extend({ version: z.number({ error: '缺少版本号' }).int() }).superRefine(checkModelWorker);
export type UpdateModelWorkerBody = z.infer<typeof updateModelWorkerBodySchema>;

export const MODEL_WORKER_CARE_FILTERS = ['any', 'age75', 'alone'] as const;
export type ModelWorkerCareFilter = (typeof MODEL_WORKER_CARE_FILTERS)[number];

export const modelWorkerListQuerySchema = z.object({
  q: optionalText(30),
  level: z.enum(HONOUR_LEVELS).optional(),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  care: z.enum(MODEL_WORKER_CARE_FILTERS).optional(),
  alive: z.enum(['alive', 'deceased', 'all']).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ModelWorkerListQuery = z.infer<typeof modelWorkerListQuerySchema>;
export const modelWorkerExportQuerySchema = modelWorkerListQuerySchema.omit({ page: true, pageSize: true });
export const modelWorkerCareQuerySchema = modelWorkerListQuerySchema.omit({ alive: true });

export const honourSchema = honourBodySchema.extend({ levelLabel: z.string() });
export type Honour = z.infer<typeof honourSchema>;

export const careFlagsSchema = z.object({ age75: z.boolean(), livesAlone: z.boolean(), care: z.boolean() });
export type CareFlags = z.infer<typeof careFlagsSchema>;

export const modelWorkerListItemSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  districtName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  idCard: z.string().nullable(),
  phone: z.string().nullable(),
  memberId: z.string().nullable(),
  unit: z.string().nullable(),
  retired: z.boolean(),
  deceasedOn: z.string().nullable(),
  livesAlone: z.boolean(),
  livingNote: z.string().nullable(),
  address: z.string().nullable(),
  honours: z.array(honourSchema),
  flags: careFlagsSchema,
  lastVisitedOn: z.string().nullable(),
  placementStatus: z.enum(PLACEMENT_STATUSES).nullable(),
});
export type ModelWorkerListItem = z.infer<typeof modelWorkerListItemSchema>;

export const placementSchema = z.object({
  id: z.string(),
  modelWorkerId: z.string(),
  homeName: z.string(),
  appliedOn: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  statusLabel: z.string(),
  statusOn: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), by: z.string(), from: z.enum(PLACEMENT_STATUSES).nullable(), to: z.enum(PLACEMENT_STATUSES), on: z.string(), reason: z.string().nullable() })),
  next: z.array(z.enum(PLACEMENT_STATUSES)),
});
export type Placement = z.infer<typeof placementSchema>;

export const modelWorkerVisitSchema = z.object({
  id: z.string(),
  visitedOn: z.string(),
  planTitle: z.string(),
  visitors: z.string(),
  place: z.string(),
  goodsDescription: z.string().nullable(),
  moneyFen: z.number().int(),
});

export const modelWorkerSchema = modelWorkerListItemSchema.extend({
  note: z.string().nullable(),
  memberCardNo: z.string().nullable(),
  memberOrgName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  visits: z.array(modelWorkerVisitSchema),
  placements: z.array(placementSchema),
  abilities: z.object({ canEdit: z.boolean(), canApplyPlacement: z.boolean(), placementRefusal: z.string().nullable(), canRecordVisit: z.boolean() }),
});
export type ModelWorker = z.infer<typeof modelWorkerSchema>;

export const placementBodySchema = z.object({
  homeName: requiredText(100, '养老机构名称'),
  appliedOn: dateSchema('申请日期'),
  note: optionalText(500),
});
export const placementStatusBodySchema = z
  .object({
    status: z.enum(['recommended', 'admitted', 'unsuccessful'], { error: '请选择新的状态' }),
    on: dateSchema('日期'),
    reason: optionalText(300),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'unsuccessful' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写未成功的原因' });
  });
export const placementParamsSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), placementId: z.uuid({ error: '编号格式不正确' }) });

/** Care figures of one district: alive 劳模, flagged (≥ 75 / 鳏寡独居 / either), visited this year, placements. */
export const modelWorkerCareCountSchema = z.object({
  orgId: z.string().nullable(),
  orgName: z.string(),
  alive: z.number().int(),
  age75: z.number().int(),
  livesAlone: z.number().int(),
  care: z.number().int(),
  visitedThisYear: z.number().int(),
  placementsOpen: z.number().int(),
  admitted: z.number().int(),
});
export type ModelWorkerCareCount = z.infer<typeof modelWorkerCareCountSchema>;
