import { and, asc, eq } from 'drizzle-orm';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';
import { cityOrg, createOrgVia, districtByCode, type OrgRef } from './fixtures.js';
import { auditLog } from '../platform/audit/audit.schema.js';

/** Shared helpers for the member, enterprise, transfer and coverage tests. */
export interface Problem {
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export interface MemberView extends Problem {
  id: string;
  orgId: string;
  name: string;
  idCard: string;
  phone: string | null;
  bankAccount: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  status: string;
  statusDate: string | null;
  statusReason: string | null;
  cardNo: string;
  version: number;
  abilities: { canEdit: boolean; canReveal: boolean; canTransfer: boolean; canChangeStatus: boolean };
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The error paths of a 422 answer. */
export const paths = (p: Problem): string[] => (p.errors ?? []).map((e) => e.path);

export async function createMember(c: TestClient, body: Record<string, unknown>): Promise<MemberView> {
  const r = await c.post<MemberView>('/members', body);
  if (r.status !== 201) throw new Error(`create member ${String(body.name)}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Every item of a paged list endpoint, all pages of 200. */
export async function listAll<T>(c: TestClient, path: string, query = ''): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page < 500; page++) {
    const r = await c.get<Page<T>>(`${path}?pageSize=200&page=${page}${query ? `&${query}` : ''}`);
    if (r.status !== 200) throw new Error(`GET ${path} ${query}: ${r.status} ${JSON.stringify(r.body)}`);
    out.push(...r.body.items);
    if (r.body.items.length < 200) break;
  }
  return out;
}

/** Every member a search finds, all pages of 200, through POST /members/search (a 身份证 or phone never goes into a URL). */
export async function searchAll<T>(c: TestClient, body: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page < 500; page++) {
    const r = await c.post<Page<T>>('/members/search', { ...body, pageSize: 200, page });
    if (r.status !== 200) throw new Error(`POST /members/search: ${r.status} ${JSON.stringify(r.body)}`);
    out.push(...r.body.items);
    if (r.body.items.length < 200) break;
  }
  return out;
}

export const auditRowsFor = (t: TestApp, objectType: string, objectId: string) =>
  t.ctx.db.select().from(auditLog).where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, objectId))).orderBy(asc(auditLog.id));

export const auditRowsByAction = (t: TestApp, action: string) => t.ctx.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));

/** Two districts with a street each and grassroots unions below: the usual playground. */
export interface RegistryTree {
  city: OrgRef;
  shangcheng: OrgRef;
  xihu: OrgRef;
  gongshu: OrgRef;
  shangStreet: OrgRef;
  unionA: OrgRef;
  unionB: OrgRef;
  xihuStreet: OrgRef;
  unionC: OrgRef;
}

export async function registryTree(t: TestApp, sys: TestClient, tag: string): Promise<RegistryTree> {
  const city = await cityOrg(t);
  const shangcheng = await districtByCode(t, '330102');
  const xihu = await districtByCode(t, '330106');
  const gongshu = await districtByCode(t, '330105');
  const shangStreet = await createOrgVia(sys, shangcheng.id, `${tag}上城街道总工会`, 'street');
  const unionA = await createOrgVia(sys, shangStreet.id, `${tag}甲公司工会`, 'grassroots');
  const unionB = await createOrgVia(sys, shangStreet.id, `${tag}乙公司工会`, 'grassroots');
  const xihuStreet = await createOrgVia(sys, xihu.id, `${tag}西湖街道总工会`, 'street');
  const unionC = await createOrgVia(sys, xihuStreet.id, `${tag}丙公司工会`, 'grassroots');
  return { city, shangcheng, xihu, gongshu, shangStreet, unionA, unionB, xihuStreet, unionC };
}
