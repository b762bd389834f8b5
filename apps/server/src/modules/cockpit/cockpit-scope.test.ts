import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CockpitView } from '@gonghui/contracts';
import { COCKPIT_GROUPS } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';
import type { Problem } from '../../test-support/registry-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { COCKPIT_FIGURES } from './cockpit-figures.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';

const orgId = async (t: TestApp, name: string) => (await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM orgs WHERE name = ${name}`))[0]!.id;

describe('cockpit: the view, scope and input checks (demo data)', () => {
  let t: TestApp;
  let city: TestClient;
  let district: TestClient;
  let grassroots: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    district = await demoClient(t, 'district');
    grassroots = await demoClient(t, 'grassroots');
  }, 300_000);
  afterAll(() => t.close());

  it('gives the city every figure with last year, targets, links and its districts to drill into', async () => {
    const r = await city.get<CockpitView>('/cockpit');
    expect(r.status).toBe(200);
    const v = r.body;
    expect(v.org.kind).toBe('city');
    expect(v.year).toBe(shanghaiYear());
    expect(v.figures.map((f) => f.key)).toEqual(COCKPIT_FIGURES.map((f) => f.key));
    for (const f of v.figures) {
      expect(COCKPIT_GROUPS).toContain(f.group);
      expect(f.link).toMatch(/^\//);
      expect(f.note.length).toBeGreaterThan(4);
    }
    expect(v.figures.find((f) => f.key === 'org.members')!.value).toBeGreaterThan(0);
    expect(v.figures.find((f) => f.key === 'org.members')!.previous).toBeNull();
    expect(v.children.length).toBeGreaterThan(1);
    expect(v.children.every((c) => Object.keys(c.values).length === COCKPIT_FIGURES.length)).toBe(true);
    expect(v.abilities).toEqual({ canExportReport: true, canDrillUp: false });
  });

  it('keeps a district admin inside the district: own subtree by default, 404 for another district, no city', async () => {
    const own = await district.get<CockpitView>('/cockpit');
    expect(own.status).toBe(200);
    expect(own.body.org.name).toBe('上城区总工会');
    expect(own.body.abilities.canDrillUp).toBe(false);
    const cityView = await city.get<CockpitView>(`/cockpit?orgId=${own.body.org.id}`);
    expect(cityView.body.figures.map((f) => f.value)).toEqual(own.body.figures.map((f) => f.value));
    expect(cityView.body.abilities.canDrillUp).toBe(true);
    expect((await district.get(`/cockpit?orgId=${await orgId(t, '西湖区总工会')}`)).status).toBe(404);
    expect((await district.get(`/cockpit?orgId=${cityView.body.org.parentId}`)).status).toBe(404);
    const street = own.body.children.find((c) => c.name === '湖滨街道总工会')!;
    const drilled = await district.get<CockpitView>(`/cockpit?orgId=${street.orgId}&year=${shanghaiYear()}`);
    expect(drilled.status).toBe(200);
    expect(drilled.body.figures.map((f) => [f.key, f.value])).toEqual(Object.entries(street.values));
  });

  it('refuses a bad year or org id with 422 in Chinese, and a role without the permission with 403', async () => {
    for (const q of ['year=1999', 'year=abc', 'year=2026.5', 'orgId=nope']) {
      const r = await city.get<Problem>(`/cockpit?${q}`);
      expect(r.status).toBe(422);
      expect(JSON.stringify(r.body)).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await grassroots.get('/cockpit')).status).toBe(403);
  });
});
