import { z } from 'zod';
import { optionalText, pageQuerySchema, requiredText } from './common.schema.js';
import { RATING_UNIT_CATEGORIES } from './rating.schema.js';

const level = (label: string) => z.coerce.number({ error: `请选择${label}` }).int().min(1, { error: `请选择${label}` }).max(5, { error: `请选择${label}` });

export const ratingAnswerSchema = z
  .object({
    unitId: z.uuid({ error: '被测评单位不正确' }),
    attitude: level('服务态度与效率'),
    integrity: level('公正廉洁'),
    effect: level('工作成效与影响'),
    comment: optionalText(500),
    replyRequested: z.boolean().default(false),
    contact: optionalText(40),
  })
  .superRefine((a, c) => {
    if (a.replyRequested && !a.contact) c.addIssue({ code: 'custom', path: ['contact'], message: '需要回复时请留下联系方式' });
  });
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;

export const ratingCodeSchema = z.string({ error: '请输入测评码' }).trim().toUpperCase().min(6, { error: '测评码不正确' }).max(20, { error: '测评码不正确' });
export const ratingCodeEntrySchema = z.object({ code: ratingCodeSchema });
export const ratingSubmitByCodeSchema = z.object({ code: ratingCodeSchema, answers: z.array(ratingAnswerSchema).min(1, { error: '请为每个单位打分' }).max(500) });
export const ratingMemberSubmitSchema = z.object({ answers: z.array(ratingAnswerSchema).min(1, { error: '请为每个单位打分' }).max(500) });

/** What a rater sees: the campaign, the group they rate as, the units to rate. */
export const ratingSheetSchema = z.object({
  campaignId: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  description: z.string().nullable(),
  endsOn: z.string(),
  groupName: z.string(),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), category: z.enum(RATING_UNIT_CATEGORIES) })),
  submitted: z.boolean(),
});
export type RatingSheet = z.infer<typeof ratingSheetSchema>;
export const ratingSubmitResultSchema = z.object({ ok: z.literal(true), ballots: z.number().int() });

export const ratingBallotListQuerySchema = pageQuerySchema.extend({
  flagged: z.enum(['true', 'false']).optional(),
  unitId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  excluded: z.enum(['true', 'false']).optional(),
});
export const ratingBallotSchema = z.object({
  id: z.uuid(),
  unitName: z.string(),
  groupName: z.string(),
  raterKind: z.enum(['code', 'member']),
  attitude: z.number().int(),
  integrity: z.number().int(),
  effect: z.number().int(),
  comment: z.string().nullable(),
  replyRequested: z.boolean(),
  ipMasked: z.string().nullable(),
  flagReasons: z.array(z.string()),
  excluded: z.boolean(),
  excludedReason: z.string().nullable(),
  createdAt: z.string(),
  canExclude: z.boolean(),
});
export type RatingBallot = z.infer<typeof ratingBallotSchema>;
export const ratingExcludeBodySchema = z.object({ ballotIds: z.array(z.uuid()).min(1, { error: '请选择答卷' }).max(1000), excluded: z.boolean(), reason: requiredText(200, '理由') });

export const ratingReplyListQuerySchema = pageQuerySchema.extend({ campaignId: z.uuid().optional(), answered: z.enum(['true', 'false']).optional() });
export const ratingReplyItemSchema = z.object({
  id: z.uuid(),
  campaignTitle: z.string(),
  unitName: z.string(),
  comment: z.string().nullable(),
  contactMasked: z.string().nullable(),
  levels: z.array(z.number().int()),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RatingReplyItem = z.infer<typeof ratingReplyItemSchema>;
export const ratingReplyBodySchema = z.object({ replyText: requiredText(1000, '回复内容') });

/** Rates in basis points (0…10000), null when there is no valid vote. */
const rate = z.number().int().nullable();
export const ratingResultRowSchema = z.object({
  rank: z.number().int().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  category: z.enum(RATING_UNIT_CATEGORIES),
  ballots: z.number().int(),
  overallBp: rate,
  dimensionBp: z.object({ attitude: rate, integrity: rate, effect: rate }),
  groupBp: z.record(z.string(), rate),
  classification: z.enum(['satisfied', 'normal', 'dissatisfied', 'none']),
});
export type RatingResultRow = z.infer<typeof ratingResultRowSchema>;
export const ratingResultsSchema = z.object({
  campaignId: z.uuid(),
  title: z.string(),
  state: z.string(),
  groups: z.array(z.object({ id: z.uuid(), name: z.string(), weightBp: z.number().int(), ballots: z.number().int() })),
  rows: z.array(ratingResultRowSchema),
  excludedBallots: z.number().int(),
  satisfiedMinBp: z.number().int(),
  dissatisfiedBelowBp: z.number().int(),
});
export type RatingResults = z.infer<typeof ratingResultsSchema>;

export const smsOutboxQuerySchema = pageQuerySchema.extend({ status: z.enum(['queued', 'sent']).optional() });
export const smsOutboxItemSchema = z.object({ id: z.uuid(), phoneMasked: z.string(), template: z.string(), bodyMasked: z.string(), status: z.enum(['queued', 'sent']), sourceType: z.string(), createdAt: z.string(), sentAt: z.string().nullable() });
export type SmsOutboxItem = z.infer<typeof smsOutboxItemSchema>;

export const RATING_FLAG_LABELS: Record<string, string> = {
  burst_device: '同一网络地址与设备短时间内大量提交',
  same_answers: '短时间内同一单位大量完全相同的答卷',
};
