import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { RIGHTS_ACCEPT_WORKDAYS } from '@gonghui/contracts';
import { queryRows } from '../../platform/db/db-connection.js';
import { workflowEvents, workflowInstances } from '../../platform/workflow/workflow.schema.js';
import { dueDateFor } from '../../platform/workflow/workflow.service.js';
import { runSlaSweep } from '../../platform/workflow/workflow-sla.js';
import { sweepWorkflows } from '../../platform/workflow/workflow-jobs.js';
import { memberCase, rightsWorld, type RightsView, type RightsWorld } from './rights-fixtures.js';
import { rightsCases } from './rights-case.schema.js';
import { RIGHTS_WORKFLOWS } from './rights-workflow.js';

/** 10:00 Asia/Shanghai on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('维权案件 SLA in 工作日 across 国庆 2026, with escalation', () => {
  let w: RightsWorld;
  let c: RightsView;
  const flow = RIGHTS_WORKFLOWS.normal;

  beforeAll(async () => {
    w = await rightsWorld('rsla');
    c = await memberCase(w.workerA, { category: 'contract', amountClaimedFen: 0, workersAffected: 1, enterpriseId: w.entShang });
    // received on Wednesday Sep 30, the last 工作日 before the National Day holiday (Oct 1-7; Saturday Oct 10 is a 调休 working day)
    const due = dueDateFor(at('2026-09-30'), RIGHTS_ACCEPT_WORKDAYS);
    await w.t.ctx.db.update(rightsCases).set({ receivedAt: at('2026-09-30') }).where(eq(rightsCases.id, c.id));
    await w.t.ctx.db.update(workflowInstances).set({ stepStartedAt: at('2026-09-30'), stepDueDate: due }).where(eq(workflowInstances.businessId, c.id));
  }, 120_000);
  afterAll(() => w.t.close());

  const actions = async () => {
    const [inst] = await w.t.ctx.db.select().from(workflowInstances).where(eq(workflowInstances.businessId, c.id));
    return (await w.t.ctx.db.select().from(workflowEvents).where(eq(workflowEvents.instanceId, inst!.id))).map((e) => e.action);
  };
  const notes = (orgId: string) => queryRows<{ kind: string; title: string }>(w.t.ctx.db, sql`SELECT kind, title FROM notifications WHERE org_id = ${orgId} AND link LIKE ${`%${c.id}`}`);

  it('the acceptance deadline skips the holiday week: due Thursday Oct 8', async () => {
    expect(dueDateFor(at('2026-09-30'), RIGHTS_ACCEPT_WORKDAYS)).toBe('2026-10-08');
    expect((await w.shang.get<RightsView>(`/rights/cases/${c.id}`)).body).toMatchObject({ dueDate: '2026-10-08', overdue: true, escalated: false });
  });

  it('sends nothing during the holiday nor on the due date', async () => {
    for (const d of ['2026-10-02', '2026-10-05', '2026-10-07', '2026-10-08']) expect(await runSlaSweep(w.t.ctx.db, flow, at(d)), d).toEqual({ reminded: 0, escalated: 0 });
    expect(await actions()).toEqual(['create', 'submit']);
  });

  it('reminds the district the next 工作日, then escalates to the city on the 调休 Saturday', async () => {
    expect(await runSlaSweep(w.t.ctx.db, flow, at('2026-10-09'))).toEqual({ reminded: 1, escalated: 0 });
    // the district was told of the new case when it came in, and now reminded
    expect((await notes(w.tree.shangcheng.id)).map((n) => n.kind)).toEqual(['rights.case', 'workflow.remind']);
    // 1 工作日 after the due date is Friday Oct 9; Saturday Oct 10 is a working day (调休), so the escalation comes then
    expect(await runSlaSweep(w.t.ctx.db, flow, at('2026-10-10'))).toEqual({ reminded: 0, escalated: 1 });
    expect((await notes(w.tree.city.id)).map((n) => n.kind)).toEqual(['workflow.escalate']);
    expect(await actions()).toEqual(['create', 'submit', 'remind', 'escalate']);
    expect(await runSlaSweep(w.t.ctx.db, flow, at('2026-10-20'))).toEqual({ reminded: 0, escalated: 0 });
    const seen = await w.city.get<RightsView>(`/rights/cases/${c.id}`);
    expect(seen.body).toMatchObject({ overdue: true, escalated: true });
    const overdue = await w.city.get<{ items: { id: string }[] }>('/rights/cases?overdue=true');
    expect(overdue.body.items.map((i) => i.id)).toContain(c.id);
  });

  it('the shared sweep job covers both rights chains', async () => {
    const out = await sweepWorkflows({ db: w.t.ctx.db });
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['rights.case.normal', 'rights.case.urgent']));
  });

  it('accepting clears the overdue flag and starts the handling SLA', async () => {
    const a = await w.shang.post<RightsView>(`/rights/cases/${c.id}/accept`, { decision: 'accept' });
    expect(a.body).toMatchObject({ phase: 'accepted', overdue: false, escalated: false });
    expect(a.body.workflow.stepKey).toBe('handle');
  });
});
