import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { auditLog } from '../platform/audit/audit.schema.js';

type Detail = Record<string, unknown> & { before?: Record<string, unknown>; after?: Record<string, unknown> };
type Member = { id: string; name: string; skillLevel: string | null; version: number };
type Enterprise = { id: string; employeeCount: number | null };

describe('security.md item 11: the audit row of an edit carries the old value (before) and the new one (after)', () => {
  let t: TestApp;
  let city: TestClient;
  const lastUpdate = async (objectType: string, objectId: string): Promise<Detail> => {
    const [row] = await t.ctx.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'data.update'), eq(auditLog.objectType, objectType), eq(auditLog.objectId, objectId)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row, `${objectType} ${objectId} has an update row`).toBeDefined();
    return JSON.parse(row!.detail) as Detail;
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 120_000);
  afterAll(() => t.close());

  it('a member edit: the changed field from its old value to the new one', async () => {
    const list = await city.get<{ items: { id: string }[] }>('/members?pageSize=1');
    const m = (await city.get<Member>(`/members/${list.body.items[0]!.id}`)).body;
    const skillLevel = m.skillLevel === '高级技师' ? '技师' : '高级技师';
    expect((await city.patch(`/members/${m.id}`, { skillLevel, version: m.version })).status).toBe(200);
    const d = await lastUpdate('member', m.id);
    expect(d.skillLevel).toEqual({ from: m.skillLevel, to: skillLevel });
  });

  it('an enterprise edit: before has the old value, after the new', async () => {
    const list = await city.get<{ items: Enterprise[] }>('/enterprises?pageSize=1');
    const e = list.body.items[0]!;
    const employeeCount = (e.employeeCount ?? 0) + 7;
    expect((await city.patch(`/enterprises/${e.id}`, { employeeCount })).status).toBe(200);
    const d = await lastUpdate('enterprise', e.id);
    expect(d.before?.employeeCount).toBe(e.employeeCount);
    expect(d.after?.employeeCount).toBe(employeeCount);
  });

  it('an innovation edit (helper changeDetail): only the changed keys, old in before, new in after', async () => {
    const fields = { kind: 'renovation', title: '审计前后值测试夹具', problem: '换刀一次要二十分钟', proposal: '设计快换夹具', expectedBenefit: '每班节省一小时' };
    // staff file a draft for a team (led by a registered member); a draft is editable
    const lead = (await city.get<{ items: { id: string; name: string }[] }>('/members?pageSize=1')).body.items[0]!;
    const created = await city.post<{ id: string; status: string }>('/innovations', { ...fields, teamName: '总装一班', teamMembers: [{ name: lead.name, memberId: lead.id }, { name: '审计小明' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.status).toBe('draft');
    const edit = await city.put(`/innovations/${created.body.id}`, { title: '审计前后值测试夹具(改)', problem: fields.problem });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const d = await lastUpdate('innovation', created.body.id);
    expect(d.before).toEqual({ title: fields.title });
    expect(d.after).toEqual({ title: '审计前后值测试夹具(改)' });
  });

  it('masks personal numbers inside before/after as everywhere else', async () => {
    const list = await city.get<{ items: { id: string }[] }>('/members?pageSize=1');
    const m = (await city.get<Member>(`/members/${list.body.items[0]!.id}`)).body;
    const phone = '13957112345';
    expect((await city.patch(`/members/${m.id}`, { phone, version: m.version })).status).toBe(200);
    const d = await lastUpdate('member', m.id);
    expect(JSON.stringify(d)).not.toContain(phone);
    expect((d.phone as { to: string }).to).toBe('139****2345');
  });
});
