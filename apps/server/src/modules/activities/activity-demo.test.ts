import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityListItem, CheckInCode, Enrolment, MemberActivity } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('activities demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let worker: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    worker = await demoClient(t, 'worker');
  }, 180_000);
  afterAll(() => t.close());

  it('has activities of every kind and state, driven through the real enrolment services', async () => {
    const list = (await city.get<{ items: ActivityListItem[] }>('/activities?pageSize=50')).body.items;
    expect(new Set(list.map((a) => a.type))).toEqual(new Set(['homeward', 'summer_class', 'group_wedding', 'education', 'general']));
    expect(new Set(list.map((a) => a.status))).toEqual(new Set(['draft', 'published', 'cancelled']));
    expect(new Set(list.map((a) => a.phase))).toEqual(new Set(['not_open', 'open', 'closed']));
    const full = list.find((a) => a.title.includes('信阳'))!;
    expect(full.confirmed).toBe(full.capacity);
    expect(full.waitlisted).toBeGreaterThan(0);
    const fuyang = (await city.get<Activity>(`/activities/${list.find((a) => a.title.includes('阜阳'))!.id}`)).body;
    expect(fuyang.quotas.map((q) => q.orgName).sort()).toEqual(['上城区总工会', '西湖区总工会']);
    expect(fuyang.confirmed).toBeGreaterThan(10);
    const wedding = (await city.get<Activity>(`/activities/${list.find((a) => a.type === 'group_wedding')!.id}`)).body;
    expect(wedding.lottery).toMatchObject({ seed: '2026520a5eed0c0ffee0b0a7d3c1f00d', selected: 12 });
    const couples = (await city.get<{ items: Enrolment[] }>(`/activities/${wedding.id}/enrolments?status=confirmed&pageSize=50`)).body.items;
    expect(couples.filter((e) => e.documents.some((d) => d.type === 'marriage_certificate')).length).toBe(10);
    expect(couples.filter((e) => e.missingDocuments.includes('结婚证')).length).toBe(2);
    const certificate = couples.find((e) => e.documents.length > 0)!;
    const shown = await t.app.inject({ method: 'GET', url: `/api/enrolments/${certificate.id}/documents/${certificate.documents[0]!.fileId}`, headers: { cookie: [...city.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect([shown.statusCode, shown.headers['content-type']]).toEqual([200, 'application/pdf']);
    const summer = (await city.get<Activity>(`/activities/${list.find((a) => a.type === 'summer_class')!.id}`)).body;
    expect(summer.checkedIn).toBe(22);
  });

  it('leaves the worker an open bus to sign up for on the phone, and a 圆梦计划 place still asking for its documents', async () => {
    const open = (await worker.get<MemberActivity[]>('/m/activities')).body;
    const bus = open.find((a) => a.title.includes('阜阳'))!;
    expect(bus).toMatchObject({ phase: 'open', myEnrolment: null, refusal: null });
    const full = open.find((a) => a.title.includes('信阳'))!;
    expect(full.confirmed).toBe(full.capacity);
    const dream = open.find((a) => a.type === 'education')!;
    // the worker signed up for 圆梦计划 and has its three documents still to upload (the browser test uploads one)
    expect(dream.myEnrolment).toMatchObject({ status: 'confirmed', missingDocuments: ['学历证书', '社保缴纳证明', '劳动合同'], canUploadDocuments: true });
    expect((await worker.get<CheckInCode>(`/m/activities/${bus.id}/check-in-code`)).status).toBe(404);
  });
});
