import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUARDIAN_CONSENT_VERSION, MUTUAL_AID_CONSENT_VERSION, SENSITIVE_CONSENT_VERSION } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { userClient } from '../test-support/fixtures.js';
import type { TestClient } from '../test-support/test-client.js';
import { registryTree, type Problem, type RegistryTree } from '../test-support/registry-fixtures.js';
import { inMinutes, insertMembers, memberUserClient, publishedActivity } from '../test-support/enrolment-fixtures.js';
import { queryRows } from '../platform/db/db-connection.js';
import { seedFund } from '../test-support/ledger-fixtures.js';
import { claimBody, invoice, periodBody } from '../modules/mutual-aid/mutual-aid-fixtures.js';

const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path);
const count = async (t: TestApp, table: string) => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;

describe('security.md item 16: separate consent on sensitive applications; a guardian consent before a child is saved; no export of children', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let worker: TestClient;
  let memberId: string;
  const aidConsent = async (id: string) =>
    (await queryRows<{ version: string | null; at: string | null }>(t.ctx.db, sql`SELECT sensitive_consent_version AS version, sensitive_consent_at::text AS at FROM aid_applications WHERE id = ${id}::uuid`))[0]!;
  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '同意');
    city = await userClient(t, sys, 'consent_city', tree.city.id, ['city_admin']);
    [memberId] = (await insertMembers(t, tree.unionA.id, 1, { migrantWorker: true })) as [string];
    worker = await memberUserClient(t, sys, 'consent_worker', tree.unionA.id, memberId);
  });
  afterAll(() => t.close());

  it('refuses a worker’s own hardship-aid application without the sensitive-data consent, saving nothing', async () => {
    const before = await count(t, 'aid_applications');
    const body = { category: 'medical', amountFen: 200_000, reason: '本人住院治疗,自付费用较多,生活困难' };
    for (const consent of [{}, { sensitiveConsent: false }]) {
      const r = await worker.post<Problem>('/m/aid/applications', { ...body, ...consent });
      expect(r.status).toBe(422);
      expect(paths(r.body)).toContain('sensitiveConsent');
      expect(r.body.errors!.find((e) => e.path === 'sensitiveConsent')!.message).toMatch(/授权/);
    }
    expect(await count(t, 'aid_applications')).toBe(before);
    const ok = await worker.post<{ id: string }>('/m/aid/applications', { ...body, sensitiveConsent: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // the consent is its own record on the application: when it was given
    const [row] = await queryRows<{ at: string | null }>(t.ctx.db, sql`SELECT sensitive_consent_at::text AS at FROM aid_applications WHERE id = ${ok.body.id}::uuid`);
    expect(row!.at).not.toBeNull();
    expect(Date.now() - new Date(row!.at!).getTime()).toBeLessThan(5 * 60_000);
  });

  it('saves a 小候鸟 child only with the guardian consent of the current version, and records version and time', async () => {
    const a = await publishedActivity(city, tree.city.id, { type: 'summer_class', title: '小候鸟暑期班(同意测试)', capacity: 20, startsAt: inMinutes(60 * 24 * 30), endsAt: inMinutes(60 * 24 * 50), details: { childAgeMin: 6, childAgeMax: 14 } });
    const child = { name: '王小禾', gender: 'female', birthDate: '2016-05-01' };
    const stored = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE offering_id = ${a.offeringId}::uuid`))[0]!.n;
    const refusals: [Record<string, unknown>, string][] = [
      [{ child }, 'details.guardianConsent'],
      [{ child, guardianConsent: { version: GUARDIAN_CONSENT_VERSION, agreed: false } }, 'details.guardianConsent.agreed'],
      [{ child, guardianConsent: { version: 'xhn-2020-01', agreed: true } }, 'details.guardianConsent.version'],
    ];
    for (const [details, path] of refusals) {
      const r = await worker.post<Problem>(`/activities/${a.id}/signups`, { details });
      expect(r.status, JSON.stringify(details)).toBe(422);
      expect(paths(r.body)).toContain(path);
    }
    expect(await stored()).toBe(0);
    const ok = await worker.post(`/activities/${a.id}/signups`, { details: { child, guardianConsent: { version: GUARDIAN_CONSENT_VERSION, agreed: true } } });
    expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
    const [e] = await queryRows<{ details: { guardianConsent: { version: string; at: string } } }>(t.ctx.db, sql`SELECT details FROM enrolments WHERE offering_id = ${a.offeringId}::uuid`);
    expect(e!.details.guardianConsent.version).toBe(GUARDIAN_CONSENT_VERSION);
    expect(Date.now() - new Date(e!.details.guardianConsent.at).getTime()).toBeLessThan(5 * 60_000);
  });

  it('offers no export of sign-ups or enrolments (children’s data stays out of files by default)', () => {
    const exports = t.app.routeRegistry.filter((r) => /(\.(xlsx|csv|pdf)$|\/export)/.test(r.url));
    expect(exports.length).toBeGreaterThan(10);
    expect(exports.filter((r) => /activit|enrol|signup|summer|child/i.test(r.url)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('records the consent’s version with its time on hardship-aid applications, from the worker’s H5 form and from staff', async () => {
    const mine = await worker.post<{ id: string }>('/m/aid/applications', { category: 'hardship', amountFen: 100_000, reason: '家庭收入骤减,子女上学开支大', sensitiveConsent: true, submit: false });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const filed = await city.post<{ id: string }>('/aid/applications', { memberId, category: 'medical', amountFen: 150_000, reason: '本人住院,代为申请', sensitiveConsent: true });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    for (const id of [mine.body.id, filed.body.id]) {
      const c = await aidConsent(id);
      expect(c.version).toBe(SENSITIVE_CONSENT_VERSION);
      expect(Date.now() - new Date(c.at!).getTime()).toBeLessThan(5 * 60_000);
    }
  });

  it('records the consent a staff filing gives later, keeping its first version and time; a contract client without it is shown as not consented', async () => {
    const draft = await city.post<{ id: string; status: string }>('/aid/applications', { memberId, category: 'hardship', amountFen: 80_000, reason: '家庭困难,代为申请' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(await aidConsent(draft.body.id)).toEqual({ version: null, at: null });
    expect((await city.get<{ sensitiveConsent: boolean }>(`/aid/applications/${draft.body.id}`)).body.sensitiveConsent).toBe(false);
    const consented = await city.put(`/aid/applications/${draft.body.id}`, { sensitiveConsent: true });
    expect(consented.status, JSON.stringify(consented.body)).toBe(200);
    const first = await aidConsent(draft.body.id);
    expect(first.version).toBe(SENSITIVE_CONSENT_VERSION);
    expect(first.at).not.toBeNull();
    expect((await city.put(`/aid/applications/${draft.body.id}`, { sensitiveConsent: true })).status).toBe(200);
    expect(await aidConsent(draft.body.id)).toEqual(first);
    const submitted = await city.post<{ status: string; sensitiveConsent: boolean }>(`/aid/applications/${draft.body.id}/actions`, { action: 'submit' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('in_review');
    expect(submitted.body.sensitiveConsent).toBe(true);
  });

  it('records a separate consent (version, time) on 医疗互助 claims, staff-filed or the worker’s own; 422 without it, nothing saved', async () => {
    const fundId = await seedFund(t, { orgId: tree.city.id, name: '职工医疗互助基金(同意测试)', incomeFen: 10_000_000 });
    const period = await city.post<{ id: string }>('/mutual-aid/periods', periodBody(fundId));
    expect(period.status, JSON.stringify(period.body)).toBe(201);
    expect((await city.post(`/mutual-aid/periods/${period.body.id}/enrolments`, { orgId: tree.unionA.id, memberIds: [memberId] })).status).toBe(200);
    const roster = await city.get<{ summary: { unpaidFen: number } }>(`/mutual-aid/periods/${period.body.id}/roster?orgId=${tree.unionA.id}`);
    const paid = await city.post(`/mutual-aid/periods/${period.body.id}/payments`, { orgId: tree.unionA.id, receiptNo: 'TY-2026-01', amountFen: roster.body.summary.unpaidFen, paidOn: '2026-01-05' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const before = await count(t, 'mutual_aid_claims');
    const staffBody = claimBody(memberId, [invoice(60_000)]);
    const ownBody = { ...claimBody(memberId, [invoice(40_000)]), memberId: undefined, filerType: 'self' };
    for (const consent of [{ sensitiveConsent: undefined }, { sensitiveConsent: false }]) {
      for (const [c, url, body] of [[city, '/mutual-aid/claims', staffBody], [worker, '/m/mutual-aid/claims', ownBody]] as const) {
        const r = await c.post<Problem>(url, { ...body, ...consent });
        expect(r.status, url).toBe(422);
        expect(paths(r.body)).toContain('sensitiveConsent');
      }
    }
    expect(await count(t, 'mutual_aid_claims')).toBe(before);
    const staff = await city.post<{ id: string }>('/mutual-aid/claims', staffBody);
    const own = await worker.post<{ id: string }>('/m/mutual-aid/claims', ownBody);
    for (const r of [staff, own]) {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const [row] = await queryRows<{ version: string | null; at: string | null }>(t.ctx.db, sql`SELECT sensitive_consent_version AS version, sensitive_consent_at::text AS at FROM mutual_aid_claims WHERE id = ${r.body.id}::uuid`);
      expect(row!.version).toBe(MUTUAL_AID_CONSENT_VERSION);
      expect(Date.now() - new Date(row!.at!).getTime()).toBeLessThan(5 * 60_000);
    }
  });
});
