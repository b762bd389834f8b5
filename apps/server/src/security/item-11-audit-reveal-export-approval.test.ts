import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import type { TestClient } from '../test-support/test-client.js';
import { queryRows } from '../platform/db/db-connection.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { users } from '../platform/auth/auth.schema.js';

type Row = typeof auditLog.$inferSelect;

describe('security.md item 11: masked-field reveal (with its reason), export and approval actions each leave one audit row', () => {
  let t: TestApp;
  let district: TestClient;
  let grassroots: TestClient;
  const lastId = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT coalesce(max(id), 0)::int AS n FROM audit_log`))[0]!.n;
  const rowsSince = (id: number, username: string) =>
    t.ctx.db.select().from(auditLog).where(and(gt(auditLog.id, id), eq(auditLog.username, username)));
  const detailOf = (r: Row) => JSON.parse(r.detail) as Record<string, unknown>;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    district = await demoClient(t, 'district');
    grassroots = await demoClient(t, 'grassroots');
  });
  afterAll(() => t.close());

  it.each([
    ['idCard', '核对困难职工身份'],
    ['phone', '电话回访申请人'],
  ])('reveal of %s: one pii.reveal row naming the field and the reason, the value itself not stored', async (field, reason) => {
    const [worker] = await t.ctx.db.select().from(users).where(eq(users.username, 'worker'));
    const before = await lastId();
    const r = await district.post<{ value: string }>(`/members/${worker!.memberId}/reveal`, { field, reason });
    expect(r.status).toBe(200);
    const rows = await rowsSince(before, 'district');
    expect(rows.map((x) => x.action)).toEqual(['pii.reveal']);
    expect(rows[0]!).toMatchObject({ objectType: 'member', objectId: worker!.memberId, result: 'success' });
    expect(detailOf(rows[0]!)).toMatchObject({ field, reason });
    expect(rows[0]!.detail).not.toContain(r.body.value);
  });

  it('a reveal without a reason is refused and leaves no reveal row', async () => {
    const [worker] = await t.ctx.db.select().from(users).where(eq(users.username, 'worker'));
    const before = await lastId();
    expect((await district.post(`/members/${worker!.memberId}/reveal`, { field: 'idCard', reason: '' })).status).toBe(422);
    expect((await rowsSince(before, 'district')).filter((x) => x.action === 'pii.reveal')).toEqual([]);
  });

  it('an export: one data.export row, masked by default', async () => {
    const before = await lastId();
    const r = await district.post('/members/export', {});
    expect(r.status).toBe(202);
    const rows = (await rowsSince(before, 'district')).filter((x) => x.action === 'data.export');
    expect(rows).toHaveLength(1);
    expect(detailOf(rows[0]!)).toMatchObject({ unmasked: false });
  });

  it('an approval action: one workflow.action row with the step, the move and the opinion', async () => {
    const inbox = await grassroots.get<{ items: { id: string; status: string }[] }>('/aid/applications?box=inbox');
    expect(inbox.status).toBe(200);
    const app = inbox.body.items[0]!;
    const before = await lastId();
    const r = await grassroots.post<{ status: string }>(`/aid/applications/${app.id}/actions`, { action: 'return', opinion: '请补充收入证明(审计测试)' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const rows = (await rowsSince(before, 'grassroots')).filter((x) => x.action === 'workflow.action');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.objectId).toBe(app.id);
    expect(detailOf(rows[0]!)).toMatchObject({ action: 'return', from: app.status, to: r.body.status, opinion: '请补充收入证明(审计测试)' });
  });
});
