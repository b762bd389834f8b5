import { z } from 'zod';
import { optionalText, pageQuerySchema, requiredText } from './common.schema.js';

/**
 * 工资集体协商 (杭州市企业工资集体协商条例; 集体合同规定 2004): collective contracts of an enterprise,
 * a region or an industry, their negotiation rounds, the representatives' vote, filing with the
 * labour bureau, renewal, and coverage of unionised enterprises against the targets.
 */
export const WAGE_CONTRACT_KINDS = ['enterprise', 'regional', 'industry'] as const;
export type WageContractKind = (typeof WAGE_CONTRACT_KINDS)[number];
export const WAGE_CONTRACT_KIND_LABELS: Record<WageContractKind, string> = { enterprise: '企业集体合同', regional: '区域性集体合同', industry: '行业性集体合同' };

export const WAGE_CONTRACT_TYPES = ['wage', 'comprehensive', 'female'] as const;
export type WageContractType = (typeof WAGE_CONTRACT_TYPES)[number];
export const WAGE_CONTRACT_TYPE_LABELS: Record<WageContractType, string> = { wage: '工资专项集体合同', comprehensive: '综合性集体合同', female: '女职工权益保护专项集体合同' };

/** negotiating → passed (the vote) → filed (with the labour bureau); expiry is read from the term. */
export const WAGE_CONTRACT_STATUSES = ['negotiating', 'passed', 'filed'] as const;
export type WageContractStatus = (typeof WAGE_CONTRACT_STATUSES)[number];
export const WAGE_CONTRACT_STATUS_LABELS: Record<WageContractStatus, string> = { negotiating: '协商中', passed: '已表决通过(待备案)', filed: '已备案' };

/** What the contract means today: 协商中, 待备案, 生效中, 即将到期 (last 3 months), 已到期. */
export const WAGE_CONTRACT_PHASES = ['negotiating', 'awaiting_filing', 'in_force', 'expiring', 'expired'] as const;
export type WageContractPhase = (typeof WAGE_CONTRACT_PHASES)[number];
export const WAGE_CONTRACT_PHASE_LABELS: Record<WageContractPhase, string> = {
  negotiating: '协商中',
  awaiting_filing: '待备案',
  in_force: '生效中',
  expiring: '即将到期(须续签)',
  expired: '已到期',
};

/** Coverage targets of unionised enterprises (all, and those with ≥ 100 staff). */
export const WAGE_COVERAGE_TARGET = 0.8;
export const WAGE_COVERAGE_TARGET_LARGE = 0.9;
export const WAGE_LARGE_ENTERPRISE_STAFF = 100;
/** Renewal may be requested (and is reminded) in the last 3 months of the term. */
export const WAGE_RENEWAL_MONTHS = 3;

const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为YYYY-MM-DD` });
const count = (label: string, max: number) =>
  z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能为负数` }).max(max, { error: `${label}不能超过${max}` });

export const wageContractBodySchema = z.object({
  kind: z.enum(WAGE_CONTRACT_KINDS, { error: '请选择合同类别' }),
  contractType: z.enum(WAGE_CONTRACT_TYPES, { error: '请选择合同种类' }),
  title: requiredText(80, '合同名称'),
  /** the negotiating union (an enterprise contract: the enterprise's union by default) */
  orgId: z.uuid({ error: '请选择签约工会' }).optional(),
  /** the enterprises it covers (exactly one for an enterprise contract) */
  enterpriseIds: z.array(z.uuid({ error: '企业编号格式不正确' })).min(1, { error: '请选择覆盖的企业' }).max(2000, { error: '一份合同最多覆盖2000家企业' }),
  area: optionalText(80),
  employerRepresentative: requiredText(60, '企业方(行业协会)首席代表'),
  unionRepresentative: requiredText(60, '职工方首席代表'),
  termStart: day('合同期限起始日'),
  termEnd: day('合同期限终止日'),
  /** agreed average wage increase, in basis points (650 = 6.5%) */
  wageIncreaseBp: count('工资增长幅度', 10_000),
  /** the lowest monthly wage the contract guarantees, in 分 */
  minimumWageFen: count('最低工资标准', 10_000_000),
  workersCovered: count('覆盖职工人数', 1_000_000).refine((n) => n >= 1, { error: '覆盖职工人数应至少1人' }),
  note: optionalText(500),
});
export type WageContractBody = z.infer<typeof wageContractBodySchema>;

