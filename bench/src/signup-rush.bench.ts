import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { queryRows, type Database, type Db } from '../../apps/server/src/platform/db/db-connection.js';
import { sessions } from '../../apps/server/src/platform/auth/auth.schema.js';
import { hashToken, SESSION_COOKIE } from '../../apps/server/src/platform/auth/session.service.js';
import { hashPassword } from '../../apps/server/src/platform/auth/password.js';
import { chainHash, GENESIS_HASH, stableJson } from '../../apps/server/src/platform/audit/audit-chain.js';
import { findOffering } from '../../apps/server/src/platform/enrolment/enrolment-offering.js';
import { ACTIVITY_KIND, insertActivity } from '../../apps/server/src/modules/activities/activity.service.js';
import { newCheckInCode } from '../../apps/server/src/platform/enrolment/enrolment-signup.js';
import type { HttpClient } from '../../apps/server/src/test-support/server-process.js';
import type { BenchArgs } from './bench-support.js';
import { addBenchUser, benchEnvironment, seedOrgTree, startBenchServer, type BenchDatabaseKind, type BenchEnvironment } from './bench-server.js';
import { percentile } from './load-generator.js';
import { runPosts, type PostAnswer, type PostRequest } from './post-load.js';

const ORGANISER = 'bench_rush_organiser';
const DISTRICT_CODE = '330102';
/** the grassroots unions (under the district) the members are spread over */
const UNIONS = 10;
const CLICKS_PER_MEMBER = 3;
/** the server's pg.Pool size (openDatabase's default, which main.ts uses) */
const SERVER_POOL_SIZE = 20;
/** the audit chain's advisory lock (audit.service.ts CHAIN_LOCK) */
const AUDIT_CHAIN_LOCK = 727_000_002;
const TARGETS = { ratio: 0.6, p99Ms: 250 } as const;
const SIZES = {
  full: { members: 10_000, places: 1_000, connections: 200, warmMembers: 700, warmPlaces: 70 },
  tiny: { members: 300, places: 30, connections: 20, warmMembers: 60, warmPlaces: 6 },
} as const;

export const CLICK_PATTERN =
  'every member clicks 3 times, concurrently: the click list is member 1 ×3, member 2 ×3, …, and the connections take the next click as soon as they are free, so the 3 clicks of a member go out together on 3 connections';

export interface RushOutcomes {
  /** 201 (confirmed, holding a place) */
  confirmed: number;
  /** 409 FULL */
  full: number;
  /** 409 DUPLICATE */
  duplicate: number;
  /** anything else (other statuses, failed connections) */
  other: number;
}

/** What the database holds for an offering after a rush. */
export interface RushChecks {
  places: number;
  confirmed: number;
  /** live enrolments (confirmed, waitlisted, pending lottery) */
  live: number;
  /** members with two or more live enrolments of the offering */
  duplicates: number;
  oversold: number;
  seatsTaken: number;
  /** taken places whose enrolment is not a confirmed enrolment holding that place number */
  seatsMismatched: number;
  /** enrolment.signup audit rows of the offering */
  auditRows: number;
}

/** The contended phase, while places remained: until the last confirmation. */
export interface SoldOut {
  /** seconds from the start to the last confirmed click's answer */
  seconds: number;
  /** clicks answered by then */
  clicks: number;
  clicksPerSecond: number;
}

export interface BareSqlRun {
  label: string;
  clicks: number;
  seconds: number;
  clicksPerSecond: number;
  outcomes: RushOutcomes;
  soldOut: SoldOut;
  checks: RushChecks;
}

export interface SignupRushResult {
  database: BenchDatabaseKind;
  members: number;
  unions: number;
  places: number;
  connections: number;
  clicksPerMember: number;
  clicks: number;
  clickPattern: string;
  http: {
    seconds: number;
    /** answered clicks (201, 409 FULL, 409 DUPLICATE) per second */
    clicksPerSecond: number;
    outcomes: RushOutcomes;
    soldOut: SoldOut;
    statuses: Record<string, number>;
    /** a few answers that were neither 201 nor 409 FULL/DUPLICATE, and the server's first logged errors */
    otherSamples: string[];
    serverErrors: string[];
    /** members who got 201 more than once (a duplicate as the member sees it) */
    membersConfirmedTwice: number;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    /** sessions whose last_seen_at the server moved on during the rush (it does when a session was last seen > 30 s ago: every rush session was, a minute before) */
    sessionTouches: number;
  };
  checks: RushChecks;
  /** the official reference: the statements of signUp, audit append included */
  reference: BareSqlRun & { concurrency: string };
  /** the same without the audit append (advisory lock, last hash, insert), for the record */
  referenceWithoutAudit: BareSqlRun;
  ratio: number;
  targets: typeof TARGETS;
  pass: boolean;
  /** broken invariants (oversell, duplicates, places and enrolments disagreeing, errors): the runner fails on any */
  violations: string[];
}

