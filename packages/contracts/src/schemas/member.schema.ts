import { z } from 'zod';
import { parseIdCard } from '../validators/id-card.validator.js';
import { isValidMobile } from '../validators/phone.validator.js';
import { optionalText, requiredText } from './common.schema.js';

export const MEMBER_STATUSES = ['active', 'transferred_out', 'retired', 'withdrawn', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在册',
  transferred_out: '已转出',
  retired: '退休',
  withdrawn: '退会',
  deceased: '去世',
};
export const SKILL_LEVELS = ['初级工', '中级工', '高级工', '技师', '高级技师'] as const;
export const EDUCATIONS = ['初中及以下', '高中/中专', '大专', '本科', '硕士', '博士'] as const;

export const idCardSchema = z
  .string({ error: '请填写身份证号' })
  .trim()
  .superRefine((v, ctx) => {
    const r = parseIdCard(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });
export const mobileSchema = z
  .string({ error: '请填写手机号' })
  .trim()
  .refine(isValidMobile, { message: '手机号应为11位中国大陆手机号(1开头,第二位3-9)' });
export const bankAccountSchema = z.string().trim().regex(/^\d{12,19}$/, { error: '银行卡号应为12-19位数字' });
const dateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export const memberFlagsSchema = z.object({
  migrantWorker: z.boolean().optional(),
  frontline: z.boolean().optional(),
  newEmploymentForm: z.boolean().optional(),
  modelWorker: z.boolean().optional(),
  skillLevel: z.enum(SKILL_LEVELS, { error: '技能等级不正确' }).nullable().optional(),
  education: z.enum(EDUCATIONS, { error: '学历不正确' }).nullable().optional(),
});

export const createMemberBodySchema = z
  .object({
    name: requiredText(30, '姓名'),
    idCard: idCardSchema,
    phone: mobileSchema,
    orgId: z.uuid({ error: '请选择所在基层工会' }),
    joinedAt: dateSchema.optional(),
    bankAccount: bankAccountSchema.optional(),
    enterpriseId: z.uuid().optional(),
    cardNo: z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/, { error: '会员卡号应为6-20位字母或数字' }).optional(),
  })
  .extend(memberFlagsSchema.shape);
export type CreateMemberBody = z.infer<typeof createMemberBodySchema>;

export const updateMemberBodySchema = z
  .object({
    name: requiredText(30, '姓名').optional(),
    phone: mobileSchema.optional(),
    bankAccount: bankAccountSchema.nullable().optional(),
    joinedAt: dateSchema.nullable().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    version: z.number().int().min(1, { error: '缺少版本号' }),
  })
  .extend(memberFlagsSchema.shape);

export const memberStatusBodySchema = z.object({
  status: z.enum(['retired', 'withdrawn', 'deceased', 'transferred_out', 'active'], { error: '状态不正确' }),
  date: dateSchema,
  reason: requiredText(200, '原因'),
  version: z.number().int().min(1),
});

export const revealBodySchema = z.object({
  field: z.enum(['idCard', 'phone', 'bankAccount'], { error: '只能查看身份证号、手机号或银行卡号' }),
  reason: requiredText(200, '查看原因'),
});

export const memberSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  idCard: z.string(),
  phone: z.string().nullable(),
  bankAccount: z.string().nullable(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  status: z.enum(MEMBER_STATUSES),
  statusDate: z.string().nullable(),
  statusReason: z.string().nullable(),
  cardNo: z.string(),
  joinedAt: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  migrantWorker: z.boolean(),
  frontline: z.boolean(),
  newEmploymentForm: z.boolean(),
  modelWorker: z.boolean(),
  skillLevel: z.string().nullable(),
  education: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ canEdit: z.boolean(), canReveal: z.boolean(), canTransfer: z.boolean(), canChangeStatus: z.boolean() }),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  orgId: z.uuid().optional(),
  status: z.enum([...MEMBER_STATUSES, 'all']).default('active'),
  migrantWorker: z.stringbool().optional(),
  frontline: z.stringbool().optional(),
  newEmploymentForm: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;

/** The same search in a POST body (security.md 18): a 身份证 or full phone number never goes into a URL. */
export const memberSearchBodySchema = memberListQuerySchema.extend({
  migrantWorker: z.boolean().optional(),
  frontline: z.boolean().optional(),
  newEmploymentForm: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const memberHistoryItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  changes: z.unknown(),
});

export const memberExportBodySchema = z.object({
  q: z.string().trim().max(40).optional(),
  orgId: z.uuid().optional(),
  status: z.enum([...MEMBER_STATUSES, 'all']).default('active'),
  unmasked: z.boolean().default(false),
  reason: optionalText(200),
});

export const TRANSFER_STATUSES = ['pending_counterparty', 'pending_district', 'approved', 'rejected', 'withdrawn'] as const;
export const TRANSFER_STATUS_LABELS: Record<(typeof TRANSFER_STATUSES)[number], string> = {
  pending_counterparty: '待对方工会确认',
  pending_district: '待区县总工会审批',
  approved: '已完成',
  rejected: '已退回',
  withdrawn: '已撤回',
};
/** From the source union: memberId. From the target union (which cannot see the member yet): the 身份证号. */
export const createTransferBodySchema = z
  .object({
    memberId: z.uuid({ error: '会员编号格式不正确' }).optional(),
    idCard: idCardSchema.optional(),
    toOrgId: z.uuid({ error: '请选择转入工会' }),
    reason: requiredText(200, '接转原因'),
  })
  .refine((b) => Boolean(b.memberId) !== Boolean(b.idCard), { message: '请选择会员(转出方)或填写身份证号(转入方),二者选一', path: ['memberId'] });
export const transferActionBodySchema = z.object({
  action: z.enum(['approve', 'reject', 'withdraw'], { error: '操作不正确' }),
  opinion: optionalText(200),
});
export const transferSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberIdCard: z.string(),
  fromOrgId: z.string(),
  fromOrgName: z.string(),
  toOrgId: z.string(),
  toOrgName: z.string(),
  initiatedByOrgId: z.string(),
  crossDistrict: z.boolean(),
  status: z.enum(TRANSFER_STATUSES),
  reason: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), username: z.string(), orgName: z.string(), opinion: z.string().nullable() })),
  createdAt: z.string(),
  abilities: z.object({ canApprove: z.boolean(), canReject: z.boolean(), canWithdraw: z.boolean() }),
});
export type Transfer = z.infer<typeof transferSchema>;
export const transferListQuerySchema = z.object({
  box: z.enum(['inbox', 'outbox', 'all']).default('inbox'),
  status: z.enum([...TRANSFER_STATUSES, 'open']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const MEMBER_GENDER_LABELS: Record<'male' | 'female', string> = { male: '男', female: '女' };
/**
 * The member's own registry record on the H5 portal (GET /api/m/profile): masked on the server,
 * never decrypted; changes go through the union, so there is nothing to edit here.
 */
export const memberProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  genderLabel: z.string(),
  birthDate: z.string(),
  /** 身份证号, masked (e.g. 3301**********1234) */
  idCardMasked: z.string(),
  /** 手机号, masked (e.g. 138****3210) */
  phoneMasked: z.string().nullable(),
  cardNo: z.string(),
  orgName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  statusLabel: z.string(),
  statusDate: z.string().nullable(),
  joinedAt: z.string().nullable(),
  migrantWorker: z.boolean(),
  frontline: z.boolean(),
  newEmploymentForm: z.boolean(),
  modelWorker: z.boolean(),
  skillLevel: z.string().nullable(),
  education: z.string().nullable(),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;
