import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { optionalText, requiredText } from './common.schema.js';
import { ACTIVITY_DETAILS_SCHEMAS } from './activity-programme.schema.js';
import {
  ENROLMENT_MODES,
  ENROLMENT_STATUSES,
  OFFERING_STATUSES,
  eligibilityRulesSchema,
  lotteryResultSchema,
  offeringFiguresSchema,
  quotaSchema,
} from './enrolment.schema.js';

/** Activities with limited places (平安返乡 / 小候鸟 / 集体婚礼 / 圆梦计划 / general), on the enrolment mechanism. */
export const ACTIVITY_TYPES = ['homeward', 'summer_class', 'group_wedding', 'education', 'general'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  homeward: '平安返乡',
  summer_class: '小候鸟暑期班',
  group_wedding: '集体婚礼',
  education: '农民工圆梦计划',
  general: '其他活动',
};

const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });

export const createActivityBodySchema = z
  .object({
    title: requiredText(80, '活动名称'),
    type: z.enum(ACTIVITY_TYPES, { error: '活动类型应为 homeward、summer_class、group_wedding、education 或 general' }),
    capacity: z.number({ error: '请填写名额' }).int({ error: '名额应为整数' }).min(1, { error: '名额至少为1' }).max(100_000, { error: '名额不能超过100000' }),
    orgId: z.uuid({ error: '请选择主办工会' }),
    signupOpensAt: instant('报名开始时间'),
    signupClosesAt: instant('报名截止时间'),
    mode: z.enum(ENROLMENT_MODES, { error: '报名方式应为 fcfs(先到先得)或 lottery(抽签)' }),
    waitlist: z.boolean({ error: '请选择是否允许候补' }).optional(),
    cancelUntil: instant('取消报名截止时间').nullable().optional(),
    startsAt: instant('活动开始时间').nullable().optional(),
    endsAt: instant('活动结束时间').nullable().optional(),
    venue: optionalText(120),
    description: optionalText(2000),
    rules: eligibilityRulesSchema.optional(),
    /** what the type adds: 平安返乡 route and subsidy, 小候鸟 children's ages, 圆梦计划 level */
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    // details are optional (an activity may go without a route or a subsidy); when given, they must be right
    const detailsSchema = ACTIVITY_DETAILS_SCHEMAS[b.type];
    if (detailsSchema && b.details !== undefined) {
      const r = detailsSchema.safeParse(b.details);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['details', ...i.path.map(String)], message: i.message });
    } else if (b.details && Object.keys(b.details).length > 0) ctx.addIssue({ code: 'custom', path: ['details'], message: '该类型的活动没有附加信息' });
    if (b.type === 'summer_class') {
      if (!b.startsAt || !b.endsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: '小候鸟暑期班须填写开班和结班时间' });
      else if (Date.parse(b.endsAt) - Date.parse(b.startsAt) < 13 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '小候鸟暑期班至少开班两周' });
      if (b.capacity < 20) ctx.addIssue({ code: 'custom', path: ['capacity'], message: '小候鸟暑期班每班不少于20名儿童' });
    }
    if (Date.parse(b.signupClosesAt) <= Date.parse(b.signupOpensAt)) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间应晚于报名开始时间' });
    if (b.cancelUntil && Date.parse(b.cancelUntil) < Date.parse(b.signupOpensAt)) ctx.addIssue({ code: 'custom', path: ['cancelUntil'], message: '取消报名截止时间不能早于报名开始时间' });
    if (b.startsAt && b.endsAt && Date.parse(b.endsAt) < Date.parse(b.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '活动结束时间不能早于开始时间' });
  });
export type CreateActivityBody = z.infer<typeof createActivityBodySchema>;

export const activityListQuerySchema = z.object({
  type: z.enum(ACTIVITY_TYPES).optional(),
  status: z.enum(OFFERING_STATUSES).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const activitySchema = offeringFiguresSchema.extend({
  id: z.uuid(),
  offeringId: z.uuid(),
  title: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  typeLabel: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.enum(OFFERING_STATUSES),
  statusLabel: z.string(),
  /** 未开始 / 报名中 / 已截止, from the window and the clock */
  phase: z.enum(['not_open', 'open', 'closed']),
  mode: z.enum(ENROLMENT_MODES),
  waitlist: z.boolean(),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  cancelUntil: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  venue: z.string().nullable(),
  description: z.string().nullable(),
  rules: eligibilityRulesSchema,
  rulesText: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  quotas: z.array(quotaSchema),
  lottery: lotteryResultSchema.nullable(),
  abilities: z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canAllocate: z.boolean(), canDraw: z.boolean(), canCancel: z.boolean() }),
});
export type Activity = z.infer<typeof activitySchema>;

export const activityListItemSchema = activitySchema.pick({
  id: true, title: true, type: true, typeLabel: true, orgName: true, status: true, statusLabel: true, phase: true, mode: true,
  capacity: true, confirmed: true, waitlisted: true, pendingLottery: true, signupOpensAt: true, signupClosesAt: true, startsAt: true,
});
export type ActivityListItem = z.infer<typeof activityListItemSchema>;

/** What a member sees of an open activity on the phone, with whether they may sign up and why not. */
export const memberActivitySchema = activitySchema
  .pick({ id: true, title: true, type: true, typeLabel: true, orgName: true, phase: true, mode: true, waitlist: true, capacity: true, confirmed: true, signupOpensAt: true, signupClosesAt: true, cancelUntil: true, startsAt: true, endsAt: true, venue: true, description: true, rulesText: true, details: true })
  .extend({
    myEnrolment: z
      .object({
        id: z.uuid(),
        status: z.enum(ENROLMENT_STATUSES),
        statusLabel: z.string(),
        seatNo: z.number().int().nullable(),
        waitlistPosition: z.number().int().nullable(),
        checkedInAt: z.string().nullable(),
        canCancel: z.boolean(),
        /** uploaded documents (结婚证 ...), what the activity still asks for, and whether more may be uploaded now */
        documents: z.array(attachmentSchema),
        missingDocuments: z.array(z.string()),
        canUploadDocuments: z.boolean(),
      })
      .nullable(),
    /** null when the member may sign up now; otherwise the reason in Chinese */
    refusal: z.string().nullable(),
  });
export type MemberActivity = z.infer<typeof memberActivitySchema>;

export const checkInCodeSchema = z.object({ code: z.string(), qrSvg: z.string(), title: z.string(), memberName: z.string() });
export type CheckInCode = z.infer<typeof checkInCodeSchema>;
