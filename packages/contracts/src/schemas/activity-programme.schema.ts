import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { parseIdCard } from '../validators/id-card.validator.js';
import { EDUCATIONS } from './member.schema.js';

/**
 * What each kind of activity adds to the shared form, and what a sign-up for it must carry:
 * 平安返乡 routes and ticket subsidies, 小候鸟 children with a guardian's consent, 集体婚礼
 * couples, 圆梦计划 study levels (domain.md).
 */
const isoDate = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const fen = (label: string, maxYuan: number) =>
  z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数(分)` }).min(0, { error: `${label}不能为负` }).max(maxYuan * 100, { error: `${label}不能超过${maxYuan}元` });

export const HOMEWARD_TRANSPORTS = ['bus', 'train'] as const;
export const HOMEWARD_TRANSPORT_LABELS: Record<(typeof HOMEWARD_TRANSPORTS)[number], string> = { bus: '包车', train: '火车票' };

/** 平安返乡: a route on a date, by chartered bus or train tickets, with a ticket subsidy per person. */
export const homewardDetailsSchema = z
  .object({
    from: z.string({ error: '请填写出发地' }).trim().min(2, { error: '请填写出发地' }).max(40, { error: '出发地不能超过40字' }),
    to: z.string({ error: '请填写目的地' }).trim().min(2, { error: '请填写目的地' }).max(40, { error: '目的地不能超过40字' }),
    transport: z.enum(HOMEWARD_TRANSPORTS, { error: '交通方式应为 bus(包车)或 train(火车票)' }),
    departureDate: isoDate('出发日期'),
    subsidyFen: fen('每人车票补贴', 2000),
  })
  .strict();

/** 小候鸟: the children's age range of the class. */
export const summerClassDetailsSchema = z
  .object({
    childAgeMin: z.number({ error: '请填写儿童最小年龄' }).int().min(3, { error: '儿童年龄应在3至16周岁之间' }).max(16, { error: '儿童年龄应在3至16周岁之间' }),
    childAgeMax: z.number({ error: '请填写儿童最大年龄' }).int().min(3, { error: '儿童年龄应在3至16周岁之间' }).max(16, { error: '儿童年龄应在3至16周岁之间' }),
  })
  .strict()
  .refine((d) => d.childAgeMax >= d.childAgeMin, { path: ['childAgeMax'], error: '最大年龄不能小于最小年龄' });

export const EDUCATION_LEVELS = ['associate', 'bachelor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = { associate: '大专', bachelor: '本科' };
/** 圆梦计划: the fixed subsidy for a bachelor's degree (domain.md). */
export const BACHELOR_SUBSIDY_FEN = 700_000;

/** 圆梦计划: the level studied; the subsidy is fixed for a bachelor. */
export const educationDetailsSchema = z
  .object({
    level: z.enum(EDUCATION_LEVELS, { error: '学历层次应为 associate(大专)或 bachelor(本科)' }),
    subsidyFen: fen('资助金额', 20_000),
  })
  .strict()
  .refine((d) => d.level !== 'bachelor' || d.subsidyFen === BACHELOR_SUBSIDY_FEN, { path: ['subsidyFen'], error: '本科资助为固定7000元' });

/** The details schema of each activity type (none for 集体婚礼 and general activities). */
export const ACTIVITY_DETAILS_SCHEMAS: Record<string, z.ZodType | undefined> = {
  homeward: homewardDetailsSchema,
  summer_class: summerClassDetailsSchema,
  education: educationDetailsSchema,
};

export const GUARDIAN_CONSENT_VERSION = 'xhn-2026-01';

/** 小候鸟 sign-up: the child, and the guardian's consent recorded before anything is saved (security.md 16). */
export const summerClassSignupSchema = z
  .object({
    child: z
      .object({
        name: z.string({ error: '请填写孩子姓名' }).trim().min(2, { error: '请填写孩子姓名' }).max(20, { error: '姓名不能超过20字' }),
        gender: z.enum(['male', 'female'], { error: '请选择孩子性别' }),
        birthDate: isoDate('孩子出生日期'),
        school: z.string().trim().max(40, { error: '学校名称不能超过40字' }).optional(),
      })
      .strict(),
    guardianConsent: z
      .object({
        version: z.literal(GUARDIAN_CONSENT_VERSION, { error: '监护人同意书版本已更新,请刷新页面后重新阅读并同意' }),
        agreed: z.literal(true, { error: '须由监护人阅读并同意《未成年人信息处理同意书》后才能报名' }),
      })
      .strict(),
  })
  .strict();

/** 集体婚礼 sign-up: the partner (the member signing up is one of the couple). */
export const groupWeddingSignupSchema = z
  .object({
    partner: z
      .object({
        name: z.string({ error: '请填写配偶姓名' }).trim().min(2, { error: '请填写配偶姓名' }).max(20, { error: '姓名不能超过20字' }),
        idCard: z.string({ error: '请填写配偶身份证号' }).superRefine((v, ctx) => {
          const r = parseIdCard(v);
          if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
        }),
      })
      .strict(),
    marriageRegisteredOn: isoDate('结婚登记日期'),
  })
  .strict();

/** 圆梦计划 sign-up: what the member declares (checked against the rules of domain.md). */
export const educationSignupSchema = z
  .object({
    level: z.enum(EDUCATION_LEVELS, { error: '请选择报读层次' }),
    currentEducation: z.enum(EDUCATIONS, { error: '请选择现有学历' }),
    socialInsuranceMonths: z.number({ error: '请填写连续缴纳社保月数' }).int({ error: '月数应为整数' }).min(0, { error: '月数不能为负' }).max(600, { error: '月数不正确' }),
    hasContract: z.boolean({ error: '请选择是否与在杭单位签订劳动合同' }),
  })
  .strict();

/** What each activity type needs from a sign-up (checked by the server against the activity's type). */
export const SIGNUP_DETAILS_SCHEMAS: Record<string, z.ZodType | undefined> = {
  summer_class: summerClassSignupSchema,
  group_wedding: groupWeddingSignupSchema,
  education: educationSignupSchema,
};

/** A sign-up's body: empty for most activities; the details its type asks for otherwise. */
export const signupBodySchema = z.object({ details: z.record(z.string(), z.unknown()).optional() }).strict().nullish();
export type SignupBody = z.infer<typeof signupBodySchema>;

export const subsidyBodySchema = z.object({ fundId: z.uuid({ error: '请选择支出资金' }) }).strict();

/** What entitles a 圆梦计划 student to a tuition refund (domain.md). */
export const EDUCATION_REFUND_GROUNDS = ['senior_worker', 'technician', 'senior_technician', 'model_worker', 'may_day_medal'] as const;
export type EducationRefundGround = (typeof EDUCATION_REFUND_GROUNDS)[number];
export const EDUCATION_REFUND_GROUND_LABELS: Record<EducationRefundGround, string> = {
  senior_worker: '取得高级工证书',
  technician: '取得技师证书',
  senior_technician: '取得高级技师证书',
  model_worker: '县级及以上劳动模范',
  may_day_medal: '五一劳动奖章获得者',
};

export const educationRefundBodySchema = z
  .object({
    fundId: z.uuid({ error: '请选择支出资金' }),
    tuitionFen: fen('学费', 100_000).refine((v) => v > 0, { error: '学费应大于0' }),
    ground: z.enum(EDUCATION_REFUND_GROUNDS, { error: '请选择退费依据' }),
    /** when the certificate or honour was obtained */
    obtainedOn: isoDate('取得日期'),
    /** graduation date, if graduated */
    graduatedOn: isoDate('毕业日期').nullable().optional(),
  })
  .strict();

/** Documents a sign-up may carry (uploaded after signing up, JPG/PNG/PDF). */
export const ENROLMENT_DOCUMENT_TYPES = ['marriage_certificate', 'id_card', 'diploma', 'social_insurance', 'labour_contract', 'household_register', 'other'] as const;
export type EnrolmentDocumentType = (typeof ENROLMENT_DOCUMENT_TYPES)[number];
export const ENROLMENT_DOCUMENT_LABELS: Record<EnrolmentDocumentType, string> = {
  marriage_certificate: '结婚证',
  id_card: '身份证',
  diploma: '学历证书',
  social_insurance: '社保缴纳证明',
  labour_contract: '劳动合同',
  household_register: '户口簿',
  other: '其他材料',
};
/** What each activity type asks to be uploaded (集体婚礼: the marriage certificate; 圆梦计划: proof of the declarations). */
export const REQUIRED_ENROLMENT_DOCUMENTS: Partial<Record<string, readonly EnrolmentDocumentType[]>> = {
  group_wedding: ['marriage_certificate'],
  education: ['diploma', 'social_insurance', 'labour_contract'],
};
export const ENROLMENT_DOCUMENT_MAX_FILES = 10;

/** A sign-up's documents and what is still missing (labels). */
export const enrolmentDocumentsSchema = z.object({
  enrolmentId: z.uuid(),
  documents: z.array(attachmentSchema),
  missingDocuments: z.array(z.string()),
  canUpload: z.boolean(),
});
export type EnrolmentDocuments = z.infer<typeof enrolmentDocumentsSchema>;
