import { eq } from 'drizzle-orm';
import type { TestApp } from './test-app.js';
import { TEST_PASSWORD } from './test-app.js';
import type { TestClient } from './test-client.js';
import { orgs } from '../platform/org/org.schema.js';

export interface OrgRef {
  id: string;
  code: string;
  name: string;
}

export async function districtByCode(t: TestApp, code: string): Promise<OrgRef> {
  const [row] = await t.ctx.db.select().from(orgs).where(eq(orgs.code, code));
  if (!row) throw new Error(`no district ${code}`);
  return { id: row.id, code: row.code, name: row.name };
}

export async function cityOrg(t: TestApp): Promise<OrgRef> {
  const [row] = await t.ctx.db.select().from(orgs).where(eq(orgs.kind, 'city'));
  return { id: row!.id, code: row!.code, name: row!.name };
}

/** Creates a user through the API as sysadmin and returns a logged-in client for it. */
export async function userClient(t: TestApp, sys: TestClient, username: string, orgId: string, roleCodes: string[], extra: Record<string, unknown> = {}): Promise<TestClient> {
  const r = await sys.post('/users', { username, name: username, password: TEST_PASSWORD, orgId, roleCodes, ...extra });
  if (r.status !== 201) throw new Error(`create user ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  const c = t.client();
  const l = await c.login(username, TEST_PASSWORD);
  if (l.status !== 200) throw new Error(`login ${username}: ${l.status} ${JSON.stringify(l.body)}`);
  return c;
}

export async function createOrgVia(c: TestClient, parentId: string, name: string, kind: string, extra: Record<string, unknown> = {}): Promise<OrgRef> {
  const r = await c.post<OrgRef>('/orgs', { parentId, name, kind, ...extra });
  if (r.status !== 201) throw new Error(`create org ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
