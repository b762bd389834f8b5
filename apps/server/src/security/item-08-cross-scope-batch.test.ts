import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/db-connection.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import type { TestClient } from '../test-support/test-client.js';
import { districtAWorld, recordsOf, type ListedRecord, type OrgIndex } from './scope-probe-fixtures.js';

/** Tables a refused request may still write to: the audit trail, sessions and their caches, notifications, jobs. */
const BOOKKEEPING = /^(audit|session|login|rate|notification|job|sms|__drizzle)/;

/** One checksum per business table: a batch with a foreign id must leave all of them as they were. */
async function snapshot(t: TestApp): Promise<Map<string, string>> {
  const tables = await queryRows<{ name: string }>(t.ctx.db, sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const out = new Map<string, string>();
  for (const { name } of tables.filter((x) => !BOOKKEEPING.test(x.name))) {
    const [row] = await queryRows<{ sum: string | null; n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS sum FROM ${sql.identifier(name)} x`);
    out.set(name, `${row!.n}:${row!.sum ?? ''}`);
  }
  return out;
}

const changedTables = (a: Map<string, string>, b: Map<string, string>) => [...b].filter(([k, v]) => a.get(k) !== v).map(([k]) => k);

describe('security.md item 8: a batch naming another district’s records answers 404/422 and changes nothing', () => {
  let t: TestApp;
  let city: TestClient;
  let staffA: TestClient;
  let orgs: OrgIndex;
  let insideA: Set<string>;
  let aOrg: string;

  const rowsOf = (c: TestClient, url: string): Promise<ListedRecord[]> => recordsOf(c, url, orgs);
  const foreign = (rec: ListedRecord) => rec.orgIds.length > 0 && rec.orgIds.every((o) => !insideA.has(o));

  /** Sends the batch as A; asserts a refusal (or nothing done) and an unchanged database. */
  async function refusedBatch(method: 'POST' | 'PUT', url: string, body: Record<string, unknown>, nothingDone: (b: Record<string, unknown>) => boolean) {
    const before = await snapshot(t);
    const res = await staffA.req<Record<string, unknown>>(method, url, body);
    const after = await snapshot(t);
    expect([404, 409, 422].includes(res.status) || (res.status === 200 && nothingDone(res.body)), `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`).toBe(true);
    expect(changedTables(before, after), `${method} ${url}`).toEqual([]);
  }

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    ({ city, orgs, aOrg, insideA, staffA } = await districtAWorld(t, 'scope_batch_a'));
  }, 600_000);
  afterAll(() => t.close());

  it('医疗互助 group enrolment: a foreign member id in memberIds enrols nobody', async () => {
    const member = (await rowsOf(city, '/api/members')).find(foreign)!;
    const period = (await rowsOf(city, '/api/mutual-aid/periods'))[0]!;
    const union = orgs.byName.get('杭州湖滨文旅发展有限公司工会')!;
    await refusedBatch('POST', `/mutual-aid/periods/${period.id}/enrolments`, { orgId: union, memberIds: [member.id] }, (b) => b.enrolled === 0);
  });

  it('工资集体合同: a foreign enterprise in enterpriseIds is refused', async () => {
    const enterprise = (await rowsOf(city, '/api/enterprises')).find(foreign)!;
    expect(enterprise).toBeDefined();
    const body = {
      kind: 'regional', contractType: 'wage', title: '越界覆盖测试合同', orgId: aOrg, enterpriseIds: [enterprise.id], employerRepresentative: '王某', unionRepresentative: '李某',
      termStart: '2026-01-01', termEnd: '2028-12-31', wageIncreaseBp: 500, minimumWageFen: 250_000, workersCovered: 10,
    };
    await refusedBatch('POST', '/wage-contracts', body, () => false);
  });

  it('通知催办: remind on a notice out of A’s sight, with its receipts in receiptIds, answers 404', async () => {
    const mine = new Set((await rowsOf(staffA, '/api/notices')).map((n) => n.id));
    let other: ListedRecord | undefined;
    let receipts: ListedRecord[] = [];
    for (const n of (await rowsOf(city, '/api/notices')).filter((x) => !mine.has(x.id))) {
      receipts = await rowsOf(city, `/api/notices/${n.id}/receipts`);
      other = n;
      if (receipts.length) break;
    }
    expect(receipts.length, 'a sent notice A does not see').toBeGreaterThan(0);
    await refusedBatch('POST', `/notices/${other!.id}/remind`, { receiptIds: receipts.slice(0, 5).map((r) => r.id) }, () => false);
  });

  it('测评答卷剔除: ballots of campaigns out of sight, in ballotIds of A’s own campaign, change nothing', async () => {
    const created = await staffA.post<{ id: string }>('/rating-campaigns', { year: 2026, title: '越界剔除测试测评', startsOn: '2026-11-01', endsOn: '2026-12-31' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mineIds = new Set((await rowsOf(staffA, '/api/rating-campaigns')).map((c) => c.id));
    const ballots: string[] = [];
    for (const c of (await rowsOf(city, '/api/rating-campaigns')).filter((x) => !mineIds.has(x.id))) ballots.push(...(await rowsOf(city, `/api/rating-campaigns/${c.id}/ballots`)).map((b) => b.id));
    expect(ballots.length, 'ballots of campaigns A does not see').toBeGreaterThan(0);
    await refusedBatch('POST', `/rating-campaigns/${created.body.id}/ballots/exclude`, { ballotIds: ballots.slice(0, 5), excluded: true, reason: '越界剔除测试' }, (b) => b.changed === 0);
  });
});
