import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia, districtByCode, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { JobRunner } from './job-runner.js';
import { jobs } from './job.schema.js';

type JobAnswer = { status: string; progress: { done: number; total: number }; result?: unknown; error: string | null; finishedAt: string | null };
const silent = pino({ level: 'silent' });

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('database-backed job runner', () => {
  let t: TestApp;
  let creator: TestClient;
  let creatorId: string;
  let streetId: string;
  let shangAdmin: TestClient;
  let xihuAdmin: TestClient;
  const jobRow = async (id: string) => (await t.ctx.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    const shang = await districtByCode(t, '330102');
    streetId = (await createOrgVia(sys, shang.id, '任务测试街道总工会', 'street')).id;
    creator = await userClient(t, sys, 'job_creator', streetId, ['street_admin']);
    creatorId = ((await creator.get<{ user: { id: string } }>('/auth/me')).body.user.id);
    shangAdmin = await userClient(t, sys, 'job_shang', shang.id, ['district_admin']);
    xihuAdmin = await userClient(t, sys, 'job_xihu', (await districtByCode(t, '330106')).id, ['district_admin']);
  });
  afterAll(() => t.close());

  it('runs a handler that reports progress, stores the result and answers the contract shape in scope only', async () => {
    const seen: JobAnswer[] = [];
    t.ctx.jobs.register('test.sum', async ({ job, progress }) => {
      const numbers = (job.payload as { numbers: number[] }).numbers;
      let sum = 0;
      for (const [i, n] of numbers.entries()) {
        sum += n;
        await progress(i + 1, numbers.length);
        if (i === 1) seen.push((await creator.get<JobAnswer>(`/jobs/${job.id}`)).body);
      }
      return { sum };
    });
    const id = await t.ctx.jobs.enqueue('test.sum', { numbers: [1, 2, 3, 4] }, { createdBy: creatorId, orgId: streetId });
    const queued = await creator.get<JobAnswer>(`/jobs/${id}`);
    expect(queued.body).toMatchObject({ status: 'queued', progress: { done: 0, total: 0 }, finishedAt: null });
    expect(await t.ctx.jobs.drain()).toBe(1);
    expect(seen[0]).toMatchObject({ status: 'running', progress: { done: 2, total: 4 } });

    const r = await creator.get<JobAnswer>(`/jobs/${id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'succeeded', progress: { done: 4, total: 4 }, result: { sum: 10 }, error: null });
    expect(r.body.finishedAt).not.toBeNull();
    expect((await shangAdmin.get(`/jobs/${id}`)).status).toBe(200);
    expect((await xihuAdmin.get(`/jobs/${id}`)).status).toBe(404);
  });

  it('retries a failing handler up to maxAttempts, then marks it failed with the error', async () => {
    let calls = 0;
    t.ctx.jobs.register('test.fail', async () => {
      calls++;
      throw new Error(`故意失败 第${calls}次`);
    });
    const id = await t.ctx.jobs.enqueue('test.fail', {}, { createdBy: creatorId, orgId: streetId, maxAttempts: 3 });
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await t.ctx.jobs.drain()).toBe(1);
      const row = await jobRow(id);
      expect(row.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(row.status).toBe('queued');
        expect(row.runAt.getTime()).toBeGreaterThan(Date.now());
        // not due yet: nothing runs until the back-off has passed
        expect(await t.ctx.jobs.drain()).toBe(0);
        await t.ctx.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, id));
      }
    }
    expect(calls).toBe(3);
    expect(await t.ctx.jobs.drain()).toBe(0);
    const r = await creator.get<JobAnswer>(`/jobs/${id}`);
    expect(r.body).toMatchObject({ status: 'failed', error: '故意失败 第3次' });
    expect(r.body.finishedAt).not.toBeNull();
  });

  it('re-queues a job whose process died and completes it on another runner', async () => {
    const other = new JobRunner(t.ctx.db, silent, 1, 25);
    const ran: string[] = [];
    other.register('test.stale', async ({ job }) => {
      ran.push(job.id);
      return { recovered: true };
    });
    const dead = await t.ctx.jobs.enqueue('test.stale', {}, { createdBy: creatorId });
    const alive = await t.ctx.jobs.enqueue('test.stale', {}, { createdBy: creatorId });
    await t.ctx.db.update(jobs).set({ status: 'running', lockedBy: 'dead-process', lockedAt: sql`now() - interval '10 minutes'`, attempts: 1 }).where(eq(jobs.id, dead));
    await t.ctx.db.update(jobs).set({ status: 'running', lockedBy: 'live-process', lockedAt: sql`now()`, attempts: 1 }).where(eq(jobs.id, alive));
    other.start();
    try {
      await until(async () => (await jobRow(dead)).status === 'succeeded');
    } finally {
      await other.stop();
    }
    expect(ran).toEqual([dead]);
    const row = await jobRow(dead);
    expect(row).toMatchObject({ status: 'succeeded', attempts: 2, result: { recovered: true }, lockedBy: null });
    expect(await jobRow(alive)).toMatchObject({ status: 'running', lockedBy: 'live-process' });
  });

  it('never runs a job twice when two runners drain the same database at once', async () => {
    const executions = new Map<string, number>();
    const make = (name: string) => {
      const runner = new JobRunner(t.ctx.db, silent);
      runner.register('test.once', async ({ job }) => {
        executions.set(job.id, (executions.get(job.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
        return { by: name };
      });
      return runner;
    };
    const a = make('a');
    const b = make('b');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await a.enqueue('test.once', { i }));
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(30);
    expect([...executions.values()].reduce((s, n) => s + n, 0)).toBe(30);
    expect([...executions.keys()].sort()).toEqual([...ids].sort());
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    const rows = await t.ctx.db.select().from(jobs).where(inArray(jobs.id, ids));
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
    const by = rows.map((r) => (r.result as { by: string }).by);
    expect(by.filter((x) => x === 'a').length).toBe(na);
  });
});
