import { expect } from 'vitest';
import type { CourseBodyInput, Quiz } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import { insertMembers, memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';

export interface CourseView extends Problem {
  id: string;
  status: string;
  orgId: string;
  materials: { id: string; kind: string; title: string; files: { fileId: string }[] }[];
  quiz: Quiz | null;
  abilities: Record<string, boolean>;
}

export interface MyCourseView extends Problem {
  id: string;
  state: string;
  finishedMaterials: number;
  materialCount: number;
  deadline: string | null;
  finishedAt: string | null;
  secondsSpent: number;
  materials: { id: string; opened: boolean; finished: boolean }[];
  quiz: { attemptsUsed: number; bestScore: number | null; passed: boolean } | null;
}

/** Two districts with unions; staff at each level; member accounts in unions A, B and C. */
export interface LearningWorld {
  t: TestApp;
  tree: RegistryTree;
  sys: TestClient;
  city: TestClient;
  shang: TestClient;
  xihu: TestClient;
  gA: TestClient;
  gB: TestClient;
  /** members with accounts: two in A, one in B, one in C */
  wA1: TestClient;
  wA2: TestClient;
  wB: TestClient;
  wC: TestClient;
}

export async function learningWorld(tag: string): Promise<LearningWorld> {
  const t = await createTestApp();
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const city = await userClient(t, sys, `${tag}_city`, tree.city.id, ['city_admin']);
  const shang = await userClient(t, sys, `${tag}_shang`, tree.shangcheng.id, ['district_admin']);
  const xihu = await userClient(t, sys, `${tag}_xihu`, tree.xihu.id, ['district_admin']);
  const gA = await userClient(t, sys, `${tag}_ga`, tree.unionA.id, ['grassroots_admin']);
  const gB = await userClient(t, sys, `${tag}_gb`, tree.unionB.id, ['grassroots_admin']);
  const [a1, a2] = await insertMembers(t, tree.unionA.id, 3, {}, `${tag}学员甲`);
  const [b1] = await insertMembers(t, tree.unionB.id, 2, {}, `${tag}学员乙`);
  const [c1] = await insertMembers(t, tree.unionC.id, 1, {}, `${tag}学员丙`);
  const wA1 = await memberUserClient(t, sys, `${tag}_wa1`, tree.unionA.id, a1!);
  const wA2 = await memberUserClient(t, sys, `${tag}_wa2`, tree.unionA.id, a2!);
  const wB = await memberUserClient(t, sys, `${tag}_wb`, tree.unionB.id, b1!);
  const wC = await memberUserClient(t, sys, `${tag}_wc`, tree.unionC.id, c1!);
  return { t, tree, sys, city, shang, xihu, gA, gB, wA1, wA2, wB, wC };
}

export const QUIZ: Quiz = {
  passMark: 6,
  maxAttempts: 2,
  questions: [
    { id: 'q1', kind: 'single', text: '十八届六中全会召开于哪一年?', options: [{ id: 'A', text: '2015年' }, { id: 'B', text: '2016年' }], answer: ['B'], points: 2 },
    { id: 'q2', kind: 'multiple', text: '“四个意识”包括哪些?', options: [{ id: 'A', text: '政治意识' }, { id: 'B', text: '大局意识' }, { id: 'C', text: '核心意识' }, { id: 'D', text: '消费意识' }], answer: ['A', 'B', 'C'], points: 4 },
    { id: 'q3', kind: 'judge', text: '工会是职工自愿结合的工人阶级群众组织。', options: [], answer: ['T'], points: 4 },
  ],
};

export const courseBody = (over: Partial<CourseBodyInput> = {}): CourseBodyInput => ({
  title: '学习贯彻党的十八届六中全会精神',
  summary: '笃学深悟,明理弘道,知行合一',
  category: 'theory',
  materials: [
    { kind: 'text', title: '全会公报要点', body: '全面从严治党……', minutes: 10 },
    { kind: 'link', title: '新华网专题', url: 'https://www.xinhuanet.com/politics/18lzqh/', minutes: 5 },
  ],
  quiz: QUIZ,
  ...over,
});

/** A published course of `c`'s org (or `orgId`). */
export async function publishedCourse(c: TestClient, over: Partial<CourseBodyInput> = {}): Promise<CourseView> {
  const made = await c.post<CourseView>('/learning/courses', courseBody(over));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const pub = await c.post<CourseView>(`/learning/courses/${made.body.id}/publish`);
  expect(pub.status, JSON.stringify(pub.body)).toBe(200);
  return pub.body;
}

export async function assign(c: TestClient, courseId: string, body: Record<string, unknown>): Promise<{ id: string; assigneeCount: number }> {
  const r = await c.post<{ id: string; assigneeCount: number } & Problem>(`/learning/courses/${courseId}/assignments`, { deadline: '2099-12-31', ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** Opens the course and finishes every material. */
export async function studyAll(w: TestClient, courseId: string): Promise<MyCourseView> {
  const open = await w.post<MyCourseView>(`/m/learning/courses/${courseId}/open`);
  expect(open.status, JSON.stringify(open.body)).toBe(200);
  let last = open.body;
  for (const m of open.body.materials) last = (await w.post<MyCourseView>(`/m/learning/courses/${courseId}/materials/${m.id}/finish`)).body;
  return last;
}

export const RIGHT = { q1: ['B'], q2: ['A', 'B', 'C'], q3: ['T'] };
