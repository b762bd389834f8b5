import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { auditRowsFor, paths, type Problem } from '../../test-support/registry-fixtures.js';
import { pdfFile, pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { act, newsWorld, ok, writeArticle, type ArticleView, type FeedPage, type NewsWorld } from './news-test-fixtures.js';

describe('宣传 articles: review by the parent union before publishing', () => {
  let t: TestApp;
  let w: NewsWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newsWorld(t, '宣传', 'news');
  }, 120_000);
  afterAll(() => t.close());

  const publicIds = async () => (await w.anon.get<FeedPage>('/public/news?pageSize=50')).body.items.map((i) => i.id);
  const feedIds = async (c = w.workerA) => (await c.get<FeedPage>('/m/news?pageSize=50')).body.items.map((i) => i.id);

  it('an unpublished article is invisible to the public and to members (list and direct id: 404)', async () => {
    const a = await writeArticle(w.gA);
    expect(a).toMatchObject({ status: 'draft', orgId: w.tree.unionA.id, abilities: { canEdit: true, canSubmit: true, canApprove: false } });
    for (const state of ['draft', 'in_review']) {
      if (state === 'in_review') expect((await ok(w.gA, a.id, 'submit')).status).toBe('in_review');
      expect(await publicIds()).not.toContain(a.id);
      expect(await feedIds()).not.toContain(a.id);
      expect((await w.anon.get(`/public/news/${a.id}`)).status).toBe(404);
      expect((await w.workerA.get(`/m/news/${a.id}`)).status).toBe(404);
      expect((await rawRequest(t, w.anon, 'GET', `/api/public/news/${a.id}/cover/${a.id}`)).status).toBe(404);
    }
    const returned = await ok(w.street, a.id, 'return', '请补充比赛照片');
    expect((await w.anon.get(`/public/news/${a.id}`)).status).toBe(404);
    expect(returned.status).toBe('returned');
  });

  it('review flow: the street reviews its union; return needs a reason; resubmit; publish; take down with a reason', async () => {
    const a = await writeArticle(w.gA, { title: '甲公司工会开展职工技能比武' });
    const sent = await ok(w.gA, a.id, 'submit');
    expect(sent.reviewerOrgName).toBe(w.tree.shangStreet.name);
    const told = (await w.street.get<{ items: { link: string; title: string }[] }>('/notifications')).body.items;
    expect(told.find((n) => n.link === `/news/${a.id}`)?.title).toContain('待审核稿件');
    expect((await act(w.gA, a.id, 'approve')).status).toBe(403);
    expect((await act(w.shang, a.id, 'approve')).status).toBe(403);
    expect((await act(w.xihu, a.id, 'approve')).status).toBe(404);
    const inbox = (await w.street.get<FeedPage>('/news?box=inbox')).body.items.map((i) => i.id);
    expect(inbox).toContain(a.id);
    const noReason = await act(w.street, a.id, 'return');
    expect(noReason.status).toBe(422);
    expect(paths(noReason.body)).toEqual(['opinion']);
    const back = await ok(w.street, a.id, 'return', '标题请写明比武工种');
    expect(back).toMatchObject({ status: 'returned', returnReason: '标题请写明比武工种', abilities: { canEdit: true, canSubmit: true } });
    const notes = (await w.gA.get<{ items: { link: string; title: string }[] }>('/notifications')).body.items;
    expect(notes.find((n) => n.link === `/news/${a.id}`)?.title).toContain('退回');
    expect((await w.gA.put<ArticleView>(`/news/${a.id}`, { title: '甲公司工会开展叉车工技能比武' })).status).toBe(200);
    await ok(w.gA, a.id, 'submit');
    expect((await w.gA.put(`/news/${a.id}`, { title: '审核中不能改标题' })).status).toBe(409);
    const pub = await ok(w.street, a.id, 'approve', '同意发布');
    expect(pub).toMatchObject({ status: 'published', abilities: { canEdit: false, canTakeDown: true } });
    expect(pub.publishedAt).not.toBeNull();
    expect(await publicIds()).toContain(a.id);
    expect((await w.anon.get<{ title: string }>(`/public/news/${a.id}`)).body.title).toBe('甲公司工会开展叉车工技能比武');
    expect(await feedIds()).toContain(a.id);
    expect(await feedIds(w.workerC)).toContain(a.id);
    expect((await act(w.gA, a.id, 'take_down')).status).toBe(422);
    const down = await ok(w.gA, a.id, 'take_down', '比武成绩有误,撤下更正');
    expect(down).toMatchObject({ status: 'withdrawn', takeDownReason: '比武成绩有误,撤下更正' });
    expect((await w.anon.get(`/public/news/${a.id}`)).status).toBe(404);
    expect(await feedIds()).not.toContain(a.id);
    expect((await act(w.gA, a.id, 'submit')).status).toBe(409);
    const audit = (await auditRowsFor(t, 'news_article', a.id)).map((r) => r.action);
    expect(audit.filter((x) => x === 'workflow.action')).toHaveLength(4); // submit, return, submit, approve
    expect(audit).toEqual(expect.arrayContaining(['data.create', 'data.update']));
  });

  it('a district is reviewed by the city; the city reviews its own articles', async () => {
    const d = await ok(w.shang, (await writeArticle(w.shang, { title: '上城区总工会送温暖活动启动' })).id, 'submit');
    expect(d.reviewerOrgName).toBe(w.tree.city.name);
    expect((await act(w.shang, d.id, 'approve')).status).toBe(403);
    expect((await ok(w.city, d.id, 'approve')).status).toBe('published');
    const c = await ok(w.city, (await writeArticle(w.city, { title: '市总工会部署春风行动', category: 'work' })).id, 'submit');
    expect(c.reviewerOrgName).toBe(w.tree.city.name);
    expect((await ok(w.city, c.id, 'approve')).status).toBe('published');
  });

  it('bad input is 422 naming the fields; the writer withdraws before publishing', async () => {
    const bad = await w.gA.post<Problem>('/news', { title: '短', category: 'gossip', body: '太短', author: '李', publishScope: 'all' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['author', 'body', 'category', 'publishScope', 'title']);
    const markup = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)> 正文只按纯文本保存和显示,不解释任何标记。';
    const a = await writeArticle(w.gA, { title: '将被撤回的稿件', body: markup });
    expect((await w.gA.get<{ body: string }>(`/news/${a.id}`)).body.body).toBe(markup); // plain text, verbatim: the pages render it as text nodes
    await ok(w.gA, a.id, 'submit');
    expect((await ok(w.gA, a.id, 'withdraw')).status).toBe('withdrawn');
    expect((await w.anon.get(`/public/news/${a.id}`)).status).toBe(404);
  });

  it('cover: one image (a PDF is refused), served publicly only once published', async () => {
    const a = await writeArticle(w.gA, { title: '有封面的稿件' });
    const pdf = await uploadFile(t, w.gA, `/api/news/${a.id}/cover`, { filename: 'x.pdf', content: pdfFile() }, { type: 'cover' });
    expect(pdf.status).toBe(422);
    const png = await uploadFile(t, w.gA, `/api/news/${a.id}/cover`, { filename: '封面.png', content: pngFile() }, { type: 'cover' });
    expect(png.status, png.body.toString()).toBe(201);
    const fileId = png.json<ArticleView>().cover[0]!.fileId;
    expect((await uploadFile(t, w.gA, `/api/news/${a.id}/cover`, { filename: '2.png', content: pngFile() }, { type: 'cover' })).status).toBe(422);
    const url = `/api/public/news/${a.id}/cover/${fileId}`;
    expect((await rawRequest(t, w.anon, 'GET', url)).status).toBe(404);
    await ok(w.gA, a.id, 'submit');
    expect((await uploadFile(t, w.gA, `/api/news/${a.id}/cover`, { filename: '3.png', content: pngFile() }, { type: 'cover' })).status).toBe(409);
    await ok(w.street, a.id, 'approve');
    const img = await rawRequest(t, w.anon, 'GET', url);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await w.anon.get<FeedPage>('/public/news?pageSize=50')).body.items.find((i) => i.id === a.id)?.coverUrl).toBe(url);
  });
});
