import { and, eq, sql } from 'drizzle-orm';
import type { PublicityItem } from '@gonghui/contracts';
import { queryRows, type Db } from '../db/db-connection.js';
import { conflict } from '../http/app-error.js';
import { workflowDefinition } from './workflow-definition.js';
import { workflowInstances, workflowObjections } from './workflow.schema.js';
import { objectToCase } from './workflow.service.js';

/** Cases whose 公示 window is open now: masked name, summary, the unit, the window. */
export async function listPublicity(db: Db): Promise<PublicityItem[]> {
  const rows = await queryRows<{ id: string; business_type: string; public_name: string | null; public_summary: string | null; org_name: string; starts: Date; ends: Date }>(
    db,
    sql`SELECT w.id, w.business_type, w.public_name, w.public_summary, o.name AS org_name, w.publicity_starts_at AS starts, w.publicity_ends_at AS ends
        FROM workflow_instances w JOIN orgs o ON o.id = w.org_id
        WHERE w.status = 'publicity' AND w.publicity_ends_at > now()
        ORDER BY w.publicity_ends_at, w.id LIMIT 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    businessType: r.business_type,
    name: r.public_name ?? '',
    summary: r.public_summary ?? '',
    orgName: r.org_name,
    startsAt: new Date(r.starts).toISOString(),
    endsAt: new Date(r.ends).toISOString(),
  }));
}

/** Records an objection and reopens the case; false when no such case is in 公示. */
export async function raiseObjection(db: Db, instanceId: string, body: { content: string; contact?: string | null }, ip: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [inst] = await tx
      .select()
      .from(workflowInstances)
      .where(and(eq(workflowInstances.id, instanceId), eq(workflowInstances.status, 'publicity')));
    if (!inst) return false;
    if (inst.publicityEndsAt && inst.publicityEndsAt.getTime() <= Date.now()) throw conflict('公示期已结束,不再受理异议', 'ILLEGAL_TRANSITION');
    await tx.insert(workflowObjections).values({ instanceId, content: body.content, contact: body.contact ?? null, ip });
    await objectToCase(tx, workflowDefinition(inst.businessType), inst, body.content, ip);
    return true;
  });
}
