import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestApp, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import { createOrgVia, districtByCode, userClient } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { auditLog } from '../platform/audit/audit.schema.js';

type AuditItem = { id: string; action: string; result: string; username: string | null; objectType: string | null; objectId: string | null; detail: Record<string, unknown> };
type AuditPage = { items: AuditItem[]; total: number; page: number; pageSize: number };

const WRONG_PASSWORD = 'Wrong-guess-77!';
const CHANGED_PASSWORD = 'Changed-pass-2026$';
const RESET_PASSWORD = 'Reset-pass-2026^';

describe('security.md item 11: one audit row per login, failure, lockout, 403, role change, password change and org write', () => {
  let t: TestApp;
  let aud: TestClient;
  let orgId: string;
  const rows = () => t.ctx.db.select().from(auditLog).orderBy(asc(auditLog.id));
  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    const sec = await t.login('secadmin');
    aud = await t.login('auditor');
    const district = await districtByCode(t, '330102');
    // failures, a lockout, denials, user and role changes, org create and update, password changes
    expect((await t.client().post('/auth/login', { username: 'sysadmin', password: WRONG_PASSWORD }, { csrf: false })).status).toBe(401);
    const user = await userClient(t, sys, 'audit_user', district.id, ['district_admin']);
    for (let i = 0; i < 5; i++) await t.client().post('/auth/login', { username: 'audit_locked', password: WRONG_PASSWORD }, { csrf: false });
    await sys.post('/users', { username: 'audit_locked', name: '将被锁定', password: TEST_PASSWORD, orgId: district.id, roleCodes: [] });
    for (let i = 0; i < 6; i++) await t.client().post('/auth/login', { username: 'audit_locked', password: WRONG_PASSWORD }, { csrf: false });
    expect((await sys.get('/audit')).status).toBe(403);
    expect((await user.get('/users')).status).toBe(403);
    const list = await sys.get<{ items: { id: string }[] }>('/users?q=audit_user');
    const userId = list.body.items[0]!.id;
    expect((await sys.patch(`/users/${userId}`, { roleCodes: ['street_admin'] })).status).toBe(200);
    const locked = await sys.get<{ items: { id: string }[] }>('/users?q=audit_locked');
    expect((await sec.put(`/users/${locked.body.items[0]!.id}/platform-role`, { roleCode: 'audit_admin' })).status).toBe(200);
    orgId = (await createOrgVia(sys, district.id, '审计测试街道总工会', 'street')).id;
    expect((await sys.patch(`/orgs/${orgId}`, { name: '审计测试街道总工会(新)' })).status).toBe(200);
    expect((await user.post('/auth/password', { oldPassword: TEST_PASSWORD, newPassword: CHANGED_PASSWORD })).status).toBe(200);
    expect((await sys.post(`/users/${userId}/reset-password`, { password: RESET_PASSWORD })).status).toBe(200);
  });
  afterAll(() => t.close());

  it.each([
    ['auth.login', 'success'],
    ['auth.login_failed', 'failure'],
    ['auth.locked', 'failure'],
    ['access.denied', 'denied'],
    ['user.create', 'success'],
    ['role.grant', 'success'],
    ['data.create', 'success'],
    ['data.update', 'success'],
    ['auth.password_changed', 'success'],
    ['user.password_reset', 'success'],
  ])('records %s', async (action, result) => {
    const r = await aud.get<AuditPage>(`/audit?action=${action}&pageSize=200`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.items.every((i) => i.action === action)).toBe(true);
    expect(r.body.items.some((i) => i.result === result)).toBe(true);
  });

  it('records a 403 with the route and a lockout with the account, and org edits with before/after', async () => {
    const denied = await aud.get<AuditPage>('/audit?action=access.denied&username=sysadmin');
    expect(denied.body.items.map((i) => i.objectId)).toContain('GET /api/audit');
    const locked = await aud.get<AuditPage>('/audit?action=auth.locked&username=audit_locked');
    expect(locked.body.total).toBeGreaterThan(0);
    const org = await aud.get<AuditPage>(`/audit?objectType=org&objectId=${orgId}`);
    const create = org.body.items.find((i) => i.action === 'data.create')!;
    expect(create.detail).toMatchObject({ after: { name: '审计测试街道总工会', kind: 'street' } });
    const update = org.body.items.find((i) => i.action === 'data.update')!;
    expect(update.detail).toMatchObject({ before: { name: '审计测试街道总工会' }, after: { name: '审计测试街道总工会(新)' } });
    const grant = await aud.get<AuditPage>('/audit?action=role.grant&pageSize=200');
    expect(grant.body.items.some((i) => JSON.stringify(i.detail).includes('street_admin'))).toBe(true);
    expect(grant.body.items.some((i) => JSON.stringify(i.detail).includes('audit_admin'))).toBe(true);
  });

  it('never stores a password in any audit row', async () => {
    const all = await rows();
    const text = JSON.stringify(all);
    for (const secret of [TEST_PASSWORD, TEST_ADMIN_PASSWORD, WRONG_PASSWORD, CHANGED_PASSWORD, RESET_PASSWORD]) expect(text).not.toContain(secret);
  });

  it('filters by action and paginates', async () => {
    const first = await aud.get<AuditPage>('/audit?action=auth.login&pageSize=2&page=1');
    const second = await aud.get<AuditPage>('/audit?action=auth.login&pageSize=2&page=2');
    expect(first.body.total).toBeGreaterThan(3);
    expect(second.body.total).toBe(first.body.total);
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(2);
    const ids = [...first.body.items, ...second.body.items].map((i) => Number(i.id));
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const failures = await aud.get<AuditPage>('/audit?result=failure&pageSize=200');
    expect(failures.body.items.every((i) => i.result === 'failure')).toBe(true);
    expect((await aud.get('/audit?pageSize=500')).status).toBe(422);
  });
});
