import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';
import { trackedItemSchema, trackingDateSchema } from './tracking.schema.js';

/** 联席会议 commitment state: 推进中 / 已完成 / 逾期 / 已关闭 (逾期 computed from the deadline in Asia/Shanghai). */
export const COMMITMENT_STATES = ['in_progress', 'done', 'overdue', 'closed'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];
export const COMMITMENT_STATE_LABELS: Record<CommitmentState, string> = { in_progress: '推进中', done: '已完成', overdue: '逾期', closed: '已关闭' };

export const meetingParticipantSchema = z.object({
  name: requiredText(40, '姓名'),
  title: requiredText(60, '职务'),
  organisation: requiredText(80, '单位'),
});
export type MeetingParticipant = z.infer<typeof meetingParticipantSchema>;

export const jointMeetingBodySchema = z.object({
  title: requiredText(120, '会议名称'),
  meetingDate: trackingDateSchema('会议日期'),
  place: requiredText(120, '会议地点'),
  governmentParticipants: z.array(meetingParticipantSchema).max(60, { error: '政府方参会人员最多60人' }),
  unionParticipants: z.array(meetingParticipantSchema).max(60, { error: '工会方参会人员最多60人' }),
});
export type JointMeetingBody = z.infer<typeof jointMeetingBodySchema>;

export const agendaItemBodySchema = z.object({ topic: requiredText(200, '议题'), background: optionalText(2000) });
export type AgendaItemBody = z.infer<typeof agendaItemBodySchema>;

export const commitmentBodySchema = z.object({
  content: requiredText(1000, '议定事项'),
  governmentDepartment: requiredText(80, '责任部门'),
  ownerOrgId: z.uuid({ error: '请选择工会责任单位' }),
  deadline: trackingDateSchema('完成时限'),
});
export type CommitmentBody = z.infer<typeof commitmentBodySchema>;

export const commitmentSchema = z.object({
  id: z.string(),
  content: z.string(),
  governmentDepartment: z.string(),
  state: z.enum(COMMITMENT_STATES),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  topic: z.string(),
  tracking: trackedItemSchema,
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const agendaItemSchema = z.object({ id: z.string(), position: z.number().int(), topic: z.string(), background: z.string(), commitments: z.array(commitmentSchema) });

export const jointMeetingListItemSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  meetingDate: z.string(),
  place: z.string(),
  topics: z.number().int(),
  commitments: z.number().int(),
  overdue: z.number().int(),
});
export type JointMeetingListItem = z.infer<typeof jointMeetingListItemSchema>;

export const jointMeetingSchema = jointMeetingListItemSchema.extend({
  governmentParticipants: z.array(meetingParticipantSchema),
  unionParticipants: z.array(meetingParticipantSchema),
  agendaItems: z.array(agendaItemSchema),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type JointMeeting = z.infer<typeof jointMeetingSchema>;

export const jointMeetingListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type JointMeetingListQuery = z.infer<typeof jointMeetingListQuerySchema>;

export const commitmentListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: z.enum(COMMITMENT_STATES).optional(),
  ownerOrgId: z.uuid().optional(),
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuerySchema>;

/** The published yearly report (public page and PDF): meetings, topics, commitments and their state. */
export const jointYearReportSchema = z.object({
  year: z.number().int(),
  meetings: z.array(
    z.object({
      title: z.string(),
      meetingDate: z.string(),
      place: z.string(),
      orgName: z.string(),
      topics: z.array(
        z.object({
          topic: z.string(),
          commitments: z.array(z.object({ content: z.string(), governmentDepartment: z.string(), ownerOrgName: z.string(), deadline: z.string(), state: z.enum(COMMITMENT_STATES), percent: z.number().int(), closingNote: z.string().nullable() })),
        }),
      ),
    }),
  ),
});
export type JointYearReport = z.infer<typeof jointYearReportSchema>;
export const jointYearParamSchema = z.object({ year: z.coerce.number().int().min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }) });
