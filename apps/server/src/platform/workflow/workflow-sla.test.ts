import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia, districtByCode } from '../../test-support/fixtures.js';
import { notifications } from '../notify/notification.schema.js';
import { defineWorkflow } from './workflow-definition.js';
import { workflowEvents, workflowInstances } from './workflow.schema.js';
import { createCase, dueDateFor, systemActor } from './workflow.service.js';
import { runSlaSweep } from './workflow-sla.js';

/** Instants at 10:00 Asia/Shanghai on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

const slaFlow = defineWorkflow({
  type: 'test.sla',
  objectType: 'test_case',
  approvePermission: 'aid:application:approve',
  filePermission: 'aid:application:create',
  steps: [{ key: 'review', label: '测试审核', level: 'district', slaWorkdays: 2 }],
  escalateAfterWorkdays: 3,
});

describe('workflow SLA in 工作日 (official holidays and 调休)', () => {
  it('counts a 调休 working weekend and skips the holiday week', () => {
    // National Day 2025: Oct 1-8 off, Sunday Sep 28 and Saturday Oct 11 are working days
    expect(dueDateFor(at('2025-09-26'), 1)).toBe('2025-09-28');
    expect(dueDateFor(at('2025-09-26'), 3)).toBe('2025-09-30');
    expect(dueDateFor(at('2025-09-26'), 4)).toBe('2025-10-09');
    expect(dueDateFor(at('2025-10-09'), 2)).toBe('2025-10-11');
    // late evening UTC is already the next day in Shanghai
    expect(dueDateFor(new Date('2025-09-25T17:00:00Z'), 1)).toBe('2025-09-28');
  });

  describe('reminders and escalation by the sweep job', () => {
    let t: TestApp;
    let districtId: string;
    let unionId: string;
    let caseId: string;

    beforeAll(async () => {
      t = await createTestApp();
      const sys = await t.login('sysadmin');
      districtId = (await districtByCode(t, '330102')).id;
      const street = await createOrgVia(sys, districtId, 'SLA街道总工会', 'street');
      unionId = (await createOrgVia(sys, street.id, 'SLA公司工会', 'grassroots')).id;
      const inst = await t.ctx.db.transaction((tx) => createCase(tx, slaFlow, { businessId: crypto.randomUUID(), orgId: unionId, amountFen: 100, publicName: '张*国', publicSummary: '测试' }, systemActor('测试')));
      caseId = inst.id;
      // in review at the district since Thursday Sep 25, due Friday Sep 26
      await t.ctx.db
        .update(workflowInstances)
        .set({ status: 'in_review', stepIndex: 0, stepKey: 'review', assigneeOrgId: districtId, stepStartedAt: at('2025-09-25'), stepDueDate: '2025-09-26' })
        .where(eq(workflowInstances.id, caseId));
    });
    afterAll(() => t.close());

    const events = () => t.ctx.db.select().from(workflowEvents).where(eq(workflowEvents.instanceId, caseId));
    const notes = (orgId: string) => t.ctx.db.select().from(notifications).where(eq(notifications.orgId, orgId));

    it('does nothing on the due date itself', async () => {
      expect(await runSlaSweep(t.ctx.db, slaFlow, at('2025-09-26'))).toEqual({ reminded: 0, escalated: 0 });
    });

    it('reminds the acting org once, the day after', async () => {
      expect(await runSlaSweep(t.ctx.db, slaFlow, at('2025-09-27'))).toEqual({ reminded: 1, escalated: 0 });
      expect(await runSlaSweep(t.ctx.db, slaFlow, at('2025-09-28'))).toEqual({ reminded: 0, escalated: 0 });
      expect((await events()).map((e) => e.action)).toEqual(['create', 'remind']);
      const n = await notes(districtId);
      expect(n).toHaveLength(1);
      expect(n[0]).toMatchObject({ kind: 'workflow.remind' });
    });

    it('escalates to the parent after 3 more 工作日, counting Sunday Sep 28 (调休) as one', async () => {
      // 3 工作日 after Sep 26 are Sep 28 (Sun, 调休), 29, 30: still on time on Sep 30
      expect(await runSlaSweep(t.ctx.db, slaFlow, at('2025-09-30'))).toEqual({ reminded: 0, escalated: 0 });
      expect(await runSlaSweep(t.ctx.db, slaFlow, at('2025-10-01'))).toEqual({ reminded: 0, escalated: 1 });
      expect((await events()).map((e) => e.action)).toEqual(['create', 'remind', 'escalate']);
      const [row] = await t.ctx.db.select({ parent: sql<string>`parent_id` }).from(sql`orgs`).where(sql`id = ${districtId}`);
      const up = await notes(row!.parent);
      expect(up.map((x) => x.kind)).toEqual(['workflow.escalate']);
      expect(await runSlaSweep(t.ctx.db, slaFlow, at('2025-10-20'))).toEqual({ reminded: 0, escalated: 0 });
    });
  });
});
