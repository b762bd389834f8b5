import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';
import { idCardSchema, mobileSchema } from './member.schema.js';

/** 工会干部: union committees per 届 with 换届, the cadre register, training hours against a yearly target. */
export const CADRE_POSITIONS = ['chair', 'exec_vice_chair', 'vice_chair', 'audit_director', 'women_director', 'committee_member', 'audit_member', 'officer'] as const;
export type CadrePosition = (typeof CADRE_POSITIONS)[number];
export const CADRE_POSITION_LABELS: Record<CadrePosition, string> = {
  chair: '主席',
  exec_vice_chair: '常务副主席',
  vice_chair: '副主席',
  audit_director: '经审委主任',
  women_director: '女职委主任',
  committee_member: '委员',
  audit_member: '经审委委员',
  officer: '工会干事',
};

export const ELECTION_METHODS = ['competitive', 'equal', 'appointed', 'other'] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];
export const ELECTION_METHOD_LABELS: Record<ElectionMethod, string> = { competitive: '差额选举', equal: '等额选举', appointed: '上级委派', other: '其他' };

export const CADRE_STATES = ['in_office', 'left'] as const;
export type CadreState = (typeof CADRE_STATES)[number];
export const CADRE_STATE_LABELS: Record<CadreState, string> = { in_office: '在任', left: '离任' };

/** Where a current committee's term stands: more than the reminder window left, inside it, or past its end without 换届. */
export const TERM_DUE_STATES = ['ok', 'due', 'overdue'] as const;
export type TermDueState = (typeof TERM_DUE_STATES)[number];
export const TERM_DUE_LABELS: Record<TermDueState, string> = { ok: '届期内', due: '即将到期', overdue: '已到期未换届' };

export const cadreDate = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const versionField = z.number({ error: '缺少版本号' }).int();
const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

const termFields = z.object({
  termNo: z.number({ error: '请填写届次' }).int({ error: '届次应为整数' }).min(1, { error: '届次至少为第1届' }).max(99, { error: '届次不正确' }),
  electedOn: cadreDate('选举日期'),
  termStart: cadreDate('任期开始日期'),
  termEnd: cadreDate('任期届满日期'),
  electionMethod: z.enum(ELECTION_METHODS, { error: '请选择产生方式' }),
  note: optionalText(500),
});
function checkTerm(b: z.infer<typeof termFields>, ctx: z.RefinementCtx): void {
  if (b.termEnd <= b.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '任期届满日期应晚于任期开始日期' });
  if (b.electedOn > b.termStart) ctx.addIssue({ code: 'custom', path: ['electedOn'], message: '选举日期不能晚于任期开始日期' });
}
export const committeeBodySchema = termFields.extend({ orgId: z.uuid({ error: '请选择工会' }) }).superRefine(checkTerm);
export type CommitteeBody = z.infer<typeof committeeBodySchema>;
export const updateCommitteeBodySchema = termFields.extend({ version: versionField }).superRefine(checkTerm);
export type UpdateCommitteeBody = z.infer<typeof updateCommitteeBodySchema>;
/** 换届: the next 届 replaces the current one; the cadres listed continue in it, the others of the old committee leave office. */
export const renewCommitteeBodySchema = termFields
  .extend({ version: versionField, continuingCadreIds: z.array(z.uuid({ error: '干部编号格式不正确' })).max(200).default([]) })
  .superRefine(checkTerm);
export type RenewCommitteeBody = z.infer<typeof renewCommitteeBodySchema>;

export const committeeListQuerySchema = z.object({
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  status: z.enum(['current', 'replaced', 'all']).default('current'),
  due: z.enum(['due', 'overdue', 'due_or_overdue']).optional(),
  ...pageFields,
});
export type CommitteeListQuery = z.infer<typeof committeeListQuerySchema>;

export const committeeItemSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  districtName: z.string(),
  termNo: z.number().int(),
  electedOn: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  electionMethod: z.enum(ELECTION_METHODS),
  status: z.enum(['current', 'replaced']),
  replacedOn: z.string().nullable(),
  note: z.string().nullable(),
  daysLeft: z.number().int(),
  dueState: z.enum(TERM_DUE_STATES),
  cadresInOffice: z.number().int(),
  version: z.number().int(),
});
export type CommitteeItem = z.infer<typeof committeeItemSchema>;
export const committeeSchema = committeeItemSchema.extend({
  history: z.array(committeeItemSchema),
  cadres: z.array(z.object({ id: z.uuid(), name: z.string(), position: z.enum(CADRE_POSITIONS), fullTime: z.boolean(), state: z.enum(CADRE_STATES) })),
  abilities: z.object({ canEdit: z.boolean(), canRenew: z.boolean() }),
});
export type Committee = z.infer<typeof committeeSchema>;

