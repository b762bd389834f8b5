import { z } from 'zod';
import { optionalText, pageQuerySchema, requiredText } from './common.schema.js';

/**
 * 满意不满意单位评选 (Hangzhou's comprehensive evaluation): campaigns, 被测评单位, 测评群体 with weights
 * (basis points, summing to 10000), one-time invitation codes, ballots on three dimensions × five levels.
 */
export const RATING_STATES = ['draft', 'open', 'closed', 'published'] as const;
export type RatingState = (typeof RATING_STATES)[number];
export const RATING_STATE_LABELS: Record<RatingState, string> = { draft: '草稿', open: '进行中', closed: '已结束', published: '已发布' };

export const RATING_DIMENSIONS = ['attitude', 'integrity', 'effect'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = { attitude: '服务态度与效率', integrity: '公正廉洁', effect: '工作成效与影响' };

/** Levels 1 … 5; 1-3 count as satisfied. */
export const RATING_LEVELS = [1, 2, 3, 4, 5] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = { 1: '满意', 2: '比较满意', 3: '基本满意', 4: '不太满意', 5: '不满意' };
export const SATISFIED_MAX_LEVEL = 3;

export const RATING_UNIT_CATEGORIES = ['city_department', 'district_union', 'public_service', 'other'] as const;
export type RatingUnitCategory = (typeof RATING_UNIT_CATEGORIES)[number];
export const RATING_UNIT_CATEGORY_LABELS: Record<RatingUnitCategory, string> = { city_department: '市级机关部门', district_union: '区县(市)总工会', public_service: '公共服务单位', other: '其他' };

export const RATING_CLASS_LABELS = { satisfied: '满意单位', normal: '一般', dissatisfied: '不满意单位', none: '无有效票' } as const;
export type RatingClass = keyof typeof RATING_CLASS_LABELS;

/** The 9 rater groups a new campaign starts with (weights in basis points, summing to 10000). */
export const DEFAULT_RATER_GROUPS: readonly { name: string; weightBp: number }[] = [
  { name: '职工代表', weightBp: 2000 },
  { name: '企业代表', weightBp: 1200 },
  { name: '人大代表', weightBp: 1000 },
  { name: '政协委员', weightBp: 1000 },
  { name: '基层工会干部', weightBp: 1200 },
  { name: '劳模', weightBp: 800 },
  { name: '社区群众', weightBp: 1400 },
  { name: '媒体', weightBp: 600 },
  { name: '特邀监督员', weightBp: 800 },
];

const bp = (label: string) => z.coerce.number({ error: `请填写${label}` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能小于0` }).max(10000, { error: `${label}不能超过10000(100%)` });
const positive = (label: string, max: number) => z.coerce.number({ error: `请填写${label}` }).int({ error: `${label}应为整数` }).min(1, { error: `${label}至少为1` }).max(max, { error: `${label}不能超过${max}` });
const isoDate = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });

export const ratingCampaignBodySchema = z.object({
  year: z.coerce.number({ error: '请填写年度' }).int().min(2000, { error: '年度不能早于2000' }).max(2100, { error: '年度不正确' }),
  title: requiredText(100, '测评名称'),
  startsOn: isoDate('开始日期'),
  endsOn: isoDate('结束日期'),
  description: optionalText(2000),
  allowMembers: z.boolean().default(false),
  satisfiedMinBp: bp('满意单位线').default(9000),
  dissatisfiedBelowBp: bp('不满意单位线').default(7500),
  burstWindowMinutes: positive('异常检测时间窗(分钟)', 1440).default(10),
  burstIpLimit: positive('同一设备提交上限', 100000).default(20),
  burstSameAnswerLimit: positive('相同答卷上限', 100000).default(15),
});
export type RatingCampaignBody = z.infer<typeof ratingCampaignBodySchema>;

export const ratingCampaignListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().optional(),
  state: z.enum(RATING_STATES).optional(),
  q: optionalText(50),
});

export const ratingUnitSchema = z.object({ id: z.uuid(), name: z.string(), orgId: z.uuid().nullable(), orgName: z.string().nullable(), category: z.enum(RATING_UNIT_CATEGORIES), sort: z.number().int() });
export type RatingUnit = z.infer<typeof ratingUnitSchema>;
export const raterGroupSchema = z.object({ id: z.uuid(), name: z.string(), weightBp: z.number().int(), sort: z.number().int(), forMembers: z.boolean(), codes: z.number().int(), usedCodes: z.number().int(), ballots: z.number().int() });
export type RaterGroup = z.infer<typeof raterGroupSchema>;

export const ratingUnitsBodySchema = z.object({
  units: z
    .array(z.object({ id: z.uuid().optional(), name: requiredText(60, '单位名称'), orgId: z.uuid().nullish(), category: z.enum(RATING_UNIT_CATEGORIES, { error: '请选择单位类别' }) }))
    .min(1, { error: '至少一个被测评单位' })
    .max(500, { error: '被测评单位不能超过500个' }),
});
export const raterGroupsBodySchema = z.object({
  groups: z
    .array(z.object({ id: z.uuid().optional(), name: requiredText(30, '群体名称'), weightBp: bp('权重'), forMembers: z.boolean().default(false) }))
    .min(1, { error: '至少一个测评群体' })
    .max(20, { error: '测评群体不能超过20个' }),
});

export const ratingCampaignAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canOpen: z.boolean(),
  canClose: z.boolean(),
  canPublish: z.boolean(),
  canInvite: z.boolean(),
  canReview: z.boolean(),
  canExport: z.boolean(),
});

export const ratingCampaignListItemSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(RATING_STATES),
  units: z.number().int(),
  raters: z.number().int(),
  flagged: z.number().int(),
});
export type RatingCampaignListItem = z.infer<typeof ratingCampaignListItemSchema>;

export const ratingCampaignSchema = ratingCampaignListItemSchema.extend({
  orgId: z.uuid(),
  description: z.string().nullable(),
  allowMembers: z.boolean(),
  memberGroupId: z.uuid().nullable(),
  satisfiedMinBp: z.number().int(),
  dissatisfiedBelowBp: z.number().int(),
  burstWindowMinutes: z.number().int(),
  burstIpLimit: z.number().int(),
  burstSameAnswerLimit: z.number().int(),
  publishedAt: z.string().nullable(),
  unitList: z.array(ratingUnitSchema),
  groups: z.array(raterGroupSchema),
  abilities: ratingCampaignAbilitiesSchema,
});
export type RatingCampaign = z.infer<typeof ratingCampaignSchema>;

export const ratingCodeBatchBodySchema = z
  .object({
    groupId: z.uuid({ error: '请选择测评群体' }),
    source: z.enum(['phones', 'members'], { error: '请选择号码来源' }),
    phones: z.array(z.string().trim().regex(/^1\d{10}$/, { error: '手机号应为11位数字' })).max(5000, { error: '一次最多粘贴5000个手机号' }).optional(),
    count: z.coerce.number().int().min(1, { error: '数量至少为1' }).max(300000, { error: '一次最多30万个' }).optional(),
  })
  .superRefine((b, c) => {
    if (b.source === 'phones' && !b.phones?.length) c.addIssue({ code: 'custom', path: ['phones'], message: '请填写手机号' });
    if (b.source === 'members' && !b.count) c.addIssue({ code: 'custom', path: ['count'], message: '请填写抽取数量' });
  });
export type RatingCodeBatchBody = z.infer<typeof ratingCodeBatchBodySchema>;
export const ratingCodeBatchSchema = z.object({
  id: z.uuid(),
  groupName: z.string(),
  source: z.string(),
  requested: z.number().int(),
  generated: z.number().int(),
  jobId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type RatingCodeBatch = z.infer<typeof ratingCodeBatchSchema>;
