import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { createMember, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';

describe('a worker logs in with the mobile number of their member record', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  const phone = makePhone('139', 4242);

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '登录');
    const city = await t.login('sysadmin');
    const cityAdmin = await city.post('/users', { username: 'login_city', name: '市总', password: TEST_PASSWORD, orgId: tree.city.id, roleCodes: ['city_admin'] });
    expect(cityAdmin.status).toBe(201);
    const staff = t.client();
    await staff.login('login_city', TEST_PASSWORD);
    const m = await createMember(staff, { name: '钱塘江', idCard: makeIdCard('330102', '19880808', 17), phone, orgId: tree.unionA.id });
    const u = await sys.post('/users', { username: 'qtj_worker', name: '钱塘江', password: TEST_PASSWORD, orgId: tree.unionA.id, roleCodes: ['member'], memberId: m.id });
    expect(u.status).toBe(201);
  });
  afterAll(() => t.close());

  it('accepts the phone number in place of the username', async () => {
    const r = await t.client().post('/auth/login', { username: phone, password: TEST_PASSWORD }, { csrf: false });
    expect(r.status).toBe(200);
    expect((r.body as { user: { username: string } }).user.username).toBe('qtj_worker');
  });

  it('refuses a wrong password and an unknown phone with the same 401', async () => {
    expect((await t.client().post('/auth/login', { username: phone, password: 'Wrong-pass-9x' }, { csrf: false })).status).toBe(401);
    expect((await t.client().post('/auth/login', { username: makePhone('139', 9999), password: TEST_PASSWORD }, { csrf: false })).status).toBe(401);
  });
});
