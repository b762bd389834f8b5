import { z } from 'zod';
import { pageQuerySchema, requiredText } from './common.schema.js';

/** 办实事项目征集: collection phases. */
export const PROPOSAL_COLLECTION_STATUSES = ['draft', 'collecting', 'assessing', 'voting', 'closed'] as const;
export type ProposalCollectionStatus = (typeof PROPOSAL_COLLECTION_STATUSES)[number];
export const PROPOSAL_COLLECTION_STATUS_LABELS: Record<ProposalCollectionStatus, string> = { draft: '草稿', collecting: '征集中', assessing: '评估中', voting: '投票中', closed: '已结束' };
export const DEFAULT_PROPOSAL_CATEGORIES = ['就业创业', '权益保障', '帮扶救助', '文体服务', '安全健康'] as const;

export const PROPOSAL_STATUSES = ['pending', 'public', 'blocked', 'merged'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = { pending: '待审核', public: '已公开', blocked: '已屏蔽', merged: '已合并' };
export const PROPOSAL_ASSESSMENTS = ['feasible', 'infeasible'] as const;
export type ProposalAssessment = (typeof PROPOSAL_ASSESSMENTS)[number];
export const PROPOSAL_ASSESSMENT_LABELS: Record<ProposalAssessment, string> = { feasible: '可行', infeasible: '不可行' };
export const PROPOSAL_SOURCE_LABELS: Record<'member' | 'unit', string> = { member: '职工', unit: '单位' };

/** The public vote: each member has ONE vote per collection, for one shortlisted proposal (database-enforced). */
export const PROPOSAL_VOTE_RULE = '每位会员在每次征集活动中只能投一票,投给一个入围建议;投票后不能更改。';

const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为YYYY-MM-DD` });

export const proposalCollectionBodySchema = z.object({
  year: z.coerce.number({ error: '请填写年度' }).int({ error: '年度须为整数' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' }),
  title: requiredText(60, '征集活动名称'),
  description: z.string().trim().max(2000, { error: '说明不能超过2000个字' }).default(''),
  opensOn: day('征集开始日期'),
  closesOn: day('征集截止日期'),
  voteOpensOn: day('投票开始日期').nullable().optional(),
  voteClosesOn: day('投票截止日期').nullable().optional(),
  categories: z.array(requiredText(10, '类别'), { error: '请填写类别' }).min(1, { error: '至少设置一个类别' }).max(12, { error: '类别不超过12个' }),
});
export type ProposalCollectionBody = z.infer<typeof proposalCollectionBodySchema>;
export const proposalCollectionStatusBodySchema = z.object({ status: z.enum(PROPOSAL_COLLECTION_STATUSES, { error: '请选择阶段' }) });

export const proposalCollectionSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  description: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  voteOpensOn: z.string().nullable(),
  voteClosesOn: z.string().nullable(),
  categories: z.array(z.string()),
  status: z.enum(PROPOSAL_COLLECTION_STATUSES),
  counts: z.object({ proposals: z.number().int(), pending: z.number().int(), public: z.number().int(), shortlisted: z.number().int(), projects: z.number().int(), votes: z.number().int() }),
  abilities: z.object({ edit: z.boolean(), changeStatus: z.boolean(), assess: z.boolean(), file: z.boolean() }),
});
export type ProposalCollection = z.infer<typeof proposalCollectionSchema>;
export const proposalCollectionListQuerySchema = pageQuerySchema.extend({ year: z.coerce.number().int().optional(), status: z.enum(PROPOSAL_COLLECTION_STATUSES).optional() });

const proposalFields = {
  collectionId: z.uuid({ error: '请选择征集活动' }),
  category: requiredText(10, '类别'),
  title: z.string({ error: '请填写建议标题' }).trim().min(4, { error: '建议标题至少4个字' }).max(40, { error: '建议标题不能超过40个字' }),
  content: z.string({ error: '请填写建议内容' }).trim().min(10, { error: '建议内容至少10个字' }).max(2000, { error: '建议内容不能超过2000个字' }),
};
export const proposalSelfBodySchema = z.object(proposalFields);
export const proposalUnitBodySchema = z.object({ ...proposalFields, orgId: z.uuid({ error: '请选择填报单位' }).optional() });

export const proposalAbilitiesSchema = z.object({ moderate: z.boolean(), assess: z.boolean(), shortlist: z.boolean(), adopt: z.boolean(), merge: z.boolean(), support: z.boolean(), vote: z.boolean() });
export const proposalProjectRefSchema = z.object({ id: z.uuid(), title: z.string(), progress: z.number().int(), status: z.enum(['implementing', 'completed']) });
export const proposalSchema = z.object({
  id: z.uuid(),
  collectionId: z.uuid(),
  collectionTitle: z.string(),
  collectionStatus: z.enum(PROPOSAL_COLLECTION_STATUSES),
  category: z.string(),
  title: z.string(),
  content: z.string(),
  source: z.enum(['member', 'unit']),
  /** masked for anyone but staff in scope and the proposer */
  proposerName: z.string(),
  orgName: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  moderationReason: z.string().nullable(),
  assessment: z.enum(PROPOSAL_ASSESSMENTS).nullable(),
  assessmentReason: z.string().nullable(),
  shortlisted: z.boolean(),
  mergedIntoId: z.uuid().nullable(),
  mergedIntoTitle: z.string().nullable(),
  supportCount: z.number().int(),
  voteCount: z.number().int(),
  supportedByMe: z.boolean(),
  votedByMe: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
  project: proposalProjectRefSchema.nullable(),
  abilities: proposalAbilitiesSchema,
});
export type Proposal = z.infer<typeof proposalSchema>;
export const proposalListQuerySchema = pageQuerySchema.extend({
  collectionId: z.uuid().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  category: z.string().trim().max(10).optional(),
  assessment: z.enum([...PROPOSAL_ASSESSMENTS, 'none']).optional(),
  shortlisted: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(40).optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;
export const proposalExportBodySchema = proposalListQuerySchema.omit({ page: true, pageSize: true });
export type ProposalExportFilter = z.infer<typeof proposalExportBodySchema>;

export const proposalSimilarQuerySchema = z.object({ collectionId: z.uuid({ error: '请选择征集活动' }), text: z.string().trim().max(2000).default(''), excludeId: z.uuid().optional() });
export const similarProposalSchema = z.object({ id: z.uuid(), title: z.string(), category: z.string(), supportCount: z.number().int(), similarity: z.number() });
export type SimilarProposal = z.infer<typeof similarProposalSchema>;
export const duplicatePairSchema = z.object({ a: similarProposalSchema, b: similarProposalSchema, similarity: z.number() });
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const proposalModerationBodySchema = z
  .object({ decision: z.enum(['public', 'blocked'], { error: '请选择审核结果' }), reason: z.string().trim().max(200, { error: '原因不能超过200个字' }).optional() })
  .refine((b) => b.decision === 'public' || (b.reason ?? '').length >= 2, { error: '屏蔽须填写原因', path: ['reason'] });
export const proposalAssessmentBodySchema = z.object({ assessment: z.enum(PROPOSAL_ASSESSMENTS, { error: '请选择评估结论' }), reason: requiredText(500, '评估意见') });
export const proposalShortlistBodySchema = z.object({ shortlisted: z.boolean({ error: '请选择是否入围' }) });
export const proposalMergeBodySchema = z.object({ targetId: z.uuid({ error: '请选择合并到的建议' }), reason: z.string().trim().max(200).optional() });
export const proposalAdoptBodySchema = z.object({
  title: requiredText(40, '项目名称'),
  description: z.string().trim().max(2000, { error: '项目说明不能超过2000个字' }).default(''),
  ownerOrgId: z.uuid({ error: '请选择责任单位' }),
  budgetFen: z.number({ error: '请填写预算' }).int({ error: '预算须精确到分' }).min(0, { error: '预算不能为负' }).max(100_000_000_000, { error: '预算过大' }),
  targetDate: day('计划完成日期'),
});
export type ProposalAdoptBody = z.infer<typeof proposalAdoptBodySchema>;

export const milestoneBodySchema = z.object({
  title: requiredText(40, '节点名称'),
  plannedOn: day('计划日期'),
  doneOn: day('完成日期').nullable().optional(),
  progress: z.number({ error: '请填写进度' }).int().min(0, { error: '进度在0到100之间' }).max(100, { error: '进度在0到100之间' }),
  note: z.string().trim().max(500, { error: '说明不能超过500个字' }).default(''),
});
export type MilestoneBody = z.infer<typeof milestoneBodySchema>;
export const progressUpdateBodySchema = z.object({
  progress: z.number({ error: '请填写总体进度' }).int().min(0, { error: '进度在0到100之间' }).max(100, { error: '进度在0到100之间' }),
  note: requiredText(500, '进展情况'),
  completed: z.boolean().default(false),
});
export const milestoneSchema = z.object({ id: z.uuid(), title: z.string(), plannedOn: z.string(), doneOn: z.string().nullable(), progress: z.number().int(), note: z.string() });
export const progressUpdateSchema = z.object({ id: z.uuid(), progress: z.number().int(), note: z.string(), createdByName: z.string().nullable(), createdAt: z.string() });
export const proposalProjectSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  proposalTitle: z.string(),
  collectionId: z.uuid(),
  collectionTitle: z.string(),
  year: z.number().int(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  budgetFen: z.number().int(),
  targetDate: z.string(),
  progress: z.number().int(),
  status: z.enum(['implementing', 'completed']),
  supportCount: z.number().int(),
  voteCount: z.number().int(),
  milestones: z.array(milestoneSchema),
  updates: z.array(progressUpdateSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type ProposalProject = z.infer<typeof proposalProjectSchema>;

/** The public results page (no login): adopted projects with milestones, and the vote results; no personal data. */
export const publicProposalResultsSchema = z.object({
  collections: z.array(
    z.object({
      id: z.uuid(),
      year: z.number().int(),
      title: z.string(),
      status: z.enum(PROPOSAL_COLLECTION_STATUSES),
      publicProposals: z.number().int(),
      votes: z.array(z.object({ id: z.uuid(), title: z.string(), category: z.string(), votes: z.number().int(), supportCount: z.number().int() })),
      projects: z.array(proposalProjectSchema.omit({ abilities: true, updates: true, proposalId: true, ownerOrgId: true }).extend({ updates: z.array(progressUpdateSchema.omit({ createdByName: true })) })),
    }),
  ),
});
export type PublicProposalResults = z.infer<typeof publicProposalResultsSchema>;
