import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';

/** The shared enrolment mechanism: offerings with places, quotas down the tree, eligibility, FCFS or lottery, waitlist, check-in. */
export const ENROLMENT_MODES = ['fcfs', 'lottery'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];
export const ENROLMENT_MODE_LABELS: Record<EnrolmentMode, string> = { fcfs: '先到先得', lottery: '报名后抽签' };

export const OFFERING_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];
export const OFFERING_STATUS_LABELS: Record<OfferingStatus, string> = { draft: '草稿', published: '已发布', cancelled: '已取消' };

export const ENROLMENT_STATUSES = ['confirmed', 'waitlisted', 'pending_lottery', 'not_selected', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** The statuses of a live sign-up: holding a place or waiting for one (one such per member and offering). */
export const LIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['confirmed', 'waitlisted', 'pending_lottery'];
export const isLiveEnrolment = (status: string): boolean => (LIVE_ENROLMENT_STATUSES as readonly string[]).includes(status);
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  pending_lottery: '待抽签',
  not_selected: '未中签',
  cancelled: '已取消',
};

/** Member flags an eligibility rule may require. */
export const MEMBER_FLAGS = ['migrantWorker', 'frontline', 'modelWorker', 'newEmploymentForm'] as const;
export type MemberFlag = (typeof MEMBER_FLAGS)[number];
export const MEMBER_FLAG_LABELS: Record<MemberFlag, string> = { migrantWorker: '农民工', frontline: '一线职工', modelWorker: '劳动模范', newEmploymentForm: '新就业形态劳动者' };

const count = (label: string, max: number) =>
  z.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能为负` }).max(max, { error: `${label}不能超过${max}` });

/**
 * Declarative eligibility, evaluated by the server; every unmet rule gives its reason in Chinese.
 * `requireFlags`: all of them; `anyOfFlags`: at least one; `maxPerYear`: at most N confirmed
 * places in offerings of the same kind (and type) in the calendar year of the offering.
 */
export const eligibilityRulesSchema = z
  .object({
    ageMin: count('最低年龄', 120).optional(),
    ageMax: count('最高年龄', 120).optional(),
    minMembershipMonths: count('入会月数', 600).optional(),
    requireFlags: z.array(z.enum(MEMBER_FLAGS, { error: '身份条件不正确' })).max(MEMBER_FLAGS.length).optional(),
    anyOfFlags: z.array(z.enum(MEMBER_FLAGS, { error: '身份条件不正确' })).max(MEMBER_FLAGS.length).optional(),
    gender: z.enum(['male', 'female'], { error: '性别条件应为 male 或 female' }).optional(),
    maxPerYear: count('每年参加次数上限', 100).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.ageMin !== undefined && r.ageMax !== undefined && r.ageMax < r.ageMin) ctx.addIssue({ code: 'custom', path: ['ageMax'], message: '最高年龄不能小于最低年龄' });
  });
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

/** The figures of an offering every screen shows. */
export const offeringFiguresSchema = z.object({
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  pendingLottery: z.number().int(),
  checkedIn: z.number().int(),
});
export type OfferingFigures = z.infer<typeof offeringFiguresSchema>;

export const quotaSchema = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  allocatedByOrgId: z.uuid(),
  places: z.number().int(),
  used: z.number().int(),
  returnAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returned: z.number().int(),
});
export type Quota = z.infer<typeof quotaSchema>;

export const allocateQuotaBodySchema = z
  .object({
    orgId: z.uuid({ error: '请选择下级组织' }),
    places: count('名额', 1_000_000).refine((n) => n > 0, { error: '名额应大于0' }),
    returnAt: z.iso.datetime({ offset: true, error: '名额收回时间格式不正确' }).nullable().optional(),
  })
  .strict();

export const lotteryDrawBodySchema = z
  .object({ seed: z.string().regex(/^[0-9a-f]{16,64}$/, { error: '抽签种子应为16-64位十六进制数字' }).optional() })
  .strict();

export const cancelEnrolmentBodySchema = z.object({ reason: z.string().trim().max(200, { error: '原因不能超过200字' }).optional() }).strict();

export const checkInBodySchema = z
  .object({ code: z.string({ error: '请扫描或输入签到码' }).trim().min(8, { error: '签到码不正确' }).max(100, { error: '签到码不正确' }) })
  .strict();

export const enrolmentSchema = z.object({
  id: z.uuid(),
  offeringId: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  memberIdCard: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  statusLabel: z.string(),
  seatNo: z.number().int().nullable(),
  waitlistPosition: z.number().int().nullable(),
  source: z.enum(['self', 'nominated']),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** what the sign-up carried, as lines (a child, a partner with a masked 身份证, study declarations) */
  detailsText: z.array(z.string()),
  /** documents uploaded with the sign-up and the labels of those still missing */
  documents: z.array(attachmentSchema),
  missingDocuments: z.array(z.string()),
  subsidy: z.object({ payoutId: z.uuid(), amountFen: z.number().int(), status: z.string() }).nullable(),
  abilities: z.object({ canCancel: z.boolean(), canCheckIn: z.boolean(), canPaySubsidy: z.boolean() }),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const enrolmentListQuerySchema = z.object({
  status: z.enum(ENROLMENT_STATUSES).optional(),
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const signupResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(ENROLMENT_STATUSES),
  statusLabel: z.string(),
  seatNo: z.number().int().nullable(),
  waitlistPosition: z.number().int().nullable(),
});
export type SignupResult = z.infer<typeof signupResultSchema>;

export const checkInResultSchema = z.object({
  enrolmentId: z.uuid(),
  offeringTitle: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  checkedInAt: z.string(),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;

export const lotteryResultSchema = z.object({
  seed: z.string(),
  drawnAt: z.string(),
  digest: z.string(),
  selected: z.number().int(),
  waitlisted: z.number().int(),
  notSelected: z.number().int(),
});
export type LotteryResult = z.infer<typeof lotteryResultSchema>;
