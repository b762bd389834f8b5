import { eq } from 'drizzle-orm';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, orgIdByName } from '../../seed/demo-helpers.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { addDays } from '../../platform/tracking/tracking-state.js';
import { seedProgress } from '../joint-meetings/joint-meeting.seed.js';
import { createChecklist } from './checklist.service.js';
import { addTask, createPlan } from './work-plan.service.js';
import { CHECKLIST_DEMO, PLAN_DEMO } from './work-plan-demo.data.js';
import { meetingChecklistItems } from './work-plan.schema.js';

/** The 2017 plan by the six principles with district tasks in every state, and the 全委会 checklist partly done. */
async function seedWorkPlans({ db }: DemoSeedContext): Promise<void> {
  const { auth, actor } = await demoAuth(db, 'city');
  const today = shanghaiDate(new Date());
  let plan = await createPlan(db, auth, actor, { year: PLAN_DEMO.year, title: PLAN_DEMO.title, summary: PLAN_DEMO.summary, principles: PLAN_DEMO.principles.map((p) => ({ title: p.title, description: p.description })) });
  for (const [i, p] of PLAN_DEMO.principles.entries()) {
    for (const task of p.tasks) {
      const owners = (await Promise.all(task.owners.map((o) => orgIdByName(db, o)))).filter((o): o is string => o !== null);
      if (owners.length === 0) continue;
      plan = await addTask(db, auth, actor, plan.id, { principleId: plan.principleList[i]!.id, title: task.title, description: undefined, ownerOrgIds: owners, deadline: addDays(today, task.dueIn) });
      const made = plan.principleList[i]!.tasks.find((x) => x.title === task.title)!;
      for (const item of made.owners) if (task.reports) await seedProgress(db, { itemId: item.id, ownerOrgId: item.ownerOrgId, reports: task.reports, closingNote: task.closingNote });
    }
  }
  const list = await createChecklist(db, auth, actor, { kind: 'plenary', title: CHECKLIST_DEMO.title, meetingDate: CHECKLIST_DEMO.meetingDate });
  for (const item of list.items.slice(0, CHECKLIST_DEMO.done)) await db.update(meetingChecklistItems).set({ done: true, doneAt: new Date(`${item.dueDate ?? CHECKLIST_DEMO.meetingDate}T02:00:00Z`) }).where(eq(meetingChecklistItems.id, item.id));
}

registerDemoSeeder('work-plans', seedWorkPlans);
