import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Checklist, ChecklistBody, ChecklistKind } from '@gonghui/contracts';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { forbidden, notFound } from '../../platform/http/app-error.js';
import { orgs } from '../../platform/org/org.schema.js';
import { addDays } from '../../platform/tracking/tracking-state.js';
import { templateItems } from './checklist-templates.js';
import { meetingChecklistItems, meetingChecklists } from './work-plan.schema.js';

async function checklistsWhere(db: Db, auth: AuthContext, id?: string): Promise<Checklist[]> {
  const lists = await db
    .select({ c: meetingChecklists, orgName: orgs.name })
    .from(meetingChecklists)
    .innerJoin(orgs, eq(orgs.id, meetingChecklists.orgId))
    .where(and(scopePredicate(auth.scope, { org: meetingChecklists.orgId }), id ? eq(meetingChecklists.id, id) : undefined))
    .orderBy(desc(meetingChecklists.meetingDate))
    .limit(100);
  const items = lists.length ? await db.select().from(meetingChecklistItems).where(inArray(meetingChecklistItems.checklistId, lists.map((l) => l.c.id))).orderBy(asc(meetingChecklistItems.position)) : [];
  const today = shanghaiDate(new Date());
  return lists.map(({ c, orgName }) => {
    const mine = items.filter((i) => i.checklistId === c.id);
    return {
      id: c.id,
      orgId: c.orgId,
      orgName,
      kind: c.kind as ChecklistKind,
      title: c.title,
      meetingDate: c.meetingDate,
      done: mine.filter((i) => i.done).length,
      total: mine.length,
      items: mine.map((i) => ({ id: i.id, position: i.position, title: i.title, responsible: i.responsible, responsibleOrgId: i.responsibleOrgId, dueDate: i.dueDate, done: i.done, overdue: !i.done && i.dueDate !== null && i.dueDate < today })),
      abilities: { canEdit: auth.permissions.has('plan:checklist:manage') && auth.user.orgId === c.orgId },
    };
  });
}

export const listChecklists = (db: Db, auth: AuthContext) => checklistsWhere(db, auth);

export async function getChecklist(db: Db, auth: AuthContext, id: string): Promise<Checklist> {
  const [c] = await checklistsWhere(db, auth, id);
  if (!c) throw notFound('筹备清单');
  return c;
}

/** A checklist of the caller's union; without items it starts from the kind's template (due dates counted back from the meeting). */
export async function createChecklist(db: Db, auth: AuthContext, actor: Actor, body: ChecklistBody): Promise<Checklist> {
  const items = body.items ?? templateItems(body.kind).map((t) => ({ title: t.title, responsible: t.responsible, responsibleOrgId: undefined, dueDate: addDays(body.meetingDate, -t.daysBefore), done: false }));
  const id = await db.transaction(async (tx) => {
    const [c] = await tx.insert(meetingChecklists).values({ orgId: auth.user.orgId, kind: body.kind, title: body.title, meetingDate: body.meetingDate }).returning({ id: meetingChecklists.id });
    if (items.length)
      await tx.insert(meetingChecklistItems).values(items.map((i, n) => ({ checklistId: c!.id, position: n + 1, title: i.title, responsible: i.responsible ?? '', responsibleOrgId: i.responsibleOrgId ?? null, dueDate: i.dueDate ?? null, done: i.done, doneAt: i.done ? new Date() : null })));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'meeting_checklist', objectId: c!.id, detail: { kind: body.kind, title: body.title, items: items.length } }, true);
    return c!.id;
  });
  return getChecklist(db, auth, id);
}

/** Ticks or unticks one item (the checklist's union). */
export async function setItemDone(db: Db, auth: AuthContext, actor: Actor, id: string, itemId: string, done: boolean): Promise<Checklist> {
  const c = await getChecklist(db, auth, id);
  if (!c.abilities.canEdit) throw forbidden(`只有${c.orgName}可以勾选筹备事项`);
  const item = c.items.find((i) => i.id === itemId);
  if (!item) throw notFound('筹备事项');
  await db.transaction(async (tx) => {
    await tx.update(meetingChecklistItems).set({ done, doneAt: done ? new Date() : null }).where(eq(meetingChecklistItems.id, itemId));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'meeting_checklist', objectId: id, detail: { item: item.title, done: { from: item.done, to: done } } }, true);
  });
  return getChecklist(db, auth, id);
}
