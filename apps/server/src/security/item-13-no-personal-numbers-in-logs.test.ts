import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { symbols } from 'pino';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import { crawlGets } from '../test-support/route-crawl.js';
import { storedSecrets } from '../test-support/stored-secrets.js';
import { sweepWrites } from '../test-support/write-sweep.js';
import { makeIdCard, makePhone } from '../test-support/identity-numbers.js';
import { queryRows } from '../platform/db/db-connection.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { users } from '../platform/auth/auth.schema.js';

/** 18-char 身份证, mainland mobile, 16-19 digit bank card: digit runs not inside a longer run or a word. */
const PATTERNS: [string, RegExp][] = [
  ['身份证', /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g],
  ['手机号', /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g],
  ['银行卡号', /(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g],
];

/** A log line without the numbers pino adds (time, pid, responseTime …): they are not personal data, and can look like digits runs. */
const textOf = (line: string): string => {
  try {
    return JSON.stringify(JSON.parse(line), (_k, v: unknown) => (typeof v === 'number' ? undefined : v));
  } catch {
    return line;
  }
};

const hits = (text: string): string[] => PATTERNS.flatMap(([name, re]) => (text.match(re) ?? []).map((m) => `${name} ${m}`));

describe('security.md item 13: no full 身份证, phone or bank number in any log line of a realistic run over every module', () => {
  let t: TestApp;
  const lines: string[] = [];
  const sent = new Set<string>();
  let secrets = new Map<string, unknown>();

  beforeAll(async () => {
    // debug level: every request is logged; the lines of the app and of its job runner are captured
    t = await createTestApp({ demo: true, config: { logLevel: 'debug' } });
    const capture = { write: (s: string) => lines.push(s) };
    (t.app.log as unknown as Record<symbol, unknown>)[symbols.streamSym] = capture;
    const jobLog = (t.ctx.jobs as unknown as { log?: Record<symbol, unknown> }).log;
    if (jobLog) jobLog[symbols.streamSym] = capture;
    secrets = await storedSecrets(t);

    const lastId = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT coalesce(max(id), 0)::int AS n FROM audit_log`))[0]!.n;
    const city = await demoClient(t, 'city');
    const district = await demoClient(t, 'district');
    const worker = await demoClient(t, 'worker');
    const [cityUser] = await t.ctx.db.select().from(users).where(eq(users.username, 'city'));

    // read every page of every module, as the city and as a worker
    const crawl = await crawlGets(t, city, { perRoute: 1 });
    await crawlGets(t, worker, { perRoute: 1 });
    // write through every write route with bodies carrying full numbers (generated 身份证, phones, accounts)
    // (only the requests whose generated body holds such a number: the others cannot bring one in)
    await sweepWrites(
      t, city, crawl, cityUser!.orgId, lastId,
      async (w) => {
        for (const h of hits(JSON.stringify(w.body ?? null))) sent.add(h.split(' ')[1]!);
      },
      (_route, body) => hits(JSON.stringify(body ?? null)).length > 0,
    );

    // the member registry: create, a bad 身份证 (422), search by full numbers, reveal with a reason, export
    const [workerUser] = await t.ctx.db.select().from(users).where(eq(users.username, 'worker'));
    const union = { id: workerUser!.memberId!, orgId: workerUser!.orgId };
    const idCard = makeIdCard('330102', '19900707', 777);
    const phone = makePhone('177', 7_654_321);
    for (const v of [idCard, phone]) sent.add(v);
    await district.post('/members', { name: '日志测试', idCard, phone, orgId: union.orgId });
    await district.post('/members', { name: '日志测试二', idCard: `${idCard.slice(0, 17)}0`, phone, orgId: union.orgId });
    for (const q of [idCard, phone, [...secrets.keys()][0]!]) await district.get(`/members?q=${encodeURIComponent(q)}`);
    await district.post(`/members/${union.id}/reveal`, { field: 'idCard', reason: '核对身份(日志测试)' });
    await district.post(`/members/${union.id}/reveal`, { field: 'phone', reason: '联系本人(日志测试)' });
    await district.post('/members/export', { unmasked: false });
    // logins named by phone number: the member's own (wrong password), and one nobody has
    const workerPhone = [...secrets.entries()].find(([, v]) => (v as { kind: string }).kind === 'phone')![0];
    await t.client().post('/auth/login', { username: workerPhone, password: 'Wrong-pass-2026!' }, { csrf: false });
    await t.client().post('/auth/login', { username: makePhone('186', 99_999_999), password: 'Wrong-pass-2026!' }, { csrf: false });
    sent.add(makePhone('186', 99_999_999));
  }, 600_000);
  afterAll(() => t.close());

  it('captured a realistic amount of logging, with request lines of many modules', () => {
    const urls = new Set(lines.map((l) => /"url":"\/api\/([a-z-]+)/.exec(l)?.[1]).filter(Boolean));
    expect(lines.length).toBeGreaterThan(1000);
    expect(urls.size).toBeGreaterThan(20);
    expect(secrets.size).toBeGreaterThan(100);
  });

  it('finds no 18-digit 身份证, 11-digit mobile or 16-19 digit account number in any log line', () => {
    const bad = lines.flatMap((l) => hits(textOf(l)).map((h) => `${h} in ${textOf(l).slice(0, 160)}`));
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('finds none of the numbers the database holds or the run sent, in any form', () => {
    const all = lines.map(textOf).join('\n');
    const leaked = [...secrets.keys(), ...sent].filter((v) => all.includes(v) || all.includes(v.toLowerCase()));
    expect(leaked).toEqual([]);
  });

  it('keeps the audit log (a log too) free of full numbers', async () => {
    const rows = await t.ctx.db.select().from(auditLog);
    const bad = rows.flatMap((r) => hits(JSON.stringify({ ...r, id: null, at: null })).map((h) => `${h} in ${r.action}`));
    expect(bad.slice(0, 20)).toEqual([]);
  });
});
