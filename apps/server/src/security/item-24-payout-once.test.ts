import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { demoClient } from '../test-support/demo-clients.js';
import { sourceFilesUnder } from '../test-support/source-files.js';
import type { TestClient } from '../test-support/test-client.js';
import { queryRows } from '../platform/db/db-connection.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { payOnce, type Payout } from '../platform/ledger/ledger.service.js';

const SRC = join(import.meta.dirname, '..');

/** Every route that pays money out over HTTP with an `Idempotency-Key`: where its payable records are and what it is sent. */
interface PayRoute {
  path: (id: string) => string;
  businessType: string;
  /** records not yet paid, in the demo data */
  unpaid: string;
  body: (fundId: string) => Record<string, unknown>;
  /** whether the route takes the fund in its body (then a record is probed with a fund that does not exist) */
  probe: boolean;
  /** a step before paying (e.g. the city's approval of a 工匠 the demo left awaiting it) */
  prepare?: (c: TestClient, id: string) => Promise<unknown>;
}
const PAY_ROUTES: Record<string, PayRoute> = {
  '/api/aid/applications/:id/disburse': {
    path: (id) => `/aid/applications/${id}/disburse`,
    businessType: 'aid.application',
    unpaid: `SELECT w.business_id::text AS id FROM workflow_instances w JOIN aid_applications a ON a.id = w.business_id WHERE w.business_type = 'aid.application' AND w.status = 'approved' AND a.payout_id IS NULL`,
    body: (fundId) => ({ fundId }),
    probe: true,
  },
  '/api/mutual-aid/claims/:id/pay': {
    path: (id) => `/mutual-aid/claims/${id}/pay`,
    businessType: 'mutual_aid.claim',
    unpaid: `SELECT c.id::text AS id FROM mutual_aid_claims c JOIN workflow_instances w ON w.business_id = c.id JOIN members m ON m.id = c.member_id
             WHERE w.status = 'approved' AND c.payout_id IS NULL AND c.computed_fen > 0 AND m.bank_account_enc IS NOT NULL`,
    body: () => ({}),
    probe: false,
  },
  '/api/honours/craftsman/nominations/:id/award': {
    path: (id) => `/honours/craftsman/nominations/${id}/award`,
    businessType: 'honours.craftsman',
    unpaid: `SELECT n.id::text AS id FROM craftsman_nominations n JOIN workflow_instances w ON w.business_id = n.id WHERE w.status = 'approved' AND n.decision = 'craftsman' AND n.payout_id IS NULL`,
    body: (fundId) => ({ fundId }),
    probe: true,
    prepare: (c, id) => c.post(`/honours/craftsman/nominations/${id}/city-approval`),
  },
  '/api/innovations/:id/reward': {
    path: (id) => `/innovations/${id}/reward`,
    businessType: 'innovation.submission',
    unpaid: `SELECT id::text AS id FROM innovations WHERE adopted_on IS NOT NULL AND payout_id IS NULL AND member_id IS NOT NULL`,
    body: (fundId) => ({ fundId, rewardFen: 120_000 }),
    probe: true,
  },
};

const figures = async (t: TestApp, fundId: string) =>
  (
    await queryRows<{ balance: string; entries: number; payouts: number; benefits: number }>(
      t.ctx.db,
      sql`SELECT (SELECT coalesce(sum(amount_fen), 0)::text FROM ledger_entries WHERE fund_id = ${fundId}) AS balance,
                 (SELECT count(*)::int FROM ledger_entries WHERE fund_id = ${fundId}) AS entries,
                 (SELECT count(*)::int FROM payouts WHERE fund_id = ${fundId}) AS payouts,
                 (SELECT count(*)::int FROM benefit_records) AS benefits`,
    )
  )[0]!;

