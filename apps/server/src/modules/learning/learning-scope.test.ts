import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import type { TestClient } from '../../test-support/test-client.js';
import { assign, courseBody, publishedCourse, RIGHT, type CourseView, type LearningWorld, learningWorld } from './learning-fixtures.js';

type Route = [string, string, Record<string, unknown>?];

describe('学习园地 data scope on every route', () => {
  let w: LearningWorld;
  let course: CourseView;
  let draft: CourseView;
  let docId: string;
  let fileId: string;

  beforeAll(async () => {
    w = await learningWorld('lrs');
    course = await publishedCourse(w.shang);
    await assign(w.shang, course.id, { audience: 'members', target: { mode: 'subtree', rootId: w.tree.shangcheng.id } });
    const made = await w.shang.post<CourseView>('/learning/courses', courseBody({ title: '带文档的草稿', materials: [{ kind: 'document', title: '工会法全文', minutes: 20 }] }));
    draft = made.body;
    docId = draft.materials[0]!.id;
    const up = await uploadFile(w.t, w.shang, `/api/learning/materials/${docId}/files`, { filename: '工会法.png', content: pngFile(4) }, { type: 'document' });
    expect(up.status, up.body.toString()).toBe(201);
    fileId = up.json<CourseView>().materials[0]!.files[0]!.fileId;
  }, 180_000);
  afterAll(() => w.t.close());

  const staffRoutes = (id: string): Route[] => [
    ['GET', `/learning/courses/${id}`],
    ['PUT', `/learning/courses/${id}`, courseBody()],
    ['POST', `/learning/courses/${id}/publish`],
    ['POST', `/learning/courses/${id}/withdraw`],
    ['DELETE', `/learning/courses/${id}`],
    ['POST', `/learning/courses/${id}/assignments/preview`, { audience: 'members', target: { mode: 'subtree', rootId: w.tree.xihu.id }, deadline: '2099-12-31' }],
    ['POST', `/learning/courses/${id}/assignments`, { audience: 'members', target: { mode: 'subtree', rootId: w.tree.xihu.id }, deadline: '2099-12-31' }],
    ['GET', `/learning/stats?courseId=${id}`],
    ['GET', `/learning/stats/export.xlsx?courseId=${id}`],
  ];
  const memberRoutes = (id: string): Route[] => [
    ['GET', `/m/learning/courses/${id}`],
    ['POST', `/m/learning/courses/${id}/open`],
    ['POST', `/m/learning/courses/${id}/materials/${docId}/open`],
    ['POST', `/m/learning/courses/${id}/heartbeat`, { seconds: 10 }],
    ['GET', `/m/learning/courses/${id}/quiz`],
    ['POST', `/m/learning/courses/${id}/quiz`, { answers: RIGHT }],
  ];
  const call = (c: TestClient, [method, url, body]: Route) => c.req(method as 'GET', url, body);

  it('another district and a sibling grassroots union get 404 on every staff route of a course outside their scope', async () => {
    // 西湖区 sees neither; the grassroots union below 上城区 sees the published course (an upper org's) but never its draft
    for (const [c, ids] of [[w.xihu, [course.id, draft.id]], [w.gB, [draft.id]]] as const) {
      for (const id of ids) {
        for (const route of staffRoutes(id)) expect((await call(c, route)).status, `${route[0]} ${route[1]}`).toBe(404);
      }
      expect((await uploadFile(w.t, c, `/api/learning/materials/${docId}/files`, { filename: 'x.png', content: pngFile(2) }, { type: 'document' })).status).toBe(404);
      expect((await rawRequest(w.t, c, 'GET', `/api/learning/materials/${docId}/files/${fileId}`)).status).toBe(404);
      expect((await c.del(`/learning/materials/${docId}/files/${fileId}`)).status).toBe(404);
      const list = await c.get<{ items: { id: string }[] }>('/learning/courses');
      expect(list.body.items.map((x) => x.id)).not.toContain(draft.id);
      expect((await c.get<{ items: unknown[] }>(`/learning/assignments?courseId=${course.id}`)).body.items).toEqual([]);
    }
    expect((await w.xihu.get<{ items: { id: string }[] }>('/learning/courses')).body.items.map((x) => x.id)).not.toContain(course.id);
    expect((await w.gB.get(`/learning/courses/${course.id}`)).status).toBe(200);
    expect((await w.gB.post(`/learning/courses/${course.id}/withdraw`)).status).toBe(403);
    // the city above sees it; the owner district downloads the document
    expect((await w.city.get(`/learning/courses/${course.id}`)).status).toBe(200);
    expect((await rawRequest(w.t, w.shang, 'GET', `/api/learning/materials/${docId}/files/${fileId}`)).status).toBe(200);
  });

  it('members never reach staff routes (403); staff and members outside the assignment get 404 on the learner routes', async () => {
    for (const route of staffRoutes(course.id)) expect((await call(w.wA1, route)).status, `${route[0]} ${route[1]}`).toBe(403);
    expect((await w.wA1.get('/learning/courses')).status).toBe(403);
    expect((await w.wA1.get('/learning/people?q=学')).status).toBe(403);
    for (const route of memberRoutes(course.id)) expect((await call(w.shang, route)).status, `${route[0]} ${route[1]}`).toBe(404);
    for (const route of memberRoutes(course.id)) expect((await call(w.wC, route)).status, `${route[0]} ${route[1]}`).toBe(404);
    for (const route of memberRoutes(draft.id)) expect((await call(w.wA1, route)).status, `${route[0]} ${route[1]}`).toBe(404);
    expect((await rawRequest(w.t, w.wA1, 'GET', `/api/m/learning/courses/${draft.id}/materials/${docId}/files/${fileId}`)).status).toBe(404);
    // abilities per record: the draft is editable, the published one is not
    const d = await w.shang.get<CourseView>(`/learning/courses/${draft.id}`);
    expect(d.body.abilities).toMatchObject({ canEdit: true, canPublish: true, canAssign: false, canDelete: true });
    const p = await w.shang.get<CourseView>(`/learning/courses/${course.id}`);
    expect(p.body.abilities).toMatchObject({ canEdit: false, canWithdraw: true, canAssign: true, canDelete: false });
  });

  it('a published course of an upper org is seen below to assign and follow, never changed (403); its drafts stay unseen', async () => {
    const cityCourse = await publishedCourse(w.city, { title: '市总工会课程' });
    const cityDraft = await w.city.post<CourseView>('/learning/courses', courseBody({ title: '市总工会草稿' }));
    const seen = await w.shang.get<CourseView>(`/learning/courses/${cityCourse.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities).toMatchObject({ canEdit: false, canWithdraw: false, canAssign: true, canDelete: false });
    expect((await w.shang.put(`/learning/courses/${cityCourse.id}`, courseBody())).status).toBe(403);
    expect((await w.shang.post(`/learning/courses/${cityCourse.id}/withdraw`)).status).toBe(403);
    expect((await w.shang.get(`/learning/courses/${cityDraft.body.id}`)).status).toBe(404);
    const a = await assign(w.shang, cityCourse.id, { audience: 'members', target: { mode: 'subtree', rootId: w.tree.shangcheng.id } });
    expect(a.assigneeCount).toBe(3);
    // 西湖区 sees the city's course but not 上城区's assignment of it
    const others = await w.xihu.get<{ items: { id: string }[] }>(`/learning/assignments?courseId=${cityCourse.id}`);
    expect(others.body.items).toEqual([]);
  });

  it('people search stays within scope', async () => {
    const mine = await w.shang.get<{ name: string }[]>('/learning/people?q=lrs_w');
    expect(mine.body.map((p) => p.name).sort()).toEqual(['lrs_wa1', 'lrs_wa2', 'lrs_wb']);
    const unit = await w.gB.get<{ name: string }[]>('/learning/people?q=lrs_');
    expect(unit.body.map((p) => p.name).sort()).toEqual(['lrs_gb', 'lrs_wb']);
  });
});
