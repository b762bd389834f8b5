import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { RecuperationRestedPage, RecuperationRoute } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsByAction, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { insertMembers } from '../../test-support/enrolment-fixtures.js';
import { createRouteVia, dayFromToday, publishedBatch } from '../../test-support/recuperation-fixtures.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { offeringById, findOffering } from '../../platform/enrolment/enrolment-offering.js';
import { cancelEnrolment } from '../../platform/enrolment/enrolment-signup.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { RECUPERATION_KIND } from './recuperation.repository.js';
import { insertBatch } from './recuperation.service.js';
import { signUpWithinCap } from './recuperation-enrolment.service.js';

const DAY = 86_400_000;
const SYSTEM: Actor = { userId: null, username: 'test', orgId: null, ip: null };

describe('recuperation: who rested this year', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let route: RecuperationRoute;
  let year: number;
  const rested: string[] = [];

  /** A batch that is over: departed 30 days ago, sign-ups taken in its window 50 days ago (through the real services). */
  async function pastBatch(orgId: string, members: string[]): Promise<string[]> {
    const start = dayFromToday(-30);
    const id = await t.ctx.db.transaction((tx) =>
      insertBatch(tx, SYSTEM, { routeId: route.id, orgId, title: '已结束的批次', startDate: start, places: 10, signupOpensAt: new Date(Date.now() - 60 * DAY).toISOString(), signupClosesAt: new Date(Date.now() - 40 * DAY).toISOString(), description: undefined }, { id: route.id, days: route.days, allowance_per_day: route.allowancePerDay }),
    );
    await t.ctx.db.execute(sql`UPDATE enrolment_offerings SET status = 'published' WHERE kind = 'recuperation' AND subject_id = ${id}::uuid`);
    const offering = (await offeringById(t.ctx.db, (await findOffering(t.ctx.db, RECUPERATION_KIND, id))!.id))!;
    const ids: string[] = [];
    for (const memberId of members) {
      const r = await signUpWithinCap(t.ctx.db, SYSTEM, { year: Number(start.slice(0, 4)), days: route.days, allowance_per_day: route.allowancePerDay }, offering, { memberId, source: 'nominated', details: { companions: [], companionsOwnCost: 0 } }, new Date(Date.now() - 50 * DAY));
      ids.push(r.id);
    }
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '已休养');
    city = await userClient(t, sys, 'rr_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'rr_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'rr_xihu', tree.xihu.id, ['district_admin']);
    const { routeId } = await createRouteVia(city, 4, 45_000);
    route = (await city.get<RecuperationRoute>(`/recuperation/routes/${routeId}`)).body;
    year = Number(dayFromToday(-30).slice(0, 4));
    const shangMembers = await insertMembers(t, tree.unionA.id, 3);
    const xihuMembers = await insertMembers(t, tree.unionC.id, 2);
    const enrolments = await pastBatch(tree.city.id, [...shangMembers, ...xihuMembers]);
    // one of them was cancelled before departure: not rested
    const [e] = await queryRows<{ offering_id: string }>(t.ctx.db, sql`SELECT offering_id FROM enrolments WHERE id = ${enrolments[2]!}::uuid`);
    const offering = (await offeringById(t.ctx.db, e!.offering_id))!;
    await cancelEnrolment(t.ctx.db, SYSTEM, offering, enrolments[2]!, 'staff', '临时有事');
    rested.push(...shangMembers.slice(0, 2), ...xihuMembers);
    // a batch still to come: its members have not rested yet
    const future = await publishedBatch(city, route.id, tree.city.id);
    const [later] = await insertMembers(t, tree.unionB.id, 1);
    const fo = (await offeringById(t.ctx.db, future.offeringId))!;
    await signUpWithinCap(t.ctx.db, SYSTEM, { year: future.year, days: route.days, allowance_per_day: route.allowancePerDay }, fo, { memberId: later!, source: 'self' });
  }, 120_000);
  afterAll(() => t.close());

  it('lists the confirmed members of the year’s finished batches, with their cost, for the city', async () => {
    const r = await city.get<RecuperationRestedPage>(`/recuperation/rested?year=${year}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i) => i.memberId).sort()).toEqual([...rested].sort());
    expect(r.body).toMatchObject({ year, total: 4, persons: 4, totalCost: 4 * 4 * 45_000 });
    expect(r.body.items[0]).toMatchObject({ days: 4, cost: 180_000, routeName: route.name, baseName: route.baseName, source: 'nominated', companions: 0 });
    expect(r.body.items[0]!.memberIdCard).toMatch(/^3301\*+\d{4}$/);
    const none = await city.get<RecuperationRestedPage>(`/recuperation/rested?year=${year - 1}`);
    expect(none.body.total).toBe(0);
  });

  it('scopes the list: a district sees its own members, a filter outside scope is 404', async () => {
    const s = await shang.get<RecuperationRestedPage>(`/recuperation/rested?year=${year}`);
    expect(s.body.persons).toBe(2);
    expect(s.body.items.every((i) => i.orgId === tree.unionA.id)).toBe(true);
    expect((await xihu.get<RecuperationRestedPage>(`/recuperation/rested?year=${year}`)).body.persons).toBe(2);
    expect((await xihu.get(`/recuperation/rested?year=${year}&orgId=${tree.shangcheng.id}`)).status).toBe(404);
    expect((await city.get<RecuperationRestedPage>(`/recuperation/rested?year=${year}&orgId=${tree.xihu.id}`)).body.persons).toBe(2);
  });

  it('exports the list as xlsx (masked), audited', async () => {
    const r = await rawRequest(t, shang, 'GET', `/api/recuperation/rested/export.xlsx?year=${year}`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    const rows = await readXlsx(r.body);
    expect(rows[0]).toEqual(['姓名', '身份证号(脱敏)', '所在工会', '批次', '基地', '线路', '出发日期', '返回日期', '天数', '费用(元)', '随行家属(人)', '报名方式']);
    expect(rows.length).toBe(3);
    expect(rows[1]![1]).toMatch(/^3301\*+\d{4}$/);
    expect(rows[1]![9]).toBe(1800);
    const audits = await auditRowsByAction(t, 'data.export');
    expect(audits.some((a) => a.objectType === 'recuperation_rested' && (JSON.parse(a.detail) as { rows: number }).rows === 2)).toBe(true);
  });
});
