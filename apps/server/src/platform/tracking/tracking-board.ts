import type { SupervisionBoard, SupervisionQuery } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import type { Db } from '../db/db-connection.js';
import { trackingKind } from './tracking-kind.js';
import { trackedRows } from './tracking.repository.js';
import { trackedView } from './tracking.service.js';

/** 督办 board: the items in scope (filtered), and per owner org how many are overdue, due soon, on track, finished. */
export async function supervisionBoard(db: Db, auth: AuthContext, q: SupervisionQuery): Promise<SupervisionBoard> {
  const now = new Date();
  const all = (await trackedRows(db, auth.scope, { kind: q.kind, ownerOrgId: q.ownerOrgId }))
    .filter((r) => trackingKind(r.kind) !== undefined)
    .map((r) => {
      const k = trackingKind(r.kind)!;
      return { ...trackedView(r, auth, now), kindLabel: k.label, link: k.link(r.businessId, r.id) };
    });
  const owners = new Map<string, SupervisionBoard['byOwner'][number]>();
  for (const i of all) {
    const o = owners.get(i.ownerOrgId) ?? { ownerOrgId: i.ownerOrgId, ownerOrgName: i.ownerOrgName, overdue: 0, dueSoon: 0, normal: 0, finished: 0 };
    if (i.deadlineState === 'overdue') o.overdue++;
    else if (i.deadlineState === 'due_soon') o.dueSoon++;
    else if (i.deadlineState === 'normal') o.normal++;
    else o.finished++;
    owners.set(i.ownerOrgId, o);
  }
  const rank = { overdue: 0, due_soon: 1, normal: 2, done: 3, closed: 4 } as const;
  const items = all.filter((i) => !q.deadlineState || i.deadlineState === q.deadlineState).sort((a, b) => rank[a.deadlineState] - rank[b.deadlineState] || a.deadline.localeCompare(b.deadline));
  return { items, byOwner: [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon) };
}
