import { DEMO_PASSWORD } from '../seed/demo-orgs.data.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

/** A client logged in as one of the demo accounts (the app was created with `{ demo: true }`). */
export async function demoClient(t: TestApp, username: string): Promise<TestClient> {
  const c = t.client();
  const r = await c.login(username, DEMO_PASSWORD);
  if (r.status !== 200) throw new Error(`demo login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}
