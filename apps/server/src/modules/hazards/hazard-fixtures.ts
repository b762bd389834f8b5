import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeCreditCode, makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { uploadFile, type RawResponse } from '../../test-support/multipart-upload.js';

export interface HazardView extends Problem {
  id: string;
  reportNo: string;
  status: string;
  grade: string | null;
  orgId: string;
  districtOrgId: string;
  enterpriseName: string;
  rejectReason: string | null;
  rectifyDue: string | null;
  deadlineWorkdays: number | null;
  overdue: boolean;
  points: number | null;
  photos: { fileId: string }[];
  rectifyPhotos: { fileId: string }[];
  workflow: { status: string; assigneeOrgId: string | null } | null;
  timeline: { action: string }[];
  events: { action: string; note: string | null }[];
  abilities: Record<string, boolean>;
}

/** Two districts with unions (registry tree), staff of each level, two workers and enterprises with and without a union. */
export interface HazardWorld {
  t: TestApp;
  tree: RegistryTree;
  sys: TestClient;
  city: TestClient;
  gA: TestClient;
  gB: TestClient;
  shang: TestClient;
  xihu: TestClient;
  workerA: TestClient;
  workerC: TestClient;
  /** covered by unionA (上城区) */
  entA: string;
  /** in 西湖区, without a union: its reports go to the 西湖区总工会 */
  entNoUnion: string;
}

let seq = 0;

async function enterprise(c: TestClient, body: Record<string, unknown>): Promise<string> {
  const r = await c.post<{ id: string } & Problem>('/enterprises', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

export async function hazardWorld(tag: string): Promise<HazardWorld> {
  const t = await createTestApp();
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const city = await userClient(t, sys, `${tag}_city`, tree.city.id, ['city_admin']);
  const gA = await userClient(t, sys, `${tag}_ga`, tree.unionA.id, ['grassroots_admin']);
  const gB = await userClient(t, sys, `${tag}_gb`, tree.unionB.id, ['grassroots_admin']);
  const shang = await userClient(t, sys, `${tag}_shang`, tree.shangcheng.id, ['district_admin']);
  const xihu = await userClient(t, sys, `${tag}_xihu`, tree.xihu.id, ['district_admin']);
  const member = async (orgId: string) => {
    seq++;
    return (await createMember(city, { name: `隐患${String.fromCharCode(0x4e00 + seq * 11)}明`, idCard: makeIdCard('330102', '19850101', 300 + seq * 2 + 1), phone: makePhone('186', 900 + seq), orgId })).id;
  };
  const workerA = await memberUserClient(t, sys, `${tag}_wa`, tree.unionA.id, await member(tree.unionA.id));
  const workerC = await memberUserClient(t, sys, `${tag}_wc`, tree.unionC.id, await member(tree.unionC.id));
  const entA = await enterprise(city, { name: `${tag}杭州甲建设有限公司`, creditCode: makeCreditCode('330102', 7100 + seq), divisionCode: '330102', employeeCount: 120, unionOrgId: tree.unionA.id });
  const entNoUnion = await enterprise(city, { name: `${tag}杭州西溪物流有限公司`, creditCode: makeCreditCode('330106', 7200 + seq), divisionCode: '330106', employeeCount: 40, orgId: tree.xihuStreet.id });
  return { t, tree, sys, city, gA, gB, shang, xihu, workerA, workerC, entA, entNoUnion };
}

export const reportBody = (over: Record<string, unknown> = {}) => ({
  description: '三楼东侧消防通道堆放纸箱,安全出口被堵塞',
  address: '杭州市上城区解放路100号三楼',
  latitude: 30.25,
  longitude: 120.17,
  ...over,
});

export const uploadPhoto = (w: HazardWorld, c: TestClient, url: string, content: Buffer = pngFile(4), filename = 'scene.png', type = 'scene'): Promise<RawResponse> =>
  uploadFile(w.t, c, `/api${url}`, { filename, content, contentType: 'image/png' }, { type });

/** A report filed on H5 with one photo and submitted: in review at its union. */
export async function submittedReport(w: HazardWorld, worker: TestClient, over: Record<string, unknown>): Promise<HazardView> {
  const c = await worker.post<HazardView>('/m/hazards', reportBody(over));
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const up = await uploadPhoto(w, worker, `/m/hazards/${c.body.id}/photos`);
  expect(up.status, up.body.toString()).toBe(201);
  const s = await worker.post<HazardView>(`/m/hazards/${c.body.id}/submit`);
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return s.body;
}

/** Accepted by the reviewer and in rectification. */
export async function rectifyingReport(w: HazardWorld, reviewer: TestClient, worker: TestClient, over: Record<string, unknown>, grade = 'general'): Promise<HazardView> {
  const h = await submittedReport(w, worker, over);
  const r = await reviewer.post<HazardView>(`/hazards/${h.id}/review`, { decision: 'accept', grade, deadlineWorkdays: 5 });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
