import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/db-connection.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';

describe('学习园地 demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  }, 240_000);
  afterAll(() => t.close());

  it('has courses in every state, assignments to members and cadres, and records in every state', async () => {
    const city = await demoClient(t, 'city');
    const courses = (await city.get<{ items: { title: string; status: string }[] }>('/learning/courses?pageSize=50')).body.items;
    expect(new Set(courses.map((c) => c.status))).toEqual(new Set(['draft', 'published', 'withdrawn']));
    expect(courses.map((c) => c.title)).toEqual(expect.arrayContaining(['学习贯彻党的十八届六中全会精神', '习近平总书记关于工人阶级和工会工作的重要论述', '工会法与劳动法律知识', '职工安全生产知识']));
    const [r] = await queryRows<{ finished: number; failed: number; progress: number; untouched: number; reminded: number }>(
      t.ctx.db,
      sql`SELECT (SELECT count(*)::int FROM learning_records WHERE finished_at IS NOT NULL) AS finished,
                 (SELECT count(*)::int FROM learning_records WHERE attempts > 0 AND NOT passed) AS failed,
                 (SELECT count(*)::int FROM learning_records WHERE finished_at IS NULL) AS progress,
                 (SELECT count(*)::int FROM learning_assignees la WHERE NOT EXISTS (SELECT 1 FROM learning_records x WHERE x.course_id = la.course_id AND x.user_id = la.user_id)) AS untouched,
                 (SELECT count(*)::int FROM learning_assignments WHERE reminded_at IS NOT NULL) AS reminded`,
    );
    expect(r!.finished).toBeGreaterThanOrEqual(5);
    expect(r!.failed).toBeGreaterThanOrEqual(3);
    expect(r!.progress).toBeGreaterThanOrEqual(4);
    expect(r!.untouched).toBeGreaterThanOrEqual(3);
    expect(r!.reminded).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo worker an assigned course half done and the district its statistics', async () => {
    const worker = await demoClient(t, 'worker');
    const mine = (await worker.get<{ title: string; state: string; deadline: string | null }[]>('/m/learning/courses')).body;
    const plenum = mine.find((c) => c.title === '学习贯彻党的十八届六中全会精神')!;
    expect(plenum).toMatchObject({ state: 'in_progress' });
    expect(plenum.deadline).not.toBeNull();
    const district = await demoClient(t, 'district');
    const list = (await district.get<{ items: { id: string; title: string }[] }>('/learning/courses?q=工会法')).body.items;
    const stats = await district.get<{ root: { assigned: number; finished: number } }>(`/learning/stats?courseId=${list[0]!.id}`);
    expect(stats.status).toBe(200);
    expect(stats.body.root.assigned).toBeGreaterThanOrEqual(5);
    expect(stats.body.root.finished).toBeGreaterThanOrEqual(1);
  });
});
