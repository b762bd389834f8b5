import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberProfile } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { idFacts, makeIdCard, makePhone, maskedIdCard, maskedPhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type MemberView, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { memberUserClient } from '../../test-support/enrolment-fixtures.js';

describe('GET /api/m/profile: the member sees their own registry record, masked', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let grassA: TestClient;
  let chen: MemberView;
  let li: MemberView;
  let chenClient: TestClient;
  let liClient: TestClient;
  const secrets = { idCard: makeIdCard('330102', '19850312', 237), phone: makePhone('186', 12_345_678), bankAccount: '6228480402564890027' };
  const liSecrets = { idCard: makeIdCard('330106', '19900608', 442), phone: makePhone('139', 87_654_321) };

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'P');
    grassA = await userClient(t, sys, 'pf_grass', tree.unionA.id, ['grassroots_admin']);
    chen = await createMember(grassA, {
      name: '陈晓', ...secrets, orgId: tree.unionA.id, joinedAt: '2015-07-01',
      migrantWorker: true, frontline: true, skillLevel: '高级工', education: '大专',
    });
    li = await createMember(grassA, { name: '李芳', ...liSecrets, orgId: tree.unionA.id });
    const st = await grassA.post(`/members/${li.id}/status`, { status: 'retired', date: '2024-03-01', reason: '到龄退休', version: li.version });
    expect(st.status, JSON.stringify(st.body)).toBe(200);
    chenClient = await memberUserClient(t, sys, 'pf_chen', tree.unionA.id, chen.id);
    liClient = await memberUserClient(t, sys, 'pf_li', tree.unionA.id, li.id);
  }, 120_000);
  afterAll(() => t.close());

  it('shows the member their own record with 身份证 and phone masked, labels in Chinese, and no-store', async () => {
    const r = await chenClient.get<MemberProfile>('/m/profile');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(String(r.headers['cache-control'])).toContain('no-store');
    const facts = idFacts(secrets.idCard);
    expect(r.body).toEqual({
      id: chen.id,
      name: '陈晓',
      gender: facts.gender,
      genderLabel: facts.gender === 'male' ? '男' : '女',
      birthDate: facts.birthDate,
      idCardMasked: maskedIdCard(secrets.idCard),
      phoneMasked: maskedPhone(secrets.phone),
      cardNo: chen.cardNo,
      orgName: tree.unionA.name,
      status: 'active',
      statusLabel: '在册',
      statusDate: null,
      joinedAt: '2015-07-01',
      migrantWorker: true,
      frontline: true,
      newEmploymentForm: false,
      modelWorker: false,
      skillLevel: '高级工',
      education: '大专',
    });
  });

  it('sends nothing in clear: no 18-digit number, full phone or bank account anywhere in the body', async () => {
    const r = await chenClient.get<MemberProfile>('/m/profile');
    const whole = JSON.stringify(r.body);
    expect(whole).not.toMatch(/\d{17}[\dXx]/);
    // the uuid's last group could by chance hold 11 digits: look for a whole phone number in the other fields
    const { id: _id, ...rest } = r.body;
    expect(JSON.stringify(rest)).not.toMatch(/1[3-9]\d{9}/);
    for (const v of Object.values(secrets)) expect(whole).not.toContain(v);
    expect(whole).not.toContain('bank');
    expect(whole).not.toContain('4890027');
  });

  it('shows each member only their own record, with a changed status and its date', async () => {
    const r = await liClient.get<MemberProfile>('/m/profile');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: li.id, name: '李芳', status: 'retired', statusLabel: '退休', statusDate: '2024-03-01', idCardMasked: maskedIdCard(liSecrets.idCard) });
    expect(JSON.stringify(r.body)).not.toContain('陈晓');
  });

  it('refuses a staff account without the code with 403', async () => {
    const r = await grassA.get<Problem>('/m/profile');
    expect(r.status).toBe(403);
    const city = await userClient(t, sys, 'pf_city', tree.city.id, ['city_admin']);
    expect((await city.get<Problem>('/m/profile')).status).toBe(403);
  });

  it('answers 404 in Chinese to a member account that has no member record', async () => {
    const lone = await userClient(t, sys, 'pf_lone', tree.unionA.id, ['member']);
    const r = await lone.get<Problem>('/m/profile');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
    expect(r.body.detail).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.body.detail).toContain('会员档案');
  });
});
