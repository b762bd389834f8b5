import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/data-scope.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { orgs } from '../../platform/org/org.schema.js';
import { trackedScope } from '../../platform/tracking/tracking.repository.js';
import { trackedItems } from '../../platform/tracking/tracking.schema.js';
import { jointAgendaItems, jointCommitments, jointMeetings } from './joint-meeting.schema.js';

export type MeetingRow = typeof jointMeetings.$inferSelect & { orgName: string };

/** A meeting is visible to its union's scope, and to the owner orgs of its commitments (they see their own items only). */
export function meetingScope(scope: DataScope): SQL {
  return sql`(${scopePredicate(scope, { org: jointMeetings.orgId })} OR EXISTS (
    SELECT 1 FROM ${jointAgendaItems} a JOIN ${jointCommitments} c ON c.agenda_item_id = a.id JOIN ${trackedItems} ON ${trackedItems.id} = c.tracked_item_id
    WHERE a.meeting_id = ${jointMeetings.id} AND ${trackedScope(scope)}))`;
}

const yearCond = (year: number | undefined) => (year ? sql`extract(year from ${jointMeetings.meetingDate}) = ${year}` : sql`true`);

export async function meetingRows(db: Db, scope: DataScope | null, f: { year?: number; id?: string }, page = 1, pageSize = 200): Promise<{ rows: MeetingRow[]; total: number }> {
  const where = and(scope ? meetingScope(scope) : sql`true`, yearCond(f.year), f.id ? eq(jointMeetings.id, f.id) : sql`true`);
  const rows = await db
    .select({ m: jointMeetings, orgName: orgs.name })
    .from(jointMeetings)
    .innerJoin(orgs, eq(orgs.id, jointMeetings.orgId))
    .where(where)
    .orderBy(desc(jointMeetings.meetingDate), asc(jointMeetings.title))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(jointMeetings).where(where);
  return { rows: rows.map((r) => ({ ...r.m, orgName: r.orgName })), total: n?.n ?? 0 };
}

export async function agendaRows(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db.select().from(jointAgendaItems).where(inArray(jointAgendaItems.meetingId, meetingIds)).orderBy(asc(jointAgendaItems.meetingId), asc(jointAgendaItems.position));
}

/** Commitments of agenda items (all of them; the caller filters by the visible tracked items). */
export async function commitmentRows(db: Db, agendaIds: string[]) {
  if (agendaIds.length === 0) return [];
  return db.select().from(jointCommitments).where(inArray(jointCommitments.agendaItemId, agendaIds)).orderBy(asc(jointCommitments.id));
}

/** One commitment with its agenda item and meeting, when its tracked item is in the scope. */
export async function commitmentWithContext(db: Db, scope: DataScope, id: string) {
  const [row] = await db
    .select({ c: jointCommitments, a: jointAgendaItems, m: jointMeetings })
    .from(jointCommitments)
    .innerJoin(jointAgendaItems, eq(jointAgendaItems.id, jointCommitments.agendaItemId))
    .innerJoin(jointMeetings, eq(jointMeetings.id, jointAgendaItems.meetingId))
    .innerJoin(trackedItems, eq(trackedItems.id, jointCommitments.trackedItemId))
    .where(and(eq(jointCommitments.id, id), trackedScope(scope)));
  return row ?? null;
}

/** Commitments in the scope (their tracked item visible), newest meeting first. */
export async function visibleCommitments(db: Db, scope: DataScope, f: { year?: number; ownerOrgId?: string }) {
  return db
    .select({ c: jointCommitments, a: jointAgendaItems, m: jointMeetings })
    .from(jointCommitments)
    .innerJoin(jointAgendaItems, eq(jointAgendaItems.id, jointCommitments.agendaItemId))
    .innerJoin(jointMeetings, eq(jointMeetings.id, jointAgendaItems.meetingId))
    .innerJoin(trackedItems, eq(trackedItems.id, jointCommitments.trackedItemId))
    .where(and(trackedScope(scope), yearCond(f.year), f.ownerOrgId ? eq(trackedItems.ownerOrgId, f.ownerOrgId) : sql`true`))
    .orderBy(desc(jointMeetings.meetingDate), asc(jointAgendaItems.position), asc(trackedItems.deadline));
}
