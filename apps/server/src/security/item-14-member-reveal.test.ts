import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { userClient } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { makeIdCard, makePhone, maskedBank, maskedIdCard, maskedPhone } from '../test-support/identity-numbers.js';
import { auditRowsByAction, auditRowsFor, createMember, paths, registryTree, type MemberView, type Page, type Problem, type RegistryTree } from '../test-support/registry-fixtures.js';

describe('security.md item 14: the member reveal endpoint (full value with a reason, audited) and masked member views', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let grassA: TestClient;
  let member: MemberView;
  let noBank: MemberView;
  const secrets = { idCard: makeIdCard('330102', '19820914', 451), phone: makePhone('138', 76_543_210), bankAccount: '6228480402564890018' };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'R');
    city = await userClient(t, sys, 'rv_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'rv_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'rv_xihu', tree.xihu.id, ['district_admin']);
    grassA = await userClient(t, sys, 'rv_grass', tree.unionA.id, ['grassroots_admin']);
    member = await createMember(grassA, { name: '陈明', ...secrets, orgId: tree.unionA.id });
    noBank = await createMember(grassA, { name: '无卡', idCard: makeIdCard('330102', '19820914', 453), phone: makePhone('139', 1), orgId: tree.unionA.id });
  });
  afterAll(() => t.close());

  it('reveals each field to city_admin and district_admin with a reason, auditing field and reason without the value', async () => {
    const reasons: Record<string, string> = {};
    for (const [who, c] of [['rv_city', city], ['rv_shang', shang]] as const) {
      for (const field of ['idCard', 'phone', 'bankAccount'] as const) {
        const reason = `${who} 核实 ${field} 以办理互助保障`;
        reasons[`${who}:${field}`] = reason;
        const r = await c.post<{ value: string }>(`/members/${member.id}/reveal`, { field, reason });
        expect(r.status, `${who} ${field}`).toBe(200);
        expect(r.body.value).toBe(secrets[field]);
        expect(String(r.headers['cache-control'])).toContain('no-store');
      }
    }
    const rows = (await auditRowsByAction(t, 'pii.reveal')).filter((a) => a.objectId === member.id);
    expect(rows).toHaveLength(6);
    for (const a of rows) {
      const detail = JSON.parse(a.detail) as { field: string; reason: string };
      expect(a.objectType).toBe('member');
      expect(detail.reason).toBe(reasons[`${a.username}:${detail.field}`]);
      const whole = JSON.stringify(a);
      for (const v of Object.values(secrets)) expect(whole).not.toContain(v);
    }
    expect(rows.map((a) => `${a.username}:${JSON.parse(a.detail).field}`).sort()).toEqual(Object.keys(reasons).sort());
  });

  it('answers null for a field the member does not have', async () => {
    const r = await city.post<{ value: string | null }>(`/members/${noBank.id}/reveal`, { field: 'bankAccount', reason: '核对' });
    expect(r.status).toBe(200);
    expect(r.body.value).toBeNull();
  });

  it('refuses a grassroots_admin with 403 and audits access.denied', async () => {
    const before = (await auditRowsByAction(t, 'access.denied')).length;
    for (const field of ['idCard', 'phone', 'bankAccount']) {
      const r = await grassA.post<Problem>(`/members/${member.id}/reveal`, { field, reason: '想看看' });
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain(secrets.idCard);
    }
    const denied = (await auditRowsByAction(t, 'access.denied')).slice(before);
    expect(denied).toHaveLength(3);
    for (const a of denied) {
      expect(a.username).toBe('rv_grass');
      expect(a.result).toBe('denied');
      expect(a.objectId).toBe('POST /api/members/:id/reveal');
    }
    expect((await auditRowsByAction(t, 'pii.reveal')).filter((a) => a.username === 'rv_grass')).toEqual([]);
  });

  it('refuses a reveal without a reason (422 reason) and an unknown field (422 field), revealing nothing', async () => {
    const before = (await auditRowsByAction(t, 'pii.reveal')).length;
    for (const body of [{ field: 'idCard' }, { field: 'idCard', reason: '' }, { field: 'phone', reason: '   ' }]) {
      const r = await city.post<Problem & { value?: string }>(`/members/${member.id}/reveal`, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(paths(r.body)).toEqual(['reason']);
      expect(r.body.value).toBeUndefined();
    }
    const bad = await city.post<Problem>(`/members/${member.id}/reveal`, { field: 'name', reason: '核对' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['field']);
    expect(await auditRowsByAction(t, 'pii.reveal')).toHaveLength(before);
  });

  it('answers 404 to a district admin revealing a member of another district, and audits no reveal', async () => {
    for (const field of ['idCard', 'phone', 'bankAccount']) {
      const r = await xihu.post<Problem>(`/members/${member.id}/reveal`, { field, reason: '越权查看' });
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain(secrets.phone);
    }
    expect((await auditRowsByAction(t, 'pii.reveal')).filter((a) => a.username === 'rv_xihu')).toEqual([]);
  });

  it('never sends full values in detail or list, for any role, and sends Cache-Control: no-store', async () => {
    for (const c of [city, shang, grassA]) {
      const detail = await c.get<MemberView>(`/members/${member.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ idCard: maskedIdCard(secrets.idCard), phone: maskedPhone(secrets.phone), bankAccount: maskedBank(secrets.bankAccount) });
      expect(String(detail.headers['cache-control'])).toContain('no-store');
      for (const query of ['', '陈明', secrets.idCard, secrets.phone, secrets.phone.slice(-4)]) {
        const list = await c.post<Page<MemberView>>('/members/search', query ? { q: query } : {});
        expect(list.status).toBe(200);
        expect(list.body.items.map((m) => m.id)).toContain(member.id);
        expect(String(list.headers['cache-control'])).toContain('no-store');
        const text = JSON.stringify(list.body);
        for (const v of Object.values(secrets)) expect(text, query).not.toContain(v);
      }
      const history = await c.get(`/members/${member.id}/history`);
      for (const v of Object.values(secrets)) expect(JSON.stringify(history.body)).not.toContain(v);
    }
    // the ability to reveal is announced only to the roles that hold it
    expect((await city.get<MemberView>(`/members/${member.id}`)).body.abilities.canReveal).toBe(true);
    expect((await shang.get<MemberView>(`/members/${member.id}`)).body.abilities.canReveal).toBe(true);
    expect((await grassA.get<MemberView>(`/members/${member.id}`)).body.abilities.canReveal).toBe(false);
    // the create audit row of the member carries masked values only
    const created = await auditRowsFor(t, 'member', member.id);
    expect(created.length).toBeGreaterThan(0);
    for (const v of Object.values(secrets)) expect(JSON.stringify(created)).not.toContain(v);
  });
});
