import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { pageQuerySchema } from './common.schema.js';

/**
 * 劳动竞赛 and 立功竞赛 ("五好"立功竞赛 "百千万"行动): campaigns with periods and weighted indicators,
 * participating units, teams and individuals, periodic scores with evidence, rankings and awards.
 */
export const COMPETITION_KINDS = ['labour', 'merit'] as const;
export type CompetitionKind = (typeof COMPETITION_KINDS)[number];
export const COMPETITION_KIND_LABELS: Record<CompetitionKind, string> = { labour: '劳动竞赛', merit: '立功竞赛' };

export const COMPETITION_STATUSES = ['draft', 'running', 'closed'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];
export const COMPETITION_STATUS_LABELS: Record<CompetitionStatus, string> = { draft: '筹备中', running: '进行中', closed: '已结束' };

export const PARTICIPANT_KINDS = ['unit', 'team', 'individual'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_KIND_LABELS: Record<ParticipantKind, string> = { unit: '参赛单位', team: '班组', individual: '个人' };

export const SCORE_STATUSES = ['submitted', 'verified', 'returned'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];
export const SCORE_STATUS_LABELS: Record<ScoreStatus, string> = { submitted: '待核定', verified: '已核定', returned: '已退回' };

export const AWARD_KINDS = ['advanced_collective', 'pioneer', 'advanced_individual', 'merit_first', 'merit_second', 'merit_third'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  advanced_collective: '先进集体',
  pioneer: '工人先锋号',
  advanced_individual: '先进个人',
  merit_first: '一等功',
  merit_second: '二等功',
  merit_third: '三等功',
};
/** Which participants an award can go to: collectives (units, teams) or individuals. */
export const AWARD_FOR: Record<AwardKind, 'collective' | 'individual'> = {
  advanced_collective: 'collective',
  pioneer: 'collective',
  advanced_individual: 'individual',
  merit_first: 'individual',
  merit_second: 'individual',
  merit_third: 'individual',
};

const text = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}不能超过${max}个字` });
const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为YYYY-MM-DD` });

export const competitionIndicatorSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, { error: '指标编码应为小写字母、数字或下划线' }),
  title: text('指标名称', 40),
  weight: z.number({ error: '请填写权重' }).gt(0, { error: '权重应大于0' }).max(10, { error: '权重不能超过10' }),
  maxPoints: z.number({ error: '请填写满分' }).gt(0, { error: '满分应大于0' }).max(1000, { error: '满分不能超过1000' }),
});
export type CompetitionIndicator = z.infer<typeof competitionIndicatorSchema>;

export const competitionPeriodSchema = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, { error: '阶段编码不正确' }), label: text('阶段名称', 30) });

export const competitionBodySchema = z.object({
  name: text('竞赛名称', 80),
  kind: z.enum(COMPETITION_KINDS, { error: '请选择竞赛类别' }),
  theme: text('竞赛主题', 200),
  startDate: day('开始日期'),
  endDate: day('结束日期'),
  periods: z.array(competitionPeriodSchema).min(1, { error: '至少设一个评比阶段' }).max(24, { error: '评比阶段不能超过24个' }),
  indicators: z.array(competitionIndicatorSchema).min(1, { error: '至少设一项指标' }).max(20, { error: '指标不能超过20项' }),
  version: z.number().int().optional(),
});
export type CompetitionBody = z.infer<typeof competitionBodySchema>;

export const competitionListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(COMPETITION_KINDS).optional(),
  status: z.enum(COMPETITION_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
});

export const competitionListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(COMPETITION_KINDS),
  kindLabel: z.string(),
  theme: z.string(),
  orgName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(COMPETITION_STATUSES),
  statusLabel: z.string(),
  participants: z.number(),
});
export type CompetitionListItem = z.infer<typeof competitionListItemSchema>;

export const participantBodySchema = z.object({
  kind: z.enum(PARTICIPANT_KINDS, { error: '请选择参赛类别' }),
  name: text('参赛名称', 60),
  orgId: z.uuid({ error: '请选择所属单位' }),
  memberId: z.uuid({ error: '会员编号不正确' }).optional(),
});

export const participantSchema = z.object({
  id: z.string(),
  kind: z.enum(PARTICIPANT_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const awardSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  participantName: z.string(),
  kind: z.enum(AWARD_KINDS),
  kindLabel: z.string(),
  certificateNo: z.string(),
  awardedAt: z.string(),
});
export type Award = z.infer<typeof awardSchema>;

export const competitionSchema = competitionListItemSchema.extend({
  orgId: z.string(),
  periods: z.array(competitionPeriodSchema),
  indicators: z.array(competitionIndicatorSchema),
  version: z.number(),
  participantList: z.array(participantSchema),
  awards: z.array(awardSchema),
  abilities: z.object({ canEdit: z.boolean(), canStart: z.boolean(), canClose: z.boolean(), canAddParticipant: z.boolean(), canSubmitScore: z.boolean(), canVerify: z.boolean(), canAward: z.boolean() }),
});
export type Competition = z.infer<typeof competitionSchema>;

export const scoreBodySchema = z.object({
  participantId: z.uuid({ error: '请选择参赛对象' }),
  periodKey: z.string({ error: '请选择评比阶段' }).min(1, { error: '请选择评比阶段' }),
  values: z.array(z.object({ key: z.string(), points: z.number({ error: '请填写得分' }).min(0, { error: '得分不能为负' }) })).min(1, { error: '请填写各项得分' }),
  note: z.string().trim().max(500, { error: '说明不能超过500个字' }).optional(),
});

export const scoreSchema = z.object({
  id: z.string(),
  competitionId: z.string(),
  participantId: z.string(),
  participantName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  values: z.array(z.object({ key: z.string(), points: z.number() })),
  score: z.number(),
  status: z.enum(SCORE_STATUSES),
  statusLabel: z.string(),
  note: z.string().nullable(),
  evidence: z.array(attachmentSchema),
  abilities: z.object({ canEdit: z.boolean(), canVerify: z.boolean() }),
});
export type CompetitionScore = z.infer<typeof scoreSchema>;

export const scoreListQuerySchema = z.object({ periodKey: z.string().optional(), participantId: z.uuid().optional() });
export const scoreReturnBodySchema = z.object({ reason: text('退回原因', 200) });

export const rankingQuerySchema = z.object({ kind: z.enum(PARTICIPANT_KINDS).optional(), periodKey: z.string().optional() });
export const rankingSchema = z.object({
  periodKey: z.string().nullable(),
  rows: z.array(z.object({ rank: z.number().nullable(), participantId: z.string(), name: z.string(), kind: z.enum(PARTICIPANT_KINDS), orgName: z.string(), score: z.number().nullable(), periods: z.number() })),
});
export type Ranking = z.infer<typeof rankingSchema>;

export const awardBodySchema = z.object({ participantId: z.uuid({ error: '请选择表彰对象' }), kind: z.enum(AWARD_KINDS, { error: '请选择表彰类别' }) });

export const competitionExportBodySchema = competitionListQuerySchema.omit({ page: true, pageSize: true });
