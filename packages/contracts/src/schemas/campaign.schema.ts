import { z } from 'zod';
import { AID_CATEGORIES } from './aid.schema.js';
import { optionalText, requiredText } from './common.schema.js';

/** 春风行动: one campaign a year, launched before 春节. */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '筹备中', active: '进行中', closed: '已结束' };

export const DONOR_TYPES = ['enterprise', 'individual', 'organisation'] as const;
export type DonorType = (typeof DONOR_TYPES)[number];
export const DONOR_TYPE_LABELS: Record<DonorType, string> = { enterprise: '企业', individual: '个人', organisation: '机关事业单位/社会组织' };

/** The widest income ceiling a campaign may set, as a multiple of the 低保 line. */
export const CAMPAIGN_MULTIPLIER_RANGE = { min: 1, max: 4 } as const;
const MAX_TARGET_FEN = 100_000_000_000; // 10 亿元
const MAX_DONATION_FEN = 10_000_000_000; // 1 亿元

const isoDate = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });

export const campaignTargetSchema = z.object({
  divisionCode: z.string({ error: '请选择区县(市)' }).regex(/^\d{6}$/, { error: '区县(市)代码应为6位数字' }),
  households: z.number({ error: '请填写帮扶户数' }).int({ error: '帮扶户数应为整数' }).min(0, { error: '帮扶户数不能为负' }).max(1_000_000, { error: '帮扶户数不能超过100万户' }),
  amountFen: z.number({ error: '请填写帮扶金额' }).int({ error: '金额应为整数(分)' }).min(0, { error: '帮扶金额不能为负' }).max(MAX_TARGET_FEN, { error: '目标金额不能超过10亿元' }),
});
export type CampaignTarget = z.infer<typeof campaignTargetSchema>;

/** Create and replace (PUT) share one body: the whole settings form. */
export const campaignBodySchema = z
  .object({
    year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在2000年至2100年之间' }).max(2100, { error: '年度应在2000年至2100年之间' }),
    name: requiredText(60, '活动名称'),
    startsOn: isoDate('开始日期'),
    endsOn: isoDate('结束日期'),
    categories: z
      .array(z.enum(AID_CATEGORIES, { error: '救助类别应为 hardship、medical、education、emergency 或 other' }), { error: '请选择救助类别' })
      .min(1, { error: '请至少选择一个救助类别' })
      .max(AID_CATEGORIES.length, { error: '救助类别重复' }),
    /** 低边 households (income above the standard tiers, up to the ceiling) are included */
    lowEdgeIncluded: z.boolean({ error: '请选择是否纳入低边家庭' }),
    /** the income ceiling as a multiple of the local 低保 line, e.g. 2 = 2× 低保; at most 2 decimals */
    incomeCeilingMultiplier: z
      .number({ error: '请填写收入上限倍数' })
      .min(CAMPAIGN_MULTIPLIER_RANGE.min, { error: `收入上限倍数应在${CAMPAIGN_MULTIPLIER_RANGE.min}至${CAMPAIGN_MULTIPLIER_RANGE.max}倍之间` })
      .max(CAMPAIGN_MULTIPLIER_RANGE.max, { error: `收入上限倍数应在${CAMPAIGN_MULTIPLIER_RANGE.min}至${CAMPAIGN_MULTIPLIER_RANGE.max}倍之间` })
      .refine((m) => Math.abs(m * 100 - Math.round(m * 100)) < 1e-9, { error: '收入上限倍数最多保留两位小数' }),
    fundId: z.uuid({ error: '请选择支出资金' }).nullable().optional(),
    targets: z.array(campaignTargetSchema, { error: '目标格式不正确' }).max(100, { error: '目标最多100条' }).default([]),
    note: optionalText(500),
  })
  .superRefine((b, ctx) => {
    if (new Set(b.categories).size !== b.categories.length) ctx.addIssue({ code: 'custom', path: ['categories'], message: '救助类别重复' });
    if (b.endsOn < b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
    const startYear = Number(b.startsOn.slice(0, 4));
    if (startYear !== b.year && startYear !== b.year - 1) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: `开始日期应在${b.year - 1}年或${b.year}年内(春节前启动)` });
    if (Number(b.endsOn.slice(0, 4)) > b.year + 1) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `结束日期不能晚于${b.year + 1}年` });
    const seen = new Set<string>();
    b.targets.forEach((t, i) => {
      if (seen.has(t.divisionCode)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'divisionCode'], message: '同一区县(市)的目标重复' });
      seen.add(t.divisionCode);
    });
  });

