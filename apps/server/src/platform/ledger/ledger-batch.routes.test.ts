import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payout, PayoutBatch } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, listAll, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { pay, payoutInput, seedFund } from '../../test-support/ledger-fixtures.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';

interface Created extends Problem {
  batch: PayoutBatch;
  skippedWithoutAccount: number;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('payouts and bank batches: create, export, mark paid; masking, scope, permissions, audit', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let viewer: TestClient;
  let fundId: string;
  let batch: PayoutBatch;
  const accounts = ['6222021234567890123', '6217001234000012345'];

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'B');
    shang = await userClient(t, sys, 'batch_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'batch_xihu', tree.xihu.id, ['district_admin']);
    // a custom role that may look at funds but neither export nor confirm
    const sec = await t.login('secadmin');
    const role = await sec.post('/roles', { code: 'fund_viewer', name: '资金查询员', scope: 'unit_and_below', permissions: ['ledger:fund:list'] });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    viewer = await userClient(t, sys, 'batch_viewer', tree.shangcheng.id, ['fund_viewer']);

    fundId = await seedFund(t, { orgId: tree.shangcheng.id, name: '上城区困难职工帮扶资金', incomeFen: 10_000_000 });
    const enc = (a: string) => ({ payeeAccountEnc: t.ctx.crypto.encrypt(a), payeeAccountMasked: `${'*'.repeat(a.length - 4)}${a.slice(-4)}` });
    await pay(t, payoutInput(t, fundId, tree.unionA.id, { payeeName: '张建国', amountFen: 200_000, ...enc(accounts[0]!) }));
    await pay(t, payoutInput(t, fundId, tree.unionB.id, { payeeName: '=HYPERLINK("http://x")', amountFen: 123_450, ...enc(accounts[1]!) }));
    await pay(t, payoutInput(t, fundId, tree.unionB.id, { payeeName: '无卡职工', amountFen: 10_000, payeeAccountEnc: null, payeeAccountMasked: null }));
  });
  afterAll(() => t.close());

  it('lists payouts with the payee account masked, never in full', async () => {
    const r = await shang.get<{ items: Payout[]; total: number }>(`/payouts?fundId=${fundId}`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3);
    expect(r.body.items.map((p) => p.payeeAccount).sort()).toEqual(['***************0123', '***************2345', null]);
    for (const a of accounts) expect(JSON.stringify(r.body)).not.toContain(a);
    expect(r.body.items.every((p) => p.status === 'pending' && p.programmeLabel === '春风行动/困难帮扶' && p.fundName === '上城区困难职工帮扶资金')).toBe(true);
    expect((await listAll<Payout>(xihu, '/payouts')).filter((p) => p.fundId === fundId)).toEqual([]);
  });

  it('puts the pending payouts with an account into a batch (exported); a second try is a 409; audited', async () => {
    expect((await viewer.post(`/funds/${fundId}/batches`)).status).toBe(403);
    expect((await xihu.post(`/funds/${fundId}/batches`)).status).toBe(404);
    const r = await shang.post<Created>(`/funds/${fundId}/batches`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    batch = r.body.batch;
    expect(r.body.skippedWithoutAccount).toBe(1);
    expect(batch).toMatchObject({ fundId, status: 'exported', count: 2, totalFen: 323_450, paidAt: null, bankReference: null, createdByName: 'batch_shang', abilities: { canExport: true, canConfirm: true } });
    const batched = await shang.get<{ items: Payout[] }>(`/payouts?batchId=${batch.id}`);
    expect(batched.body.items.map((p) => p.status)).toEqual(['batched', 'batched']);

    const again = await shang.post<Problem>(`/funds/${fundId}/batches`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('未登记银行账号');
    const audit = await auditRowsFor(t, 'payout_batch', batch.id);
    expect(audit.map((a) => a.action)).toEqual(['ledger.batch']);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ event: 'create', fundId, count: 2, totalFen: 323_450 });
  });

  it('a fund with nothing pending answers 409', async () => {
    const empty = await seedFund(t, { orgId: tree.shangcheng.id, incomeFen: 100 });
    const r = await shang.post<Problem>(`/funds/${empty}/batches`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('NOTHING_PENDING');
  });

  it('lists batches within scope only', async () => {
    expect((await listAll<PayoutBatch>(shang, '/payout-batches')).map((b) => b.id)).toContain(batch.id);
    expect((await listAll<PayoutBatch>(xihu, '/payout-batches')).map((b) => b.id)).not.toContain(batch.id);
    const viewed = (await listAll<PayoutBatch>(viewer, '/payout-batches', `fundId=${fundId}`))[0];
    expect(viewed?.abilities).toEqual({ canExport: false, canConfirm: false });
  });

  it('exports the bank file: full accounts, 元 with two decimals, formula-escaped names; audited as data.export', async () => {
    expect((await rawRequest(t, viewer, 'GET', `/api/payout-batches/${batch.id}/export.xlsx`)).status).toBe(403);
    expect((await rawRequest(t, xihu, 'GET', `/api/payout-batches/${batch.id}/export.xlsx`)).status).toBe(404);
    const before = (await auditRowsFor(t, 'payout_batch', batch.id)).length;
    const r = await rawRequest(t, shang, 'GET', `/api/payout-batches/${batch.id}/export.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_MIME);
    expect(String(r.headers['content-disposition'])).toContain('attachment');
    expect(String(r.headers['cache-control'])).toContain('no-store');
    const rows = await readXlsx(r.body);
    expect(rows).toEqual([
      ['序号', '户名', '账号', '金额(元)', '用途'],
      [1, '张建国', accounts[0], '2000.00', '春风行动/困难帮扶'],
      [2, `'=HYPERLINK("http://x")`, accounts[1], '1234.50', '春风行动/困难帮扶'],
    ]);
    const audit = await auditRowsFor(t, 'payout_batch', batch.id);
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'data.export', username: 'batch_shang' });
    expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({ kind: 'bank_file', rows: 2, totalFen: 323_450, unmasked: true });
    // the full account number is in the file for the bank, never in the audit log
    expect(audit.map((a) => a.detail).join()).not.toContain(accounts[0]);
  });

  it('marks the batch and its payouts paid once (409 the second time), audited; needs the confirm permission and scope', async () => {
    expect((await viewer.post(`/payout-batches/${batch.id}/paid`, { bankReference: 'X' })).status).toBe(403);
    expect((await xihu.post(`/payout-batches/${batch.id}/paid`, { bankReference: 'X' })).status).toBe(404);
    expect((await shang.post<Problem>(`/payout-batches/${batch.id}/paid`, { bankReference: ' ' })).status).toBe(422);
    const r = await shang.post<PayoutBatch>(`/payout-batches/${batch.id}/paid`, { bankReference: 'ICBC-20250601-0001' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'paid', bankReference: 'ICBC-20250601-0001', abilities: { canConfirm: false } });
    expect(r.body.paidAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await shang.post<Problem>(`/payout-batches/${batch.id}/paid`, { bankReference: 'ICBC-20250601-0002' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_PAID');
    const payouts = await shang.get<{ items: Payout[] }>(`/payouts?batchId=${batch.id}`);
    expect(payouts.body.items.map((p) => p.status)).toEqual(['paid', 'paid']);
    expect(payouts.body.items.every((p) => p.paidAt)).toBe(true);
    // the payout without an account is still waiting
    expect((await shang.get<{ total: number }>(`/payouts?fundId=${fundId}&status=pending`)).body.total).toBe(1);
    expect((await listAll<PayoutBatch>(shang, '/payout-batches', 'status=paid')).map((b) => b.id)).toEqual([batch.id]);
    const audit = (await auditRowsFor(t, 'payout_batch', batch.id)).filter((a) => a.action === 'ledger.batch');
    expect(audit.map((a) => (JSON.parse(a.detail) as { event: string }).event)).toEqual(['create', 'paid']);
    // a paid batch can still be downloaded again for the records
    expect((await rawRequest(t, shang, 'GET', `/api/payout-batches/${batch.id}/export.xlsx`)).status).toBe(200);
  });
});
