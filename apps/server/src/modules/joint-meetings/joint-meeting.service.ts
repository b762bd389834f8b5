import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AgendaItemBody, Commitment, CommitmentBody, JointMeeting, JointMeetingBody, JointMeetingListItem, JointMeetingListQuery, Page, MeetingParticipant, TrackedItem } from '@gonghui/contracts';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { createTrackedItems, trackedFor } from '../../platform/tracking/tracking.service.js';
import { COMMITMENT_KIND, commitmentState } from './joint-commitment-kind.js';
import { agendaRows, commitmentRows, meetingRows, type MeetingRow } from './joint-meeting.repository.js';
import { jointAgendaItems, jointCommitments, jointMeetings } from './joint-meeting.schema.js';

const canEdit = (auth: AuthContext, orgId: string) => auth.permissions.has('joint:meeting:manage') && auth.user.orgId === orgId;

/** The meetings with their agenda and the commitments the caller sees. */
async function assemble(db: Db, auth: AuthContext, rows: MeetingRow[]): Promise<JointMeeting[]> {
  const agenda = await agendaRows(db, rows.map((r) => r.id));
  const commitments = await commitmentRows(db, agenda.map((a) => a.id));
  const tracked = new Map((await trackedFor(db, auth, COMMITMENT_KIND, commitments.map((c) => c.id))).map((t) => [t.businessId, t]));
  return rows.map((m) => {
    const items = agenda
      .filter((a) => a.meetingId === m.id)
      .map((a) => ({
        id: a.id,
        position: a.position,
        topic: a.topic,
        background: a.background,
        commitments: commitments
          .filter((c) => c.agendaItemId === a.id && tracked.has(c.id))
          .map((c) => commitmentView(c, tracked.get(c.id)!, { id: m.id, title: m.title, meetingDate: m.meetingDate }, a.topic)),
      }));
    const all = items.flatMap((a) => a.commitments);
    return {
      id: m.id,
      orgId: m.orgId,
      orgName: m.orgName,
      title: m.title,
      meetingDate: m.meetingDate,
      place: m.place,
      topics: items.length,
      commitments: all.length,
      overdue: all.filter((c) => c.state === 'overdue').length,
      governmentParticipants: m.governmentParticipants as MeetingParticipant[],
      unionParticipants: m.unionParticipants as MeetingParticipant[],
      agendaItems: items,
      abilities: { canEdit: canEdit(auth, m.orgId) },
    };
  });
}

export function commitmentView(c: typeof jointCommitments.$inferSelect, t: TrackedItem, m: { id: string; title: string; meetingDate: string }, topic: string): Commitment {
  return { id: c.id, content: c.content, governmentDepartment: c.governmentDepartment, state: commitmentState(t), meetingId: m.id, meetingTitle: m.title, meetingDate: m.meetingDate, topic, tracking: t };
}