interface RushMember {
  memberId: string;
  orgId: string;
  userId: string;
  username: string;
  cookie: string;
  csrf: string;
}

/** The first error lines of the server's log (pino JSON, level ≥ 50). */
const serverErrors = (log: string): string[] =>
  log
    .split('\n')
    .filter((l) => /"level":(5|6)0/.test(l))
    .slice(0, 5)
    .map((l) => l.slice(0, 1500));

const emptyOutcomes = (): RushOutcomes => ({ confirmed: 0, full: 0, duplicate: 0, other: 0 });

/** The sold-out phase of a run from each click's outcome and answer time (ms from the start). */
function soldOutOf(done: readonly { kind: keyof RushOutcomes; doneAt: number }[]): SoldOut {
  const last = Math.max(0, ...done.filter((d) => d.kind === 'confirmed').map((d) => d.doneAt));
  const clicks = done.filter((d) => d.kind !== 'other' && d.doneAt <= last).length;
  return { seconds: last / 1000, clicks, clicksPerSecond: last > 0 ? clicks / (last / 1000) : 0 };
}

/**
 * The members, their accounts, 'member' role grants and logged-in sessions, written with SQL in
 * bulk: 10,000 logins through /auth/login would hash 10,000 passwords (minutes of CPU on this
 * 2-core machine, spent on the login rather than the sign-up being measured). The rows are what a login
 * leaves: users.member_id linked to the member row, a user_roles grant of the built-in 'member'
 * role, and a sessions row whose id is the sha256 of the cookie token (hashToken) with its own
 * CSRF token and stage 'full'. Every account shares one real password hash (nobody logs in).
 * Members are spread round-robin over `UNIONS` grassroots unions of the district.
 */