describe('security.md item 24: a payout (aid, claim, subsidy, award) happens once — business-key constraint, Idempotency-Key replay, a batch run twice pays once', () => {
  let t: TestApp;
  let city: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 180_000);
  afterAll(() => t.close());

  it('money leaves only through ledger payOnce, and the database holds the business key and the Idempotency-Key unique', async () => {
    const writers = sourceFilesUnder(SRC).filter((f) => /insert\(payouts\)|INSERT INTO payouts/i.test(readFileSync(f, 'utf8')));
    expect(writers.map((f) => relative(SRC, f))).toEqual(['platform/ledger/ledger.service.ts']);
    const indexes = await queryRows<{ name: string; def: string }>(t.ctx.db, sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename IN ('payouts', 'ledger_entries') AND indexdef LIKE 'CREATE UNIQUE%'`);
    const def = (name: string) => indexes.find((i) => i.name === name)?.def ?? '';
    expect(def('payouts_business_unique')).toMatch(/\(business_type, business_key\)/);
    expect(def('payouts_idempotency_unique')).toMatch(/\(idempotency_key\)/);
    expect(def('ledger_entries_business_unique')).toMatch(/business_type, business_key/);
  });

  it('every kind of payout in the demo data: paying its business key again (3 at once, new keys) replays the first payout and moves no money; a copied row is refused', async () => {
    const firsts = await queryRows<Payout & { fund_id: string; business_type: string; business_key: string; amount_fen: number; member_id: string | null; household_id: string | null; org_id: string | null; payee_name: string; programme: string }>(
      t.ctx.db,
      sql`SELECT DISTINCT ON (business_type) * FROM payouts ORDER BY business_type, created_at`,
    );
    expect(firsts.map((p) => p.business_type)).toEqual(expect.arrayContaining(Object.values(PAY_ROUTES).map((r) => r.businessType).concat('condolence.visit')));
    for (const p of firsts) {
      const before = await figures(t, p.fund_id);
      const input = { fundId: p.fund_id, businessType: p.business_type, businessKey: p.business_key, programme: p.programme, amountFen: Number(p.amount_fen), memberId: p.member_id, householdId: p.household_id, orgId: p.org_id, payeeName: p.payee_name, payeeAccountEnc: null, payeeAccountMasked: null, campaignId: null, description: '重放', createdBy: null };
      const again = await Promise.all([1, 2, 3].map((i) => t.ctx.db.transaction((tx) => payOnce(tx, { ...input, idempotencyKey: `replay-${p.business_type}-${i}` }))));
      expect(again.map((r) => [r.replayed, r.payout.id])).toEqual([1, 2, 3].map(() => [true, p.id]));
      expect(await figures(t, p.fund_id)).toEqual(before);
      const copy = await t.ctx.db
        .execute(sql`INSERT INTO payouts (fund_id, business_type, business_key, request_hash, programme, amount_fen, payee_name, entry_id) SELECT fund_id, business_type, business_key, 'x', programme, amount_fen, payee_name, entry_id FROM payouts WHERE id = ${p.id}`)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isUniqueViolation(copy), `${p.business_type}: ${String(copy)}`).toBe(true);
    }
  });

  it('every payout route with Idempotency-Key is listed here (from the OpenAPI document)', async () => {
    const doc = (await t.client().get<{ paths: Record<string, Record<string, { summary?: string }>> }>('/openapi.json')).body;
    const idempotent = Object.entries(doc.paths).flatMap(([path, ops]) => Object.values(ops).some((o) => /幂等|Idempotency/i.test(o.summary ?? '')) ? [path.replace(/\{(\w+)\}/g, ':$1')] : []);
    expect(idempotent.sort()).toEqual(Object.keys(PAY_ROUTES).sort());
  });

  for (const [route, r] of Object.entries(PAY_ROUTES)) {
    it(`${route}: 4 racing requests (2 keys) pay once; replaying a key returns the first answer; the key with another request is refused`, async () => {
      const [fund] = await queryRows<{ fund_id: string }>(t.ctx.db, sql`SELECT fund_id FROM payouts WHERE business_type = ${r.businessType} LIMIT 1`);
      const fundId = fund!.fund_id;
      const send = (id: string, key: string, body = r.body(fundId)) => city.req<{ replayed: boolean }>('POST', r.path(id), body, { headers: { 'idempotency-key': key } });
      const candidates = await queryRows<{ id: string }>(t.ctx.db, sql.raw(r.unpaid));
      let picked: string | null = null;
      for (const c of candidates.slice(0, 12)) {
        if (!r.probe) {
          picked = c.id;
          break;
        }
        await r.prepare?.(city, c.id);
        // a fund that does not exist: a payable record fails only there (422 on fundId), paying nothing
        const dry = await city.req<{ errors?: { path: string }[] }>('POST', r.path(c.id), r.body('00000000-0000-4000-8000-000000000000'), { headers: { 'idempotency-key': `probe-${c.id}` } });
        if (dry.body.errors?.[0]?.path === 'fundId') {
          picked = c.id;
          break;
        }
      }
      expect(picked, `${route}: a payable record in the demo data`).not.toBeNull();
      const before = await figures(t, fundId);
      const [k1, k2] = [`k1-${picked}`, `k2-${picked}`];
      const race = await Promise.all([send(picked!, k1), send(picked!, k2), send(picked!, k1), send(picked!, k2)]);
      expect(race.map((a) => a.status), JSON.stringify(race.map((a) => a.body))).toEqual([200, 200, 200, 200]);
      expect(race.filter((a) => !a.body.replayed)).toHaveLength(1);
      const first = race.find((a) => !a.body.replayed)!;
      const replay = await send(picked!, k1);
      expect(replay.status).toBe(200);
      expect({ ...replay.body, replayed: false }).toEqual(first.body);
      const paid = await queryRows<{ n: number; fen: string }>(t.ctx.db, sql`SELECT count(*)::int AS n, sum(amount_fen)::text AS fen FROM payouts WHERE business_type = ${r.businessType} AND business_key = ${picked}`);
      expect(paid[0]!.n).toBe(1);
      const after = await figures(t, fundId);
      expect(Number(before.balance) - Number(after.balance)).toBe(Number(paid[0]!.fen));
      expect(after.payouts - before.payouts).toBe(1);
      if (r.probe) {
        // the key with another request (another fund): refused, or answered with the first payout; never a second payment
        const other = await send(picked!, k1, { ...r.body(fundId), fundId: '00000000-0000-4000-8000-000000000001' });
        if (other.status === 200) expect(other.body).toEqual(replay.body);
        else expect([409, 422]).toContain(other.status);
        expect(await figures(t, fundId)).toEqual(after);
      }
    });
  }

  it('a bank payout batch run twice pays once: the second run finds nothing pending (409), a second confirmation is refused', async () => {
    const [f] = await queryRows<{ fund_id: string }>(t.ctx.db, sql`SELECT fund_id FROM payouts WHERE status = 'pending' AND payee_account_enc IS NOT NULL GROUP BY fund_id ORDER BY count(*) DESC LIMIT 1`);
    const fundId = f!.fund_id;
    const runs = await Promise.all([city.post<{ batch: { id: string; count: number } }>(`/funds/${fundId}/batches`), city.post<{ batch: { id: string; count: number } }>(`/funds/${fundId}/batches`)]);
    expect(runs.map((x) => x.status).sort()).toEqual([201, 409]);
    const batch = runs.find((x) => x.status === 201)!.body.batch;
    const [inBatch] = await queryRows<{ n: number; d: number }>(t.ctx.db, sql`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM payouts WHERE batch_id = ${batch.id}`);
    expect(inBatch).toEqual({ n: batch.count, d: batch.count });
    expect((await city.post(`/funds/${fundId}/batches`)).status).toBe(409);
    const before = await figures(t, fundId);
    const confirms = await Promise.all([city.post(`/payout-batches/${batch.id}/paid`, { bankReference: 'ICBC-20261125-0001' }), city.post(`/payout-batches/${batch.id}/paid`, { bankReference: 'ICBC-20261125-0002' })]);
    expect(confirms.map((x) => x.status).sort()).toEqual([200, 409]);
    const [paid] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM payouts WHERE batch_id = ${batch.id} AND status = 'paid'`);
    expect(paid!.n).toBe(batch.count);
    expect(await figures(t, fundId)).toEqual(before);
  });

  it('a dues collection batch confirmed twice at once posts one ledger entry (the batch id is its business key)', async () => {
    const [b] = await queryRows<{ id: string; version: number }>(
      t.ctx.db,
      sql`SELECT x.id, x.version FROM dues_batches x WHERE x.status = 'draft' AND EXISTS (SELECT 1 FROM dues_batch_lines l WHERE l.batch_id = x.id AND l.paid_fen > 0) LIMIT 1`,
    );
    expect(b, 'a draft dues batch with money in the demo data').toBeDefined();
    const confirm = () => city.post<{ status: string }>(`/finance/dues/batches/${b!.id}/confirm`, { version: b!.version });
    const answers = await Promise.all([confirm(), confirm(), confirm()]);
    expect(answers.map((a) => [a.status, a.body.status])).toEqual([1, 2, 3].map(() => [200, 'confirmed']));
    const [entries] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM ledger_entries WHERE business_type = 'dues_batch' AND business_key = ${b!.id}`);
    expect(entries!.n).toBe(1);
  });
});