export async function listMeetings(db: Db, auth: AuthContext, q: JointMeetingListQuery): Promise<Page<JointMeetingListItem>> {
  const { rows, total } = await meetingRows(db, auth.scope, { year: q.year }, q.page, q.pageSize);
  const items = (await assemble(db, auth, rows)).map(({ id, orgId, orgName, title, meetingDate, place, topics, commitments, overdue }) => ({ id, orgId, orgName, title, meetingDate, place, topics, commitments, overdue }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getMeeting(db: Db, auth: AuthContext, id: string): Promise<JointMeeting> {
  const { rows } = await meetingRows(db, auth.scope, { id });
  const [m] = await assemble(db, auth, rows);
  if (!m) throw notFound('联席会议');
  return m;
}

async function editable(db: Db, auth: AuthContext, id: string): Promise<JointMeeting> {
  const m = await getMeeting(db, auth, id);
  if (!m.abilities.canEdit) throw forbidden(`只有${m.orgName}可以修改该联席会议`);
  return m;
}

export async function createMeeting(db: Db, auth: AuthContext, actor: Actor, body: JointMeetingBody): Promise<JointMeeting> {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(jointMeetings).values({ ...body, orgId: auth.user.orgId, createdBy: auth.user.id }).returning({ id: jointMeetings.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'joint_meeting', objectId: row!.id, detail: { title: body.title, meetingDate: body.meetingDate } }, true);
    return row!.id;
  });
  return getMeeting(db, auth, id);
}

export async function updateMeeting(db: Db, auth: AuthContext, actor: Actor, id: string, body: JointMeetingBody): Promise<JointMeeting> {
  const before = await editable(db, auth, id);
  await db.transaction(async (tx) => {
    await tx.update(jointMeetings).set(body).where(eq(jointMeetings.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'joint_meeting', objectId: id, detail: { title: { from: before.title, to: body.title }, meetingDate: { from: before.meetingDate, to: body.meetingDate } } }, true);
  });
  return getMeeting(db, auth, id);
}

export async function addAgendaItem(db: Db, auth: AuthContext, actor: Actor, meetingId: string, body: AgendaItemBody): Promise<JointMeeting> {
  const m = await editable(db, auth, meetingId);
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(jointAgendaItems).values({ meetingId, position: m.agendaItems.length + 1, topic: body.topic, background: body.background ?? '' }).returning({ id: jointAgendaItems.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'joint_agenda_item', objectId: row!.id, detail: { meetingId, topic: body.topic } }, true);
  });
  return getMeeting(db, auth, meetingId);
}

async function agendaMeeting(db: Db, auth: AuthContext, agendaId: string): Promise<JointMeeting> {
  const [a] = await db.select({ meetingId: jointAgendaItems.meetingId }).from(jointAgendaItems).where(eq(jointAgendaItems.id, agendaId));
  if (!a) throw notFound('议题');
  return editable(db, auth, a.meetingId);
}

export async function updateAgendaItem(db: Db, auth: AuthContext, actor: Actor, agendaId: string, body: AgendaItemBody): Promise<JointMeeting> {
  const m = await agendaMeeting(db, auth, agendaId);
  await db.transaction(async (tx) => {
    const values = { topic: body.topic, background: body.background ?? '' };
    const [old] = await tx.select().from(jointAgendaItems).where(eq(jointAgendaItems.id, agendaId));
    await tx.update(jointAgendaItems).set(values).where(and(eq(jointAgendaItems.id, agendaId), eq(jointAgendaItems.meetingId, m.id)));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'joint_agenda_item', objectId: agendaId, detail: changeDetail(old!, values) }, true);
  });
  return getMeeting(db, auth, m.id);
}

/** A commitment under an agenda item: the union owner is the meeting's union or one below it; the meeting's union supervises. */
export async function addCommitment(db: Db, auth: AuthContext, actor: Actor, agendaId: string, body: CommitmentBody): Promise<JointMeeting> {
  const m = await agendaMeeting(db, auth, agendaId);
  if (!(await findOrg(db, auth.scope, body.ownerOrgId))) throw invalidField('ownerOrgId', '工会责任单位不在您的管理范围内');
  await db.transaction(async (tx) => {
    const id = randomUUID();
    const [trackedItemId] = await createTrackedItems(tx, [{ kind: COMMITMENT_KIND, businessId: id, title: body.content.slice(0, 60), ownerOrgId: body.ownerOrgId, supervisorOrgId: m.orgId, deadline: body.deadline }]);
    await tx.insert(jointCommitments).values({ id, agendaItemId: agendaId, content: body.content, governmentDepartment: body.governmentDepartment, trackedItemId: trackedItemId! });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'joint_commitment', objectId: id, detail: { meetingId: m.id, agendaId, ownerOrgId: body.ownerOrgId, governmentDepartment: body.governmentDepartment, deadline: body.deadline } }, true);
  });
  return getMeeting(db, auth, m.id);
}
