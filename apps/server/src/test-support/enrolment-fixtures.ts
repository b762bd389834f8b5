import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/db-connection.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';
import { userClient } from './fixtures.js';

export interface MemberSpec {
  birthDate?: string;
  joinedAt?: string | null;
  gender?: 'male' | 'female';
  migrantWorker?: boolean;
  frontline?: boolean;
  modelWorker?: boolean;
  newEmploymentForm?: boolean;
  status?: string;
}

let serial = 0;

/**
 * `n` registry rows under `orgId`, written in one statement (the identity columns hold test
 * placeholders: these tests are about places, not identity numbers). Returns their ids in order.
 */
export async function insertMembers(t: TestApp, orgId: string, n: number, spec: MemberSpec = {}, namePrefix = '报名'): Promise<string[]> {
  const start = serial;
  serial += n;
  const rows = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`INSERT INTO members (org_id, name, name_pinyin, name_initials, name_grams, id_card_enc, id_card_hmac, id_card_masked, gender, birth_date, joined_at, status,
          migrant_worker, frontline, model_worker, new_employment_form)
        SELECT ${orgId}::uuid, ${namePrefix} || i, 'baoming' || i, 'bm', ARRAY[${namePrefix}], 'enc-' || i, 'test-enrol-hmac-' || i, '3301**********' || lpad(i::text, 4, '0'),
          ${spec.gender ?? 'male'}, ${spec.birthDate ?? '1990-01-01'}::date, ${spec.joinedAt === undefined ? '2020-01-01' : spec.joinedAt}::date, ${spec.status ?? 'active'},
          ${spec.migrantWorker ?? false}, ${spec.frontline ?? false}, ${spec.modelWorker ?? false}, ${spec.newEmploymentForm ?? false}
        FROM generate_series(${start + 1}::int, ${start + n}::int) i
        ORDER BY i
        RETURNING id`,
  );
  return rows.map((r) => r.id);
}

/** A logged-in member account linked to `memberId`. */
export function memberUserClient(t: TestApp, sys: TestClient, username: string, orgId: string, memberId: string): Promise<TestClient> {
  return userClient(t, sys, username, orgId, ['member'], { memberId });
}

export const inMinutes = (m: number): string => new Date(Date.now() + m * 60_000).toISOString();

/** The body of a new activity, open now for a day unless overridden. */
export function activityBody(orgId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: '平安返乡专车(测试)', type: 'homeward', capacity: 3, orgId, signupOpensAt: inMinutes(-5), signupClosesAt: inMinutes(24 * 60), mode: 'fcfs', waitlist: false, ...extra };
}

/** Creates and publishes an activity; returns its id and offering id. */
export async function publishedActivity(c: TestClient, orgId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; offeringId: string }> {
  const r = await c.post<{ id: string; offeringId: string }>('/activities', activityBody(orgId, extra));
  if (r.status !== 201) throw new Error(`create activity: ${r.status} ${JSON.stringify(r.body)}`);
  const p = await c.post(`/activities/${r.body.id}/publish`);
  if (p.status !== 200) throw new Error(`publish activity: ${p.status} ${JSON.stringify(p.body)}`);
  return { id: r.body.id, offeringId: r.body.offeringId };
}