async function seedRushMembers(db: Db, count: number, unionIds: string[]): Promise<RushMember[]> {
  const orgArray = sql`ARRAY[${sql.join(
    unionIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  await db.execute(sql`INSERT INTO members (org_id, name, name_pinyin, name_initials, name_grams, id_card_enc, id_card_hmac, id_card_masked, gender, birth_date, joined_at, status)
    SELECT (${orgArray})[1 + (i % ${unionIds.length}::int)], '抢报' || i, 'qiangbao' || i, 'qb', ARRAY['抢报'], 'enc-rush-' || i, 'bench-rush-hmac-' || i,
      '3301**********' || lpad((i % 10000)::text, 4, '0'), CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, '1990-01-01'::date, '2020-01-01'::date, 'active'
    FROM generate_series(1, ${count}::int) i ORDER BY i`);
  const passwordHash = await hashPassword(`Rush-${randomBytes(8).toString('hex')}!a`);
  await db.execute(sql`INSERT INTO users (username, name, org_id, member_id, password_hash)
    SELECT 'rush_' || substr(m.id_card_hmac, length('bench-rush-hmac-') + 1), m.name, m.org_id, m.id, ${passwordHash}
    FROM members m WHERE m.id_card_hmac LIKE 'bench-rush-hmac-%'`);
  await db.execute(sql`INSERT INTO user_roles (user_id, role_id, role_kind)
    SELECT u.id, r.id, r.kind FROM users u CROSS JOIN roles r WHERE r.code = 'member' AND u.username LIKE 'rush\\_%'`);
  const users = await queryRows<{ user_id: string; username: string; member_id: string; org_id: string }>(
    db,
    sql`SELECT u.id AS user_id, u.username, u.member_id, u.org_id FROM users u WHERE u.username LIKE 'rush\\_%' ORDER BY length(u.username), u.username`,
  );
  if (users.length !== count) throw new Error(`expected ${count} member accounts, found ${users.length}`);
  const members = users.map((u): RushMember & { token: string } => {
    const token = randomBytes(32).toString('base64url');
    return { memberId: u.member_id, orgId: u.org_id, userId: u.user_id, username: u.username, token, cookie: `${SESSION_COOKIE}=${token}`, csrf: randomBytes(24).toString('base64url') };
  });
  // last seen a minute ago (the member opened the page, then waited for the sign-up to open): the
  // server moves last_seen_at on (one UPDATE) at the member's first click, as it does for a session
  // not seen for 30 s, the same for every member however long the setup took
  const lastSeen = new Date(Date.now() - 60_000);
  for (let i = 0; i < members.length; i += 1000) {
    await db.insert(sessions).values(
      members.slice(i, i + 1000).map((m) => ({ id: hashToken(m.token), userId: m.userId, csrfToken: m.csrf, stage: 'full', ip: '127.0.0.1', userAgent: 'signup-rush bench', createdAt: lastSeen, lastSeenAt: lastSeen })),
    );
  }
  return members.map(({ token: _token, ...m }) => m);
}

/** The rush's activity: a 平安返乡 bus of `places`, first come without a waitlist, open from 5 minutes ago for a day. */
const rushActivity = (orgId: string, title: string, places: number) => {
  const now = Date.now();
  return {
    title,
    type: 'homeward' as const,
    capacity: places,
    orgId,
    signupOpensAt: new Date(now - 5 * 60_000).toISOString(),
    signupClosesAt: new Date(now + 24 * 3_600_000).toISOString(),
    mode: 'fcfs' as const,
    waitlist: false,
  };
};

/** Creates and publishes an activity of `places` (fcfs, no waitlist) organised by the district, over HTTP. */
async function publishActivity(client: HttpClient, orgId: string, title: string, places: number): Promise<{ id: string; offeringId: string }> {
  const created = await client.call('POST', '/activities', rushActivity(orgId, title, places));
  if (created.status !== 201) throw new Error(`create activity: ${created.status} ${JSON.stringify(created.body)}`);
  const id = String(created.body.id);
  const published = await client.call('POST', `/activities/${id}/publish`);
  if (published.status !== 200) throw new Error(`publish activity: ${published.status} ${JSON.stringify(published.body)}`);
  return { id, offeringId: String(created.body.offeringId) };
}

/** The click list: each member `CLICKS_PER_MEMBER` times in a row. */
function clickList<T>(members: readonly T[]): T[] {
  return members.flatMap((m) => Array.from({ length: CLICKS_PER_MEMBER }, () => m));
}

function classify(a: PostAnswer): keyof RushOutcomes {
  if (a.status === 201) return 'confirmed';
  if (a.status === 409 && a.body?.code === 'FULL') return 'full';
  if (a.status === 409 && a.body?.code === 'DUPLICATE') return 'duplicate';
  return 'other';
}

async function checkOffering(db: Db, offeringId: string, places: number): Promise<RushChecks> {
  const [row] = await queryRows<Omit<RushChecks, 'places' | 'oversold'> & { seats: number }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM enrolments WHERE offering_id = ${offeringId}::uuid AND status = 'confirmed') AS confirmed,
          (SELECT count(*)::int FROM enrolments WHERE offering_id = ${offeringId}::uuid AND status IN ('confirmed','waitlisted','pending_lottery')) AS live,
          (SELECT count(*)::int FROM (SELECT member_id FROM enrolments WHERE offering_id = ${offeringId}::uuid AND status IN ('confirmed','waitlisted','pending_lottery')
             GROUP BY member_id HAVING count(*) > 1) d) AS duplicates,
          (SELECT count(*)::int FROM enrolment_seats WHERE offering_id = ${offeringId}::uuid) AS seats,
          (SELECT count(*)::int FROM enrolment_seats WHERE offering_id = ${offeringId}::uuid AND enrolment_id IS NOT NULL) AS "seatsTaken",
          (SELECT count(*)::int FROM enrolment_seats s LEFT JOIN enrolments e ON e.id = s.enrolment_id
             WHERE s.offering_id = ${offeringId}::uuid AND s.enrolment_id IS NOT NULL AND (e.id IS NULL OR e.status <> 'confirmed' OR e.seat_no IS DISTINCT FROM s.seat_no)) AS "seatsMismatched",
          (SELECT count(*)::int FROM audit_log WHERE action = 'enrolment.signup' AND object_type = 'enrolment_offering' AND object_id = ${offeringId}) AS "auditRows"`,
  );
  const r = row!;
  if (r.seats !== places) throw new Error(`offering ${offeringId} has ${r.seats} places, expected ${places}`);
  return { places, confirmed: r.confirmed, live: r.live, duplicates: r.duplicates, oversold: Math.max(0, r.confirmed - places), seatsTaken: r.seatsTaken, seatsMismatched: r.seatsMismatched, auditRows: r.auditRows };
}