export const campaignStatusBodySchema = z.object({
  status: z.enum(['active', 'closed'], { error: '状态应为 active(启动)或 closed(结束)' }),
});

export const campaignSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  categories: z.array(z.enum(AID_CATEGORIES)),
  lowEdgeIncluded: z.boolean(),
  incomeCeilingMultiplier: z.number(),
  fundId: z.string().nullable(),
  fundName: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  note: z.string().nullable(),
  targets: z.array(campaignTargetSchema.extend({ divisionName: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ canManage: z.boolean(), canRecordDonation: z.boolean() }),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** What the settings form offers: the city's districts and the funds the caller may pay from. */
export const campaignOptionsSchema = z.object({
  divisions: z.array(z.object({ code: z.string(), name: z.string() })),
  funds: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), orgName: z.string() })),
});
export type CampaignOptions = z.infer<typeof campaignOptionsSchema>;

export const donationBodySchema = z.object({
  donorName: requiredText(100, '捐赠方名称'),
  donorType: z.enum(DONOR_TYPES, { error: '捐赠方类型应为 enterprise(企业)、individual(个人)或 organisation(单位/社会组织)' }),
  amountFen: z.number({ error: '请填写捐款金额' }).int({ error: '金额应为整数(分)' }).min(1, { error: '捐款金额应大于0' }).max(MAX_DONATION_FEN, { error: '单笔捐款不能超过1亿元' }),
  /** the receipt (捐赠票据) number: unique, and the ledger entry's business key */
  receiptNo: z
    .string({ error: '请填写收据编号' })
    .trim()
    .min(3, { error: '收据编号至少3位' })
    .max(40, { error: '收据编号不能超过40位' })
    .regex(/^\S+$/, { error: '收据编号不能包含空格' })
    .transform((v) => v.toUpperCase()),
  receivedOn: isoDate('到账日期'),
  /** the union that received it (defaults to the caller's own) */
  orgId: z.uuid({ error: '接收单位编号格式不正确' }).optional(),
  note: optionalText(200),
});

export const donationListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  donorType: z.enum(DONOR_TYPES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const donationExportBodySchema = donationListQuerySchema.omit({ page: true, pageSize: true });

export const donationSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  donorName: z.string(),
  donorType: z.enum(DONOR_TYPES),
  donorTypeLabel: z.string(),
  amountFen: z.number().int(),
  receiptNo: z.string(),
  receivedOn: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  fundId: z.string(),
  fundName: z.string(),
  ledgerEntryId: z.number().int(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Donation = z.infer<typeof donationSchema>;

export const donationPageSchema = z.object({
  items: z.array(donationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** the sum of every donation matching the filter (not only this page), in 分 */
  totalAmountFen: z.number().int(),
});

const helpedFigures = {
  applications: z.number().int(),
  households: z.number().int(),
  amountFen: z.number().int(),
};

export const campaignDashboardSchema = z.object({
  campaign: z.object({ id: z.string(), year: z.number().int(), name: z.string(), status: z.enum(CAMPAIGN_STATUSES), startsOn: z.string(), endsOn: z.string() }),
  totals: z.object({
    ...helpedFigures,
    /** paid out through the ledger (payouts marked paid) */
    paidFen: z.number().int(),
    /** applications still in review, returned or in 公示 */
    inProgress: z.number().int(),
    targetHouseholds: z.number().int(),
    targetAmountFen: z.number().int(),
    donations: z.number().int(),
    donationsFen: z.number().int(),
  }),
  /** null when the fund lies outside the caller's data scope */
  fund: z.object({ id: z.string(), name: z.string(), balanceFen: z.number().int() }).nullable(),
  byCategory: z.array(z.object({ category: z.enum(AID_CATEGORIES), label: z.string(), ...helpedFigures })),
  byDistrict: z.array(
    z.object({
      divisionCode: z.string(),
      divisionName: z.string(),
      ...helpedFigures,
      /** null when no target is set, or the district is not wholly in the caller's scope */
      targetHouseholds: z.number().int().nullable(),
      targetAmountFen: z.number().int().nullable(),
    }),
  ),
  /** Asia/Shanghai weeks (Monday first) */
  byWeek: z.array(z.object({ weekStart: z.string(), ...helpedFigures, newHouseholds: z.number().int(), cumulativeHouseholds: z.number().int(), cumulativeAmountFen: z.number().int() })),
  generatedAt: z.string(),
});
export type CampaignDashboard = z.infer<typeof campaignDashboardSchema>;
