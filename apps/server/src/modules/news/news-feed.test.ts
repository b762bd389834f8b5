import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { auditRowsFor } from '../../test-support/registry-fixtures.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { ANON_VIEWS_PER_ADDRESS, countView, purgeViewMarks } from './news-views.js';
import { act, newsWorld, ok, writeArticle, type ArticleView, type FeedPage, type NewsWorld } from './news-test-fixtures.js';

describe('宣传: the members feed, view counts and scope on every route', () => {
  let t: TestApp;
  let w: NewsWorld;
  let membersOnly: ArticleView;
  let open: ArticleView;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newsWorld(t, '新闻', 'feed');
    membersOnly = await ok(w.shang, (await writeArticle(w.shang, { title: '上城区会员疗休养报名须知', publishScope: 'members', category: 'policy' })).id, 'submit');
    await ok(w.city, membersOnly.id, 'approve');
    open = await ok(w.shang, (await writeArticle(w.shang, { title: '上城区职工运动会开幕', pinned: true })).id, 'submit');
    await ok(w.city, open.id, 'approve');
  }, 120_000);
  afterAll(() => t.close());

  const ids = (p: FeedPage) => p.items.map((i) => i.id);

  it("members' feed respects the publish scope: members of the union's subtree only", async () => {
    expect(ids((await w.workerA.get<FeedPage>('/m/news')).body)).toEqual(expect.arrayContaining([membersOnly.id, open.id]));
    expect((await w.workerA.get(`/m/news/${membersOnly.id}`)).status).toBe(200);
    expect(ids((await w.workerC.get<FeedPage>('/m/news')).body)).toContain(open.id);
    expect(ids((await w.workerC.get<FeedPage>('/m/news')).body)).not.toContain(membersOnly.id);
    expect((await w.workerC.get(`/m/news/${membersOnly.id}`)).status).toBe(404);
    expect(ids((await w.anon.get<FeedPage>('/public/news')).body)).not.toContain(membersOnly.id);
    expect((await w.anon.get(`/public/news/${membersOnly.id}`)).status).toBe(404);
    const policy = (await w.workerA.get<FeedPage>('/m/news?category=policy')).body;
    expect(ids(policy)).toEqual([membersOnly.id]);
    const first = (await w.anon.get<FeedPage>('/public/news?pageSize=1')).body;
    expect(first).toMatchObject({ total: 1, items: [{ id: open.id, pinned: true }] });
    expect((await w.anon.get('/public/news?category=gossip')).status).toBe(422);
  });

  it('view counting: one per reader per day (user, or anonymous address + browser, capped per address); old marks are purged', async () => {
    const read = async (c = w.workerA, id = open.id) => (await c.get<{ viewCount: number }>(`/m/news/${id}`)).body.viewCount;
    const before = (await w.city.get<ArticleView>(`/news/${open.id}`)).body.viewCount;
    expect(await read()).toBe(before + 1);
    expect(await read()).toBe(before + 1);
    expect(await read(w.workerC)).toBe(before + 2);
    const anon = (ua: string) => w.anon.req<{ viewCount: number }>('GET', `/public/news/${open.id}`, undefined, { headers: { 'user-agent': ua } });
    expect((await anon('Safari/605')).body.viewCount).toBe(before + 3);
    expect((await anon('Safari/605')).body.viewCount).toBe(before + 3);
    expect((await anon('Chrome/131')).body.viewCount).toBe(before + 4);
    expect((await w.city.get<ArticleView>(`/news/${open.id}`)).body.viewCount).toBe(before + 4);
    const afterFlood = before + 4 + (ANON_VIEWS_PER_ADDRESS - 2);
    for (let i = 0; i < 30; i++) await anon(`bot/${i}`);
    expect((await anon('bot/31')).body.viewCount).toBe(afterFlood);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await countView(t.ctx.db, open.id, 'u:tomorrow-reader', tomorrow)).toBe(afterFlood + 1);
    expect(await countView(t.ctx.db, open.id, 'u:tomorrow-reader', tomorrow)).toBe(afterFlood + 1);
    const purged = await purgeViewMarks(t.ctx.db, new Date(Date.now() + 3 * 86_400_000));
    expect(purged.purged).toBeGreaterThanOrEqual(5);
  });

  it('scope on every staff route: outside the subtree is 404; members and the public get 401/403', async () => {
    const id = open.id;
    const draft = await writeArticle(w.shang, { title: '上城区草稿稿件' });
    expect((await w.xihu.get(`/news/${draft.id}`)).status).toBe(404);
    expect((await w.xihu.put(`/news/${draft.id}`, { title: '西湖区想改上城区的稿' })).status).toBe(404);
    expect((await act(w.xihu, draft.id, 'submit')).status).toBe(404);
    expect((await act(w.xihu, id, 'take_down', '越权撤下')).status).toBe(404);
    expect((await uploadFile(t, w.xihu, `/api/news/${draft.id}/cover`, { filename: 'c.png', content: pngFile() }, { type: 'cover' })).status).toBe(404);
    expect((await rawRequest(t, w.xihu, 'GET', `/api/news/${draft.id}/cover/${draft.id}`)).status).toBe(404);
    expect((await w.gA.get(`/news/${draft.id}`)).status).toBe(404);
    expect(ids((await w.xihu.get<FeedPage>('/news?pageSize=100')).body)).not.toContain(draft.id);
    expect(ids((await w.shang.get<FeedPage>('/news?pageSize=100')).body)).toContain(draft.id);
    expect((await w.workerA.get('/news')).status).toBe(403);
    expect((await w.workerA.post('/news', { title: 'x' })).status).toBe(403);
    expect((await w.anon.get('/news')).status).toBe(401);
    expect((await w.anon.get('/m/news')).status).toBe(401);
    expect((await w.gA.get('/m/news')).status).toBe(403);
  });

  it('staff list filters and the xlsx export with view counts (audited)', async () => {
    const filtered = (await w.shang.get<FeedPage & { items: { status: string }[] }>('/news?status=published&category=policy')).body;
    expect(ids(filtered)).toEqual([membersOnly.id]);
    expect(ids((await w.city.get<FeedPage>(`/news?q=${encodeURIComponent('运动会')}`)).body)).toEqual([open.id]);
    expect(ids((await w.city.get<FeedPage>(`/news?orgId=${w.tree.xihu.id}`)).body)).toEqual([]);
    expect((await w.city.get('/news?from=2026-12-01&to=2026-11-01')).status).toBe(422);
    const xlsx = await rawRequest(t, w.shang, 'GET', '/api/news/export.xlsx?status=published');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    expect((await auditRowsFor(t, 'news_article', 'list')).some((r) => r.action === 'data.export')).toBe(true);
  });
});
