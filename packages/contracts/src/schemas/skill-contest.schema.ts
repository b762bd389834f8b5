import { z } from 'zod';
import { requiredText } from './common.schema.js';
import { SKILL_LEVELS } from './member.schema.js';

/** 技能比武 levels, from an enterprise's own contest to the world (WorldSkills). */
export const SKILL_CONTEST_LEVELS = ['enterprise', 'district', 'city', 'province', 'national', 'world'] as const;
export type SkillContestLevel = (typeof SKILL_CONTEST_LEVELS)[number];
export const SKILL_CONTEST_LEVEL_LABELS: Record<SkillContestLevel, string> = { enterprise: '企业级', district: '区县级', city: '市级', province: '省级', national: '国家级', world: '世界级' };

export const contestBodySchema = z.object({
  name: z.string({ error: '请填写比武名称' }).trim().min(4, { error: '比武名称至少4个字' }).max(80, { error: '比武名称不能超过80个字' }),
  trade: requiredText(30, '工种'),
  level: z.enum(SKILL_CONTEST_LEVELS, { error: '请选择比武级别' }),
  heldOn: z.iso.date({ error: '比武日期格式应为 YYYY-MM-DD' }),
  organiserOrgId: z.uuid({ error: '请选择主办单位' }),
});

export const contestResultBodySchema = z.object({
  memberId: z.uuid({ error: '请选择会员' }),
  rank: z.number({ error: '请填写名次' }).int({ error: '名次应为整数' }).min(1, { error: '名次应从1开始' }).max(9999, { error: '名次超出范围' }),
  score: z.number({ error: '请填写成绩' }).min(0, { error: '成绩不能为负' }).max(1000, { error: '成绩超出范围' }).nullable().optional(),
  award: z.string().trim().max(40, { error: '奖项不能超过40个字' }).optional(),
  /** the skill level this result raises the member to (e.g. 技师), applied with the result */
  raiseSkillTo: z.enum(SKILL_LEVELS, { error: '技能等级不正确' }).optional(),
});

export const contestListQuerySchema = z.object({
  level: z.enum(SKILL_CONTEST_LEVELS, { error: '级别不正确' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const contestResultSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  rank: z.number().int(),
  score: z.number().nullable(),
  award: z.string().nullable(),
  skillLevelBefore: z.string().nullable(),
  skillLevelAfter: z.string().nullable(),
});
export type ContestResult = z.infer<typeof contestResultSchema>;

export const contestSchema = z.object({
  id: z.string(),
  name: z.string(),
  trade: z.string(),
  level: z.enum(SKILL_CONTEST_LEVELS),
  levelLabel: z.string(),
  heldOn: z.string(),
  organiserOrgId: z.string(),
  organiserName: z.string(),
  resultCount: z.number().int(),
  results: z.array(contestResultSchema),
  abilities: z.object({ canManage: z.boolean() }),
});
export type Contest = z.infer<typeof contestSchema>;
export const contestListItemSchema = contestSchema.omit({ results: true });