/** What must hold after every rush: exactly `places` confirmed, one live enrolment per member, places and enrolments agreeing, every confirmation audited (when audited). */
function violationsOf(label: string, c: RushChecks, outcomes: RushOutcomes, audited: boolean): string[] {
  const v: string[] = [];
  if (c.oversold > 0) v.push(`${label}: oversold by ${c.oversold} (${c.confirmed} confirmed for ${c.places} places)`);
  if (c.confirmed !== c.places) v.push(`${label}: ${c.confirmed} confirmed enrolments, expected exactly ${c.places}`);
  if (c.duplicates > 0) v.push(`${label}: ${c.duplicates} members with two or more live enrolments`);
  if (c.live !== c.confirmed) v.push(`${label}: ${c.live} live enrolments but ${c.confirmed} confirmed (no waitlist: every live one holds a place)`);
  if (c.seatsTaken !== c.confirmed) v.push(`${label}: ${c.seatsTaken} places taken but ${c.confirmed} confirmed`);
  if (c.seatsMismatched > 0) v.push(`${label}: ${c.seatsMismatched} taken places not held by a confirmed enrolment with that number`);
  if (outcomes.confirmed !== c.confirmed) v.push(`${label}: ${outcomes.confirmed} clicks answered confirmed but ${c.confirmed} confirmed enrolments stored`);
  if (outcomes.other > 0) v.push(`${label}: ${outcomes.other} clicks answered neither confirmed nor FULL/DUPLICATE`);
  if (audited && c.auditRows !== c.confirmed) v.push(`${label}: ${c.auditRows} enrolment.signup audit rows for ${c.confirmed} confirmed`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// The bare-SQL reference: the statements signUp (enrolment-signup.ts) runs for one click, sent
// straight through the driver (no HTTP, no Fastify, no session or activity lookup, no drizzle).

type Query = <T>(text: string, params: unknown[]) => Promise<T[]>;

interface BareSql {
  /** a statement outside any transaction (what signUp reads through ctx.db before its transaction) */
  query: Query;
  /** BEGIN, fn, COMMIT on one connection; ROLLBACK when fn throws */
  transaction<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  /** VACUUM ANALYZE, between runs (outside the timing) */
  vacuum(): Promise<void>;
  close(): Promise<void>;
  concurrency: string;
}

/**
 * PostgreSQL: a pg.Pool of the server's pool size (20) with `connections` callers queueing on it.
 * The server can never run more than 20 statements at a time (its own pool), so 20 in-flight
 * transactions is what the app does minus the app; 200 direct connections would measure another
 * configuration (200 backends queueing on the same locks on a 2-core machine) that the app cannot
 * reach. PGlite: the benchmark's own data directory opened in this process (the server has
 * stopped), one connection, the callers' statements serialised by PGlite as in the server.
 */
async function openBareSql(env: BenchEnvironment): Promise<BareSql> {
  if (env.database === 'postgres' && env.pgUrl) {
    const pool = new pg.Pool({ connectionString: env.pgUrl, max: SERVER_POOL_SIZE, options: '-c TimeZone=UTC' });
    return {
      concurrency: `pg.Pool of ${SERVER_POOL_SIZE} (the server's pool size)`,
      query: async <T>(text: string, params: unknown[]) => (await pool.query(text, params)).rows as T[],
      transaction: async <T>(fn: (q: Query) => Promise<T>) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          try {
            const result = await fn(async <R>(text: string, params: unknown[]) => (await client.query(text, params)).rows as R[]);
            await client.query('COMMIT');
            return result;
          } catch (e) {
            await client.query('ROLLBACK');
            throw e;
          }
        } finally {
          client.release();
        }
      },
      vacuum: async () => {
        await pool.query('VACUUM ANALYZE');
      },
      close: () => pool.end(),
    };
  }
  const lite = await PGlite.create(join(env.dataDir, 'pgdata'), { extensions: { pg_trgm } });
  await lite.exec("SET TIME ZONE 'UTC'");
  return {
    concurrency: 'in-process PGlite on the same data directory (one connection, statements serialised)',
    query: async <T>(text: string, params: unknown[]) => (await lite.query<T>(text, params)).rows,
    transaction: <T>(fn: (q: Query) => Promise<T>) => lite.transaction((tx) => fn(async <R>(text: string, params: unknown[]) => (await tx.query<R>(text, params)).rows)),
    vacuum: async () => {
      await lite.exec('VACUUM ANALYZE');
    },
    close: () => lite.close(),
  };
}

