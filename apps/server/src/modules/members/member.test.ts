import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { idCheckChar, idFacts, makeCreditCode, makeIdCard, makeIdCard15, makePhone, maskedBank, maskedIdCard, maskedPhone, upgradeIdCard15, withWrongCheckChar } from '../../test-support/identity-numbers.js';
import { createMember, paths, registryTree, type MemberView, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

interface StoredRow {
  id_card_enc: string;
  id_card_hmac: string;
  id_card_masked: string;
  phone_masked: string | null;
  json: string;
}

interface HistoryItem {
  action: string;
  username: string | null;
  changes: unknown;
}

describe('member registry: validation, storage, duplicates, versions and history', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let admin: TestClient;
  let city: TestClient;
  let serial = 0;
  const phone = () => makePhone('139', 10_000 + ++serial);

  const stored = async (id: string) =>
    (await queryRows<StoredRow>(t.ctx.db, sql`SELECT id_card_enc, id_card_hmac, id_card_masked, phone_masked, row_to_json(m)::text AS json FROM members m WHERE id = ${id}`))[0]!;
  const memberCount = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM members`))[0]!.n;
  const reveal = async (id: string, field: string) => (await city.post<{ value: string }>(`/members/${id}/reveal`, { field, reason: '核对会员身份' })).body.value;

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'M');
    admin = await userClient(t, sys, 'mem_shang', tree.shangcheng.id, ['district_admin']);
    city = await userClient(t, sys, 'mem_city', tree.city.id, ['city_admin']);
  });
  afterAll(() => t.close());

  it('the test generator agrees with the published GB 11643 sample 11010519491231002X', () => {
    expect(makeIdCard('110105', '19491231', 2)).toBe('11010519491231002X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('creates a member (201) with masked 身份证, phone and bank card, and derives gender and birth date', async () => {
    const idCard = makeIdCard('330102', '19850317', 123);
    const mobile = '13812345678';
    const bank = '6222021234567890123';
    const r = await admin.post<MemberView>('/members', { name: '张建国', idCard, phone: mobile, bankAccount: bank, orgId: tree.unionA.id, joinedAt: '2010-05-01' });
    expect(r.status).toBe(201);
    expect(r.body.idCard).toBe(maskedIdCard(idCard));
    expect(r.body.idCard).toMatch(/^3301\*{10}\d{3}[\dX]$/);
    expect(r.body.idCard.endsWith(idCard.slice(-4))).toBe(true);
    expect(r.body.phone).toBe('138****5678');
    expect(r.body.bankAccount).toBe(maskedBank(bank));
    expect(r.body).toMatchObject({ gender: 'male', birthDate: '1985-03-17', status: 'active', orgId: tree.unionA.id, version: 1 });
    expect(JSON.stringify(r.body)).not.toContain(idCard);
    expect(JSON.stringify(r.body)).not.toContain(mobile);

    const female = await createMember(admin, { name: '李梅', idCard: makeIdCard('330106', '19920229', 246), phone: phone(), orgId: tree.unionA.id });
    expect(female).toMatchObject({ gender: 'female', birthDate: '1992-02-29' });
  });

  it('stores ciphertext and an HMAC, never the number itself, anywhere in the row', async () => {
    const idCard = makeIdCard('330102', '19790822', 57);
    const mobile = phone();
    const bank = '6217001234000012345';
    const m = await createMember(admin, { name: '王强', idCard, phone: mobile, bankAccount: bank, orgId: tree.unionB.id });
    const row = await stored(m.id);
    expect(row.id_card_enc).not.toContain(idCard);
    expect(row.id_card_enc).not.toContain(idCard.slice(6, 14));
    expect(t.ctx.crypto.decrypt(row.id_card_enc)).toBe(idCard);
    expect(row.id_card_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id_card_masked).toBe(maskedIdCard(idCard));
    expect(row.phone_masked).toBe(maskedPhone(mobile));
    for (const secret of [idCard, mobile, bank]) expect(row.json).not.toContain(secret);
    // encryption is randomised: the same number twice gives different ciphertexts but the same HMAC
    expect((await admin.post(`/members/${m.id}/status`, { status: 'withdrawn', date: '2024-01-02', reason: '本人申请退会', version: m.version })).status).toBe(200);
    const again = await createMember(admin, { name: '王强', idCard, phone: mobile, orgId: tree.unionA.id });
    const row2 = await stored(again.id);
    expect(row2.id_card_enc).not.toBe(row.id_card_enc);
    expect(row2.id_card_hmac).toBe(row.id_card_hmac);
    const other = await stored((await createMember(admin, { name: '王弱', idCard: makeIdCard('330102', '19790822', 59), phone: phone(), orgId: tree.unionA.id })).id);
    expect(other.id_card_hmac).not.toBe(row.id_card_hmac);
  });

  it('converts a 15-digit number to 18 digits (19 inserted, check char computed)', async () => {
    const id15 = makeIdCard15('330106', '710203', 124);
    const id18 = upgradeIdCard15(id15);
    const m = await createMember(admin, { name: '老号码', idCard: id15, phone: phone(), orgId: tree.unionA.id });
    expect(m.idCard).toBe(maskedIdCard(id18));
    expect(m).toMatchObject(idFacts(id18));
    expect(m.birthDate).toBe('1971-02-03');
    expect(await reveal(m.id, 'idCard')).toBe(id18);
  });

  it('accepts a lowercase x and stores it as X', async () => {
    let seq = 1;
    while (!makeIdCard('330105', '19880808', seq).endsWith('X')) seq++;
    const id = makeIdCard('330105', '19880808', seq);
    const r = await admin.post<MemberView>('/members', { name: '小写', idCard: id.toLowerCase(), phone: phone(), orgId: tree.unionA.id });
    expect(r.status).toBe(201);
    expect(r.body.idCard).toBe(maskedIdCard(id));
    expect(r.body.idCard.endsWith('X')).toBe(true);
    expect(await reveal(r.body.id, 'idCard')).toBe(id);
  });

  it('accepts a retired region code (330103 下城区) and other provinces', async () => {
    for (const region of ['330103', '330104', '110105']) {
      const idCard = makeIdCard(region, '19660101', 31);
      const r = await admin.post<MemberView>('/members', { name: `旧区${region}`, idCard, phone: phone(), orgId: tree.unionB.id });
      expect(r.status, region).toBe(201);
      expect(r.body.idCard).toBe(maskedIdCard(idCard));
    }
  });

  it('refuses a wrong check char, an impossible date and a future date as 422 on idCard, storing nothing', async () => {
    const before = await memberCount();
    const nextYear = new Date().getUTCFullYear() + 1;
    const cases = {
      wrongCheck: withWrongCheckChar(makeIdCard('330102', '19850317', 125)),
      feb30: makeIdCard('330102', '19850230', 11),
      month13: makeIdCard('330102', '19851301', 11),
      future: makeIdCard('330102', `${nextYear}0101`, 11),
      short: '33010219850317',
    };
    for (const [label, idCard] of Object.entries(cases)) {
      const r = await admin.post<Problem>('/members', { name: '错误号码', idCard, phone: phone(), orgId: tree.unionA.id });
      expect(r.status, label).toBe(422);
      expect(paths(r.body), label).toEqual(['idCard']);
    }
    expect(await memberCount()).toBe(before);
  });

  it('refuses a phone that is not a mainland mobile as 422 on phone', async () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '23812345678', '1381234567a']) {
      const r = await admin.post<Problem>('/members', { name: '错误手机', idCard: makeIdCard('330102', '19900101', 71), phone: bad, orgId: tree.unionA.id });
      expect(r.status, bad).toBe(422);
      expect(paths(r.body), bad).toEqual(['phone']);
    }
  });

  it('refuses a second active member with the same 身份证 (409 DUPLICATE), allows it after 退会, refuses re-activating the old one', async () => {
    const idCard = makeIdCard('330102', '19750615', 333);
    const first = await createMember(admin, { name: '重复甲', idCard, phone: phone(), orgId: tree.unionA.id });
    const dup = await admin.post<Problem>('/members', { name: '重复乙', idCard, phone: phone(), orgId: tree.unionB.id });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE');
    const out = await admin.post<MemberView>(`/members/${first.id}/status`, { status: 'withdrawn', date: '2024-03-01', reason: '调离本市', version: first.version });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ status: 'withdrawn', statusDate: '2024-03-01', statusReason: '调离本市', version: first.version + 1 });
    const second = await admin.post<MemberView>('/members', { name: '重复乙', idCard, phone: phone(), orgId: tree.unionB.id });
    expect(second.status).toBe(201);
    const back = await admin.post<Problem>(`/members/${first.id}/status`, { status: 'active', date: '2024-04-01', reason: '恢复', version: out.body.version });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('DUPLICATE');
    expect((await admin.get<MemberView>(`/members/${first.id}`)).body.status).toBe('withdrawn');
  });

  it('requires a grassroots union: a street, district or unknown org is 422 on orgId', async () => {
    for (const orgId of [tree.shangStreet.id, tree.shangcheng.id, tree.city.id, '00000000-0000-4000-8000-000000000000', tree.unionC.id]) {
      const r = await admin.post<Problem>('/members', { name: '挂错组织', idCard: makeIdCard('330102', '19930303', 81), phone: phone(), orgId });
      expect(r.status, orgId).toBe(422);
      expect(paths(r.body)).toEqual(['orgId']);
    }
  });

  it('links an employer only within scope: an unknown or another district\'s enterprise is 422 on enterpriseId', async () => {
    const xihu = await userClient(t, sys, 'mem_xihu_ent', tree.xihu.id, ['district_admin']);
    const foreign = await xihu.post<{ id: string }>('/enterprises', { name: '西湖区某企业', creditCode: makeCreditCode('330106', 4242), divisionCode: '330106', employeeCount: 30 });
    expect(foreign.status).toBe(201);
    const before = await memberCount();
    for (const enterpriseId of ['00000000-0000-4000-8000-000000000000', foreign.body.id]) {
      const r = await admin.post<Problem & { enterpriseName?: string }>('/members', { name: '错挂企业', idCard: makeIdCard('330102', '19910101', 93), phone: phone(), orgId: tree.unionA.id, enterpriseId });
      expect(r.status, enterpriseId).toBe(422);
      expect(paths(r.body)).toEqual(['enterpriseId']);
      expect(JSON.stringify(r.body)).not.toContain('西湖区某企业');
    }
    expect(await memberCount()).toBe(before);
    const m = await createMember(admin, { name: '改挂企业', idCard: makeIdCard('330102', '19910101', 95), phone: phone(), orgId: tree.unionA.id });
    const upd = await admin.patch<Problem>(`/members/${m.id}`, { enterpriseId: foreign.body.id, version: m.version });
    expect(upd.status).toBe(422);
    expect(paths(upd.body)).toEqual(['enterpriseId']);
  });

  it('refuses an update with a stale version (409 VERSION_CONFLICT) and applies the current one', async () => {
    const m = await createMember(admin, { name: '版本', idCard: makeIdCard('330102', '19800101', 91), phone: phone(), orgId: tree.unionA.id });
    const ok = await admin.patch<MemberView>(`/members/${m.id}`, { frontline: true, version: m.version });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(m.version + 1);
    const stale = await admin.patch<Problem>(`/members/${m.id}`, { name: '版本冲突', version: m.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await admin.get<MemberView>(`/members/${m.id}`)).body.name).toBe('版本');
    const staleStatus = await admin.post<Problem>(`/members/${m.id}/status`, { status: 'retired', date: '2024-01-01', reason: '退休', version: m.version });
    expect(staleStatus.status).toBe(409);
    expect(staleStatus.body.code).toBe('VERSION_CONFLICT');
  });

  it('keeps a history of create, update and status with masked values only', async () => {
    const idCard = makeIdCard('330102', '19860606', 17);
    const oldPhone = makePhone('186', 11_112_222);
    const newPhone = makePhone('150', 33_334_444);
    const m = await createMember(admin, { name: '历史', idCard, phone: oldPhone, orgId: tree.unionA.id });
    const upd = await admin.patch<MemberView>(`/members/${m.id}`, { phone: newPhone, skillLevel: '高级工', version: m.version });
    expect(upd.status).toBe(200);
    expect(upd.body.phone).toBe(maskedPhone(newPhone));
    const st = await admin.post<MemberView>(`/members/${m.id}/status`, { status: 'retired', date: '2025-06-30', reason: '到龄退休', version: upd.body.version });
    expect(st.status).toBe(200);

    const h = await admin.get<HistoryItem[]>(`/members/${m.id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.map((x) => x.action)).toEqual(['create', 'update', 'status']);
    expect(h.body.every((x) => x.username === 'mem_shang')).toBe(true);
    const text = JSON.stringify(h.body);
    for (const secret of [idCard, oldPhone, newPhone]) expect(text).not.toContain(secret);
    expect(h.body[0]!.changes).toMatchObject({ name: '历史', idCard: maskedIdCard(idCard), phone: maskedPhone(oldPhone) });
    expect(h.body[1]!.changes).toMatchObject({ phone: { from: maskedPhone(oldPhone), to: maskedPhone(newPhone) }, skillLevel: { from: null, to: '高级工' } });
    expect(h.body[2]!.changes).toMatchObject({ status: { from: 'active', to: 'retired' }, date: '2025-06-30', reason: '到龄退休' });
    // another district cannot read the history
    const xihu = await userClient(t, sys, 'mem_xihu', tree.xihu.id, ['district_admin']);
    expect((await xihu.get(`/members/${m.id}/history`)).status).toBe(404);
  });
});