export const wageRoundBodySchema = z.object({
  heldOn: day('协商日期'),
  place: requiredText(60, '协商地点'),
  topics: requiredText(300, '协商议题'),
  outcome: requiredText(500, '协商结果'),
});
export type WageRoundBody = z.infer<typeof wageRoundBodySchema>;

export const wageVoteBodySchema = z.object({
  heldOn: day('表决日期'),
  /** 职工代表大会 or 全体职工大会 */
  body: z.enum(['congress', 'assembly'], { error: '请选择表决方式' }),
  representatives: count('应到代表(职工)人数', 100_000).refine((n) => n >= 1, { error: '应到人数应至少1人' }),
  present: count('实到人数', 100_000),
  votesFor: count('赞成票', 100_000),
  votesAgainst: count('反对票', 100_000),
});
export type WageVoteBody = z.infer<typeof wageVoteBodySchema>;

export const wageFilingBodySchema = z.object({
  filedOn: day('报送备案日期'),
  bureau: requiredText(60, '备案的人力资源和社会保障部门'),
  reference: optionalText(40),
});
export type WageFilingBody = z.infer<typeof wageFilingBodySchema>;

export const wageRoundSchema = z.object({ id: z.string(), roundNo: z.number().int(), heldOn: z.string(), place: z.string(), topics: z.string(), outcome: z.string(), recordedBy: z.string() });
export type WageRound = z.infer<typeof wageRoundSchema>;

export const wageVoteSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  body: z.enum(['congress', 'assembly']),
  representatives: z.number().int(),
  present: z.number().int(),
  votesFor: z.number().int(),
  votesAgainst: z.number().int(),
  quorumMet: z.boolean(),
  majorityMet: z.boolean(),
  passed: z.boolean(),
  /** why it failed, in Chinese; null when passed */
  reason: z.string().nullable(),
});
export type WageVote = z.infer<typeof wageVoteSchema>;

export const wageContractListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(WAGE_CONTRACT_KINDS),
  contractType: z.enum(WAGE_CONTRACT_TYPES),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  districtName: z.string().nullable(),
  enterpriseCount: z.number().int(),
  firstEnterpriseName: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  status: z.enum(WAGE_CONTRACT_STATUSES),
  phase: z.enum(WAGE_CONTRACT_PHASES),
  wageIncreaseBp: z.number().int(),
  minimumWageFen: z.number().int(),
  workersCovered: z.number().int(),
  filedOn: z.string().nullable(),
  renewedById: z.string().nullable(),
});
export type WageContractListItem = z.infer<typeof wageContractListItemSchema>;

export const wageContractSchema = wageContractListItemSchema.extend({
  area: z.string().nullable(),
  employerRepresentative: z.string(),
  unionRepresentative: z.string(),
  note: z.string().nullable(),
  bureau: z.string().nullable(),
  filingReference: z.string().nullable(),
  predecessorId: z.string().nullable(),
  enterprises: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string(), employeeCount: z.number().int() })),
  rounds: z.array(wageRoundSchema),
  votes: z.array(wageVoteSchema),
  abilities: z.object({ edit: z.boolean(), addRound: z.boolean(), vote: z.boolean(), file: z.boolean(), renew: z.boolean() }),
});
export type WageContract = z.infer<typeof wageContractSchema>;

export const wageContractListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(WAGE_CONTRACT_KINDS).optional(),
  phase: z.enum(WAGE_CONTRACT_PHASES).optional(),
  q: z.string().trim().max(60).optional(),
});
export type WageContractListQuery = z.infer<typeof wageContractListQuerySchema>;
export const wageContractExportBodySchema = wageContractListQuerySchema.omit({ page: true, pageSize: true });

export const wageCoverageRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  unionised: z.number().int(),
  covered: z.number().int(),
  rate: z.number(),
  unionisedLarge: z.number().int(),
  coveredLarge: z.number().int(),
  rateLarge: z.number(),
  workersCovered: z.number().int(),
  meetsTarget: z.boolean(),
  meetsTargetLarge: z.boolean(),
});
export type WageCoverageRow = z.infer<typeof wageCoverageRowSchema>;
export const wageCoverageSchema = z.object({
  asOf: z.string(),
  target: z.number(),
  targetLarge: z.number(),
  total: wageCoverageRowSchema,
  rows: z.array(wageCoverageRowSchema),
});
export type WageCoverage = z.infer<typeof wageCoverageSchema>;
export const wageCoverageQuerySchema = z.object({ orgId: z.uuid({ error: '组织编号格式不正确' }).optional() });