class Refused extends Error {
  constructor(readonly code: 'FULL' | 'DUPLICATE') {
    super(code);
  }
}

// the statements, as the activity sign-up (findActivityWithOffering, signUp's signupFacts, claimSeat, the audit append) sends them
const ACTIVITY_SQL = `SELECT a.id, a.type, a.title, a.org_id, g.name AS org_name, a.starts_at, a.ends_at, a.venue, a.description, a.details, o.id AS offering_id, a.created_at, to_jsonb(o) AS offering
    FROM activities a JOIN orgs g ON g.id = a.org_id JOIN enrolment_offerings o ON o.kind = 'activity' AND o.subject_id = a.id
    WHERE a.id = $1::uuid AND (false OR a.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = $2::uuid))`;
const FACTS_SQL = `SELECT m.id, m.org_id, m.status, m.birth_date::text AS birth_date, m.joined_at::text AS joined_at, m.gender, m.migrant_worker, m.frontline, m.model_worker, m.new_employment_form,
      p.org_id AS pool,
      EXISTS (SELECT 1 FROM enrolment_seats s WHERE s.offering_id = $1::uuid AND s.org_id = p.org_id AND s.enrolment_id IS NULL) AS free,
      EXISTS (SELECT 1 FROM enrolments e WHERE e.offering_id = $1::uuid AND e.member_id = m.id AND e.status IN ('confirmed','waitlisted','pending_lottery')) AS mine,
      0 AS places_this_year
    FROM members m
    LEFT JOIN LATERAL (
      SELECT h.org_id FROM (
        SELECT org_id FROM enrolment_offerings WHERE id = $1::uuid
        UNION SELECT org_id FROM enrolment_quotas WHERE offering_id = $1::uuid AND returned_at IS NULL
      ) h JOIN org_closure c ON c.ancestor_id = h.org_id AND c.descendant_id = m.org_id
      ORDER BY c.depth LIMIT 1) p ON true
    WHERE m.id = $2::uuid`;
const INSERT_SQL = `INSERT INTO enrolments (id, offering_id, member_id, org_id, pool_org_id, status, source, details, check_in_code, created_by)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8::jsonb, $9, $10::uuid)
    ON CONFLICT (offering_id, member_id) WHERE status IN ('confirmed','waitlisted','pending_lottery') DO NOTHING
    RETURNING id`;
const claimSql = (lock: string) => `WITH s AS (
      UPDATE enrolment_seats SET enrolment_id = $3::uuid
      WHERE (offering_id, seat_no) = (
        SELECT offering_id, seat_no FROM enrolment_seats
        WHERE offering_id = $1::uuid AND org_id = $2::uuid AND enrolment_id IS NULL
        ORDER BY seat_no LIMIT 1 ${lock})
      RETURNING seat_no)
    UPDATE enrolments e SET status = 'confirmed', seat_no = s.seat_no, status_at = now()
    FROM s WHERE e.id = $3::uuid
    RETURNING e.seat_no`;