export const committeeDueGroupSchema = z.object({ districtId: z.uuid().nullable(), districtName: z.string(), due: z.number().int(), overdue: z.number().int(), items: z.array(committeeItemSchema) });
export type CommitteeDueGroup = z.infer<typeof committeeDueGroupSchema>;

const cadreFields = z.object({
  name: requiredText(30, '姓名'),
  gender: z.enum(['male', 'female'], { error: '请选择性别' }),
  phone: z.preprocess(emptyToUndefined, mobileSchema.optional()),
  orgId: z.uuid({ error: '请选择所属工会' }),
  committeeId: z.preprocess(emptyToUndefined, z.uuid({ error: '委员会编号格式不正确' }).optional()),
  position: z.enum(CADRE_POSITIONS, { error: '请选择职务' }),
  fullTime: z.boolean({ error: '请选择专职或兼职' }),
  officeStart: cadreDate('任职日期'),
  officeEnd: z.preprocess(emptyToUndefined, cadreDate('任期届满日期').optional()),
  electedHow: z.enum(ELECTION_METHODS, { error: '请选择产生方式' }),
});
function checkOffice(b: { officeStart: string; officeEnd?: string | undefined }, ctx: z.RefinementCtx): void {
  if (b.officeEnd && b.officeEnd <= b.officeStart) ctx.addIssue({ code: 'custom', path: ['officeEnd'], message: '任期届满日期应晚于任职日期' });
}
export const cadreBodySchema = cadreFields.extend({ idCard: idCardSchema }).superRefine(checkOffice);
export type CadreBody = z.infer<typeof cadreBodySchema>;
/** An edit: 身份证 and phone are shown masked, left empty they stay as stored. */
export const updateCadreBodySchema = cadreFields.extend({ idCard: z.preprocess(emptyToUndefined, idCardSchema.optional()), version: versionField }).superRefine(checkOffice);
export type UpdateCadreBody = z.infer<typeof updateCadreBodySchema>;
export const leaveCadreBodySchema = z.object({ leftOn: cadreDate('离任日期'), leftReason: requiredText(200, '离任原因'), version: versionField });
export type LeaveCadreBody = z.infer<typeof leaveCadreBodySchema>;

export const cadreListQuerySchema = z.object({
  q: optionalText(30),
  orgId: z.uuid({ error: '组织编号格式不正确' }).optional(),
  position: z.enum(CADRE_POSITIONS).optional(),
  employment: z.enum(['full_time', 'part_time']).optional(),
  state: z.enum([...CADRE_STATES, 'all']).default('in_office'),
  termDue: z.enum(['due', 'overdue', 'due_or_overdue']).optional(),
  ...pageFields,
});
export type CadreListQuery = z.infer<typeof cadreListQuerySchema>;
export const cadreExportQuerySchema = cadreListQuerySchema.omit({ page: true, pageSize: true });
export type CadreExportQuery = z.infer<typeof cadreExportQuerySchema>;

export const cadreListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  idCard: z.string(),
  phone: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  districtName: z.string(),
  committeeId: z.uuid().nullable(),
  termNo: z.number().int().nullable(),
  termEnd: z.string().nullable(),
  termDueState: z.enum(TERM_DUE_STATES).nullable(),
  position: z.enum(CADRE_POSITIONS),
  fullTime: z.boolean(),
  officeStart: z.string(),
  officeEnd: z.string().nullable(),
  electedHow: z.enum(ELECTION_METHODS),
  state: z.enum(CADRE_STATES),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  memberId: z.uuid().nullable(),
  yearHours: z.number(),
  yearTarget: z.number(),
});
export type CadreListItem = z.infer<typeof cadreListItemSchema>;

export const cadreYearHoursSchema = z.object({ year: z.number().int(), hours: z.number(), target: z.number(), met: z.boolean(), sessions: z.number().int() });
export type CadreYearHours = z.infer<typeof cadreYearHoursSchema>;
export const cadreSchema = cadreListItemSchema.extend({
  version: z.number().int(),
  createdAt: z.string(),
  memberCardNo: z.string().nullable(),
  hoursByYear: z.array(cadreYearHoursSchema),
  trainings: z.array(z.object({ trainingId: z.uuid(), title: z.string(), startsOn: z.string(), orgName: z.string(), signedIn: z.boolean(), hours: z.number() })),
  abilities: z.object({ canEdit: z.boolean(), canLeave: z.boolean() }),
});
export type Cadre = z.infer<typeof cadreSchema>;
