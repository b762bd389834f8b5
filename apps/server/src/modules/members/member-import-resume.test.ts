import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { finishJob, uploadFile } from '../../test-support/multipart-upload.js';
import { csvFile, type Cell } from '../../test-support/spreadsheet-files.js';
import { MEMBER_HEADER, memberCount, memberCounterMismatches, type ImportOutcome } from '../../test-support/import-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { jobs } from '../../platform/jobs/job.schema.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { runImport, type ImportDefinition, type ImportPayload } from '../../platform/import-export/import-runner.js';
import { memberImportDefinition, type MemberImportRow, type StoredMemberRow } from './member-import.js';

const ROWS = 2500;
const DEAD_WORKER = 'killed-worker-4242';

describe('member import killed halfway (security.md 26): committed batches stay, the rerun resumes without duplicates', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let jobId = '';
  let before = 0;
  const idCards: string[] = [];

  const jobRow = async () => (await t.ctx.db.select().from(jobs).where(eq(jobs.id, jobId)))[0]!;
  const stats = async () =>
    (await queryRows<{ n: number; ids: number }>(t.ctx.db, sql`SELECT count(*)::int AS n, count(DISTINCT id_card_hmac)::int AS ids FROM members WHERE import_job_id = ${jobId}`))[0]!;
  const counter = async (orgId: string) => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT members AS n FROM org_counters WHERE org_id = ${orgId}`))[0]?.n ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'R');
    shang = await userClient(t, sys, 'resume_shang', tree.shangcheng.id, ['district_admin']);
    const rows: Cell[][] = [MEMBER_HEADER];
    for (let i = 0; i < ROWS; i++) {
      const idCard = makeIdCard('330102', `${1970 + Math.floor(i / 900)}0303`, (i % 900) + 1);
      idCards.push(idCard);
      rows.push([`会员${i}`, idCard, makePhone('150', i), (i % 2 === 0 ? tree.unionA : tree.unionB).code, '']);
    }
    before = await memberCount(t);
    const r = await uploadFile(t, shang, '/api/members/import', { filename: 'big.csv', content: csvFile(rows) });
    expect(r.status).toBe(202);
    jobId = r.json<{ jobId: string }>().jobId;
  });
  afterAll(() => t.close());

  it('a worker dies inside the 2nd batch: the 1st batch (1,000 rows) and its checkpoint are committed, nothing of the 2nd', async () => {
    // The simulated kill -9: a worker claims the job exactly as JobRunner.claim does, then runs the
    // real handler body (runImport with the real member definition and the importer's scope).
    // Its 2nd batch really inserts its 1,000 members and then the process "dies" before COMMIT:
    // the exception aborts the transaction, as a dropped connection would, and nobody touches the
    // job row afterwards (no failure bookkeeping, no retry scheduling), so it stays 'running',
    // locked by the dead worker, until its lock goes stale.
    await t.ctx.db.execute(sql`UPDATE jobs SET status = 'running', locked_by = ${DEAD_WORKER}, locked_at = now(), attempts = attempts + 1 WHERE id = ${jobId} AND status = 'queued'`);
    const job = await jobRow();
    const payload = job.payload as unknown as ImportPayload & { userId: string };
    const access = await loadUserAccess(t.ctx.db, payload.userId);
    const real = memberImportDefinition({ crypto: t.ctx.crypto, scope: access.scope, actor: { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null } });
    let batches = 0;
    const dying: ImportDefinition<MemberImportRow, StoredMemberRow> = {
      ...real,
      batchSize: 1000, // the real definition's batches are bigger; 1,000 keeps the figures below readable
      persist: async (tx, rows, opts) => {
        const done = await real.persist(tx, rows, opts);
        if (++batches === 2) throw new Error('kill -9 before COMMIT');
        return done;
      },
    };
    const progress = async (done: number, total?: number) => {
      await t.ctx.db.execute(sql`UPDATE jobs SET progress_done = ${done}, progress_total = coalesce(${total ?? null}::int, progress_total), locked_at = now() WHERE id = ${jobId} AND locked_by = ${DEAD_WORKER}`);
    };
    await expect(runImport({ job, db: t.ctx.db, progress }, dying, payload)).rejects.toThrow('kill -9 before COMMIT');
    expect(batches).toBe(2);

    const crashed = await jobRow();
    expect(crashed).toMatchObject({ status: 'running', lockedBy: DEAD_WORKER, attempts: 1, progressDone: 1000, progressTotal: ROWS });
    expect(crashed.checkpoint).toEqual({ row: 1001, total: 1000, valid: 1000, failed: 0, imported: 1000, updated: 0, skipped: 0 });
    expect(await stats()).toEqual({ n: 1000, ids: 1000 });
    expect(await memberCount(t)).toBe(before + 1000);
    expect(await memberCounterMismatches(t)).toEqual([]);
    expect(await counter(tree.unionA.id)).toBe(500);

    // while the dead worker's lock is fresh, no other worker may take the job over
    expect(await t.ctx.jobs.drain()).toBe(0);
    expect((await jobRow()).lockedBy).toBe(DEAD_WORKER);
  });

  it('once the lock is stale the job is re-queued and resumes after row 1001: exactly 2,500 members, counts right', async () => {
    // no heartbeat for longer than the runner's two-minute staleness limit
    await t.ctx.db.execute(sql`UPDATE jobs SET locked_at = now() - interval '10 minutes' WHERE id = ${jobId}`);
    const job = await finishJob<ImportOutcome>(t, shang, jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({ total: ROWS, valid: ROWS, failed: 0, imported: ROWS, updated: 0, skipped: 0, errors: [] });
    expect(job.progress).toEqual({ done: ROWS, total: ROWS });
    expect((await jobRow()).attempts).toBe(2);

    expect(await stats()).toEqual({ n: ROWS, ids: ROWS });
    expect(await memberCount(t)).toBe(before + ROWS);
    const stored = await queryRows<{ id_card_enc: string }>(t.ctx.db, sql`SELECT id_card_enc FROM members WHERE import_job_id = ${jobId}`);
    expect(stored.map((s) => t.ctx.crypto.decrypt(s.id_card_enc)).sort()).toEqual([...idCards].sort());
    expect(await memberCounterMismatches(t)).toEqual([]);
    expect([await counter(tree.unionA.id), await counter(tree.unionB.id)]).toEqual([ROWS / 2, ROWS / 2]);

    // one audit row per committed batch (the aborted one left none), after the upload's own; the
    // rerun uses the real definition's batch size (2,000), so the remaining 1,500 rows are one batch
    const audit = await auditRowsFor(t, 'member', jobId);
    expect(audit.map((a) => a.action)).toEqual(['data.import', 'data.import', 'data.import']);
    expect(audit.slice(1).map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      { firstRow: 2, lastRow: 1001, imported: 1000, updated: 0 },
      { firstRow: 1002, lastRow: 2501, imported: 1500, updated: 0 },
    ]);
  });

  it('even a rerun from the very start (checkpoint lost) adds nothing: every row is skipped as present', async () => {
    await t.ctx.db.execute(sql`UPDATE jobs SET status = 'queued', checkpoint = NULL, result = NULL, run_at = now() WHERE id = ${jobId}`);
    const job = await finishJob<ImportOutcome>(t, shang, jobId);
    expect(job.result).toMatchObject({ total: ROWS, valid: ROWS, imported: 0, skipped: ROWS });
    expect(await stats()).toEqual({ n: ROWS, ids: ROWS });
  });
});