const CLAIM_SKIP_SQL = claimSql('FOR UPDATE SKIP LOCKED');
const CLAIM_WAIT_SQL = claimSql('FOR UPDATE');
const AUDIT_LOCK_SQL = `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
const AUDIT_LAST_SQL = 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1';
const AUDIT_INSERT_SQL = `INSERT INTO audit_log (at, user_id, username, org_id, ip, action, object_type, object_id, result, detail, prev_hash, hash)
    VALUES ($1, $2::uuid, $3, $4::uuid, $5, $6, $7, $8, $9, $10, $11, $12)`;

/**
 * One click as the activity sign-up runs it: the activity with its offering (the member's view of
 * it), then signUp's one read of the member, their pool, a free place and an earlier sign-up
 * (already in: DUPLICATE, sold out: FULL, both without a transaction), then BEGIN; INSERT … ON
 * CONFLICT DO NOTHING (nothing inserted: DUPLICATE, ROLLBACK); claim a place with SKIP LOCKED, and
 * when that found none, once more waiting for the locked ones (none: FULL, ROLLBACK); the audit
 * append (advisory lock, last hash, insert of the chained row); COMMIT. The eligibility rules
 * (none here) are checked in JavaScript by the app, so there is no statement for them.
 */
async function bareClick(b: BareSql, ref: ReferenceOffering, m: RushMember, audit: boolean): Promise<keyof RushOutcomes> {
  const offeringId = ref.offeringId;
  const [activity] = await b.query<{ id: string }>(ACTIVITY_SQL, [ref.activityId, m.orgId]);
  if (!activity) throw new Error(`activity ${ref.activityId} not visible to ${m.username}`);
  const [facts] = await b.query<{ org_id: string; pool: string | null; free: boolean; mine: boolean }>(FACTS_SQL, [offeringId, m.memberId]);
  if (!facts?.pool) throw new Error(`member ${m.memberId} has no pool in offering ${offeringId}`);
  if (facts.mine) return 'duplicate';
  if (!facts.free) return 'full';
  const member = facts;
  const pool = { org_id: facts.pool };
  const id = randomUUID();
  try {
    return await b.transaction(async (q) => {
      const inserted = await q(INSERT_SQL, [id, offeringId, m.memberId, member.org_id, pool.org_id, 'waitlisted', 'self', '{}', newCheckInCode(), m.userId]);
      if (inserted.length === 0) throw new Refused('DUPLICATE');
      const claimed = (await q<{ seat_no: number }>(CLAIM_SKIP_SQL, [offeringId, pool.org_id, id]))[0] ?? (await q<{ seat_no: number }>(CLAIM_WAIT_SQL, [offeringId, pool.org_id, id]))[0];
      if (!claimed) throw new Refused('FULL');
      if (audit) {
        await q(AUDIT_LOCK_SQL, []);
        const [last] = await q<{ hash: string }>(AUDIT_LAST_SQL, []);
        const fields = {
          at: new Date(),
          userId: m.userId,
          username: m.username,
          orgId: m.orgId,
          ip: '127.0.0.1',
          action: 'enrolment.signup',
          objectType: 'enrolment_offering',
          objectId: offeringId,
          result: 'success',
          detail: stableJson({ enrolmentId: id, memberId: m.memberId, status: 'confirmed', seatNo: claimed.seat_no, source: 'self' }),
        };
        const prevHash = last?.hash ?? GENESIS_HASH;
        await q(AUDIT_INSERT_SQL, [fields.at, fields.userId, fields.username, fields.orgId, fields.ip, fields.action, fields.objectType, fields.objectId, fields.result, fields.detail, prevHash, chainHash(prevHash, fields)]);
      }
      return 'confirmed' as const;
    });
  } catch (e) {
    if (e instanceof Refused) return e.code === 'FULL' ? 'full' : 'duplicate';
    throw e;
  }
}

/** The click list through `connections` concurrent callers, as bare SQL; every click is answered (confirmed, FULL or DUPLICATE) or the run fails. */
async function bareRun(b: BareSql, ref: ReferenceOffering, members: readonly RushMember[], connections: number, audit: boolean): Promise<{ seconds: number; outcomes: RushOutcomes; soldOut: SoldOut }> {
  const clicks = clickList(members);
  const outcomes = emptyOutcomes();
  const done: { kind: keyof RushOutcomes; doneAt: number }[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, clicks.length) }, async () => {
      for (let i = next++; i < clicks.length; i = next++) {
        const kind = await bareClick(b, ref, clicks[i]!, audit);
        outcomes[kind]++;
        done.push({ kind, doneAt: performance.now() - started });
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, outcomes, soldOut: soldOutOf(done) };
}

interface ReferenceOffering {
  activityId: string;
  offeringId: string;
}

/** A fresh published 平安返乡 activity of `places` organised by `orgId`, for the bare-SQL runs (written as the app writes one). */
async function referenceOffering(db: Db, orgId: string, title: string, places: number): Promise<ReferenceOffering> {
  const actor = { userId: null, username: 'bench', orgId, ip: null };
  const activityId = await db.transaction((tx) => insertActivity(tx, actor, { ...rushActivity(orgId, title, places), venue: undefined, description: undefined }));
  const o = (await findOffering(db, ACTIVITY_KIND, activityId))!;
  await db.execute(sql`UPDATE enrolment_offerings SET status = 'published' WHERE id = ${o.id}::uuid`);
  return { activityId, offeringId: o.id };
}

/** The sign-up clicks: an empty JSON object as the body (no details: a homeward activity asks for none). */
const signupRequests = (activityId: string, members: readonly RushMember[]): PostRequest[] =>
  clickList(members).map((m) => ({ path: `/api/activities/${activityId}/signups`, headers: { cookie: m.cookie, 'x-csrf-token': m.csrf }, body: '{}' }));

function tally(answers: readonly PostAnswer[]): { outcomes: RushOutcomes; statuses: Record<string, number>; otherSamples: string[] } {
  const outcomes = emptyOutcomes();
  const statuses: Record<string, number> = {};
  const otherSamples: string[] = [];
  for (const a of answers) {
    const kind = classify(a);
    outcomes[kind]++;
    const key = a.status === 409 ? `409 ${String(a.body?.code)}` : String(a.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (kind === 'other' && otherSamples.length < 5) otherSamples.push(`${a.status} ${JSON.stringify(a.body)}`);
  }
  return { outcomes, statuses, otherSamples };
}

async function withDatabase<T>(env: BenchEnvironment, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await env.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * signup-rush: `members` members, each with their own session, sign up for an fcfs activity of
 * `places` places (no waitlist) over HTTP at `connections` connections, each clicking 3 times
 * (CLICK_PATTERN), after a warm-up rush on another activity. Then, on the same database with the
 * server stopped, the same clicks as bare SQL transactions (the statements of signUp) on a fresh
 * offering of the same size (after the same warm-up), with the audit append (the reference) and
 * without it (for the record). After every run the database is checked: exactly `places`
 * confirmed, no member with two live enrolments, places taken = confirmed, every confirmation
 * audited; a broken invariant is listed in `violations` (the runner fails on it after printing).
 */
export async function signupRushBench(args: BenchArgs, database: BenchDatabaseKind): Promise<SignupRushResult> {
  const size = SIZES[args.size];
  const memberCount = args.rows ?? size.members;
  const places = args.rows ? Math.max(1, Math.round(args.rows / 10)) : size.places;
  const { warmMembers } = size;
  const { connections } = size;
  const env = await benchEnvironment(args, database);
  try {
    const setup = await withDatabase(env, async (db) => {
      await seedOrgTree(db, 500);
      const [district] = await queryRows<{ id: string }>(db.db, sql`SELECT id FROM orgs WHERE code = ${DISTRICT_CODE}`);
      if (!district) throw new Error(`no district ${DISTRICT_CODE}`);
      const unions = await queryRows<{ id: string }>(
        db.db,
        sql`SELECT o.id FROM orgs o JOIN org_closure c ON c.descendant_id = o.id WHERE c.ancestor_id = ${district.id}::uuid AND o.kind = 'grassroots' AND o.status = 'active'
            GROUP BY o.id, o.code ORDER BY o.code LIMIT ${UNIONS}`,
      );
      if (unions.length < 2) throw new Error(`the district ${DISTRICT_CODE} has ${unions.length} grassroots unions; the benchmark spreads members over at least 2`);
      await addBenchUser(db, ORGANISER, DISTRICT_CODE, ['district_admin']);
      const members = await seedRushMembers(
        db.db,
        memberCount + warmMembers,
        unions.map((u) => u.id),
      );
      await db.vacuum();
      return { districtId: district.id, unions: unions.length, members };
    });
    // the rush's members, and others (their own sessions) for the warm-ups
    const { districtId } = setup;
    const members = setup.members.slice(0, memberCount);
    const warmUp = setup.members.slice(memberCount);

    // the HTTP rush
    const { server, client } = await startBenchServer(env, ORGANISER);
    let run: Awaited<ReturnType<typeof runPosts>>;
    let offeringId: string;
    let rushStartedAt: Date;
    let serverLogErrors: string[] = [];
    try {
      const warm = await publishActivity(client, districtId, '平安返乡专车(预热)', Math.min(size.warmPlaces, places));
      const warmRun = await runPosts(server.base, signupRequests(warm.id, warmUp), connections);
      const warmTally = tally(warmRun.answers);
      if (warmTally.outcomes.other > 0) throw new Error(`warm-up sign-ups failed: ${JSON.stringify(warmTally.statuses)} ${warmTally.otherSamples.join(' | ')}\n${serverErrors(server.log()).join('\n')}`);
      const main = await publishActivity(client, districtId, '平安返乡专车(抢报压测)', places);
      offeringId = main.offeringId;
      rushStartedAt = new Date();
      run = await runPosts(server.base, signupRequests(main.id, members), connections);
      serverLogErrors = serverErrors(server.log());
    } finally {
      await server.kill('SIGTERM');
    }
    const { outcomes, statuses, otherSamples } = tally(run.answers);
    const confirmedBy = new Map<string, number>();
    const clicks = clickList(members);
    run.answers.forEach((a, i) => {
      if (a.status === 201) confirmedBy.set(clicks[i]!.memberId, (confirmedBy.get(clicks[i]!.memberId) ?? 0) + 1);
    });
    const latencies = run.answers.filter((a) => classify(a) !== 'other').map((a) => a.ms).sort((a, b) => a - b);
    const answered = outcomes.confirmed + outcomes.full + outcomes.duplicate;

    // checks of the HTTP rush
    const after = await withDatabase(env, async (db) => {
      const checks = await checkOffering(db.db, offeringId, places);
      const [touched] = await queryRows<{ n: number }>(
        db.db,
        sql`SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username LIKE 'rush\\_%' AND s.last_seen_at >= ${rushStartedAt.toISOString()}::timestamptz`,
      );
      return { checks, sessionTouches: touched?.n ?? 0 };
    });

    /**
     * The bare-SQL reference on the same database and engine, the server stopped: as the HTTP run,
     * a fresh connection (on PGlite a fresh engine), VACUUM ANALYZE, a warm-up rush on its own
     * offering, then the rush on a fresh offering of the same size. The two variants run this way
     * one after the other, so neither inherits the other's warmed-up engine (on PGlite a second run
     * in the same engine is 20-30% faster whatever it does).
     */
    const referenceRun = async (audit: boolean) => {
      const label = audit ? 'with' : 'without';
      const offerings = await withDatabase(env, async (db) => ({
        warm: await referenceOffering(db.db, districtId, `bare SQL warm-up (${label} the audit append)`, Math.min(size.warmPlaces, places)),
        rush: await referenceOffering(db.db, districtId, `bare SQL ${label} the audit append`, places),
      }));
      const bare = await openBareSql(env);
      let r: Awaited<ReturnType<typeof bareRun>>;
      try {
        await bare.vacuum();
        await bareRun(bare, offerings.warm, warmUp, connections, audit);
        r = await bareRun(bare, offerings.rush, members, connections, audit);
      } finally {
        await bare.close();
      }
      const checks = await withDatabase(env, (db) => checkOffering(db.db, offerings.rush.offeringId, places));
      return { ...r, checks, concurrency: bare.concurrency };
    };
    const withAudit = await referenceRun(true);
    const withoutAudit = await referenceRun(false);
    const auditChecks = withAudit.checks;
    const plainChecks = withoutAudit.checks;

    const bareResult = (label: string, r: Awaited<ReturnType<typeof bareRun>>, checks: RushChecks): BareSqlRun => ({
      label,
      clicks: clicks.length,
      seconds: r.seconds,
      clicksPerSecond: clicks.length / r.seconds,
      outcomes: r.outcomes,
      soldOut: r.soldOut,
      checks,
    });
    const reference = { ...bareResult('bare SQL, with the audit append', withAudit, auditChecks), concurrency: withAudit.concurrency };
    const referenceWithoutAudit = bareResult('bare SQL, without the audit append', withoutAudit, plainChecks);
    const httpRate = answered / run.seconds;
    const ratio = httpRate / reference.clicksPerSecond;
    const membersConfirmedTwice = [...confirmedBy.values()].filter((n) => n > 1).length;
    const violations = [
      ...violationsOf('HTTP', after.checks, outcomes, true),
      ...(membersConfirmedTwice > 0 ? [`HTTP: ${membersConfirmedTwice} members were answered 201 more than once`] : []),
      ...violationsOf('bare SQL', auditChecks, withAudit.outcomes, true),
      ...violationsOf('bare SQL without audit', plainChecks, withoutAudit.outcomes, false),
    ].map((v) => `${database} ${v}`);
    const p99 = percentile(latencies, 99);
    return {
      database,
      members: memberCount,
      unions: setup.unions,
      places,
      connections,
      clicksPerMember: CLICKS_PER_MEMBER,
      clicks: clicks.length,
      clickPattern: CLICK_PATTERN,
      http: {
        seconds: run.seconds,
        clicksPerSecond: httpRate,
        outcomes,
        soldOut: soldOutOf(run.answers.map((a) => ({ kind: classify(a), doneAt: a.doneAt }))),
        statuses,
        otherSamples,
        serverErrors: serverLogErrors,
        membersConfirmedTwice,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99,
        max: latencies[latencies.length - 1] ?? 0,
        sessionTouches: after.sessionTouches,
      },
      checks: after.checks,
      reference,
      referenceWithoutAudit,
      ratio,
      targets: TARGETS,
      pass: violations.length === 0 && ratio >= TARGETS.ratio && p99 <= TARGETS.p99Ms,
      violations,
    };
  } finally {
    await env.cleanup();
  }
}
