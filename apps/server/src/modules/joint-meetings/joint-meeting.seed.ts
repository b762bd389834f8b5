import { eq } from 'drizzle-orm';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, orgIdByName } from '../../seed/demo-helpers.js';
import type { Db } from '../../platform/db/db-connection.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { trackedItems, trackedProgressReports } from '../../platform/tracking/tracking.schema.js';
import { addDays } from '../../platform/tracking/tracking-state.js';
import { addAgendaItem, addCommitment, createMeeting } from './joint-meeting.service.js';
import { JOINT_DEMO } from './joint-meeting-demo.data.js';

export interface SeedProgress {
  itemId: string;
  ownerOrgId: string;
  reports: [number, string, number][];
  closingNote?: string;
}

/** The progress history of a tracked item (days ago), its percent and end state (100% = 已完成; a closing note = 已关闭). */
export async function seedProgress(db: Db, p: SeedProgress): Promise<void> {
  const today = shanghaiDate(new Date());
  for (const [ago, text, percent] of p.reports) {
    await db.insert(trackedProgressReports).values({ itemId: p.itemId, reportDate: addDays(today, -ago), text, percent, orgId: p.ownerOrgId, userName: '工会责任人' });
  }
  const last = p.reports.at(-1)?.[2] ?? 0;
  const doneAgo = p.reports.at(-1)?.[0] ?? 0;
  const at = new Date(Date.now() - doneAgo * 86_400_000);
  await db
    .update(trackedItems)
    .set({ percent: last, ...(last === 100 ? { status: 'done', doneAt: at } : {}), ...(p.closingNote ? { status: 'closed', closingNote: p.closingNote, closedAt: at } : {}) })
    .where(eq(trackedItems.id, p.itemId));
}

/** The 2016 联席会议 with the speech's four topics and what was agreed: done, closed, in progress, due soon, one overdue. */
async function seedJointMeetings({ db }: DemoSeedContext): Promise<void> {
  const { auth, actor } = await demoAuth(db, 'city');
  const today = shanghaiDate(new Date());
  let m = await createMeeting(db, auth, actor, { title: JOINT_DEMO.title, meetingDate: JOINT_DEMO.meetingDate, place: JOINT_DEMO.place, governmentParticipants: JOINT_DEMO.government, unionParticipants: JOINT_DEMO.union });
  for (const [i, t] of JOINT_DEMO.topics.entries()) {
    m = await addAgendaItem(db, auth, actor, m.id, { topic: t.topic, background: t.background });
    const agendaId = m.agendaItems[i]!.id;
    for (const c of t.commitments) {
      const owner = await orgIdByName(db, c.owner);
      if (!owner) continue;
      m = await addCommitment(db, auth, actor, agendaId, { content: c.content, governmentDepartment: c.department, ownerOrgId: owner, deadline: addDays(today, c.dueIn) });
      const made = m.agendaItems[i]!.commitments.find((x) => x.content === c.content)!;
      await seedProgress(db, { itemId: made.tracking.id, ownerOrgId: owner, reports: c.reports, closingNote: c.closingNote });
    }
  }
}

registerDemoSeeder('joint-meetings', seedJointMeetings);
