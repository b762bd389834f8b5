import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, listAll, paths, registryTree, type MemberView, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

interface TransferView extends Problem {
  id: string;
  memberId: string;
  fromOrgId: string;
  toOrgId: string;
  initiatedByOrgId: string;
  crossDistrict: boolean;
  status: string;
  timeline: { action: string; username: string; opinion: string | null }[];
  abilities: { canApprove: boolean; canReject: boolean; canWithdraw: boolean };
}

describe('会员关系接转 (member transfers)', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let adminA: TestClient;
  let adminB: TestClient;
  let adminC: TestClient;
  let shangDist: TestClient;
  let xihuDist: TestClient;
  let gongDist: TestClient;
  let city: TestClient;
  let seq = 0;
  /** active members per union, kept by the test as it creates and moves them */
  const tally = new Map<string, number>();
  const bump = (orgId: string, d: number) => tally.set(orgId, (tally.get(orgId) ?? 0) + d);

  const newMember = async (orgId: string, name: string) => {
    seq++;
    const m = await createMember(city, { name, idCard: makeIdCard('330102', '19810101', 200 + seq), phone: makePhone('177', seq), orgId });
    bump(orgId, 1);
    return m;
  };
  const idCardOf = (n: number) => makeIdCard('330102', '19810101', 200 + n);
  const send = (c: TestClient, body: Record<string, unknown>) => c.post<TransferView>('/member-transfers', { reason: '工作调动', ...body });
  const act = (c: TestClient, id: string, action: string, opinion?: string) => c.post<TransferView>(`/member-transfers/${id}/actions`, { action, ...(opinion ? { opinion } : {}) });
  const inbox = (c: TestClient) => listAll<TransferView>(c, '/member-transfers', 'box=inbox');
  const counters = async (orgId: string) => (await queryRows<{ members: number }>(t.ctx.db, sql`SELECT members FROM org_counters WHERE org_id = ${orgId}`))[0]?.members ?? 0;
  const coverageMembers = async (c: TestClient, orgId: string) => {
    const r = await c.get<{ members: number }>(`/orgs/${orgId}/coverage`);
    expect(r.status).toBe(200);
    return r.body.members;
  };
  const expectCounts = async () => {
    for (const u of [tree.unionA, tree.unionB, tree.unionC]) {
      expect(await counters(u.id), u.name).toBe(tally.get(u.id) ?? 0);
      expect(await coverageMembers(city, u.id), u.name).toBe(tally.get(u.id) ?? 0);
    }
    expect(await coverageMembers(shangDist, tree.shangcheng.id)).toBe((tally.get(tree.unionA.id) ?? 0) + (tally.get(tree.unionB.id) ?? 0));
    expect(await coverageMembers(xihuDist, tree.xihu.id)).toBe(tally.get(tree.unionC.id) ?? 0);
  };
  const auditActions = async (id: string) => (await auditRowsFor(t, 'member_transfer', id)).map((a) => `${a.username}:${(JSON.parse(a.detail) as { action: string }).action}`);

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'T');
    adminA = await userClient(t, sys, 'tr_a', tree.unionA.id, ['grassroots_admin']);
    adminB = await userClient(t, sys, 'tr_b', tree.unionB.id, ['grassroots_admin']);
    adminC = await userClient(t, sys, 'tr_c', tree.unionC.id, ['grassroots_admin']);
    shangDist = await userClient(t, sys, 'tr_shang', tree.shangcheng.id, ['district_admin']);
    xihuDist = await userClient(t, sys, 'tr_xihu', tree.xihu.id, ['district_admin']);
    gongDist = await userClient(t, sys, 'tr_gong', tree.gongshu.id, ['district_admin']);
    city = await userClient(t, sys, 'tr_city', tree.city.id, ['city_admin']);
    for (let i = 0; i < 3; i++) await newMember(tree.unionB.id, `乙会员${i}`);
    await newMember(tree.unionC.id, '丙会员');
  });
  afterAll(() => t.close());

  it('within a district: the source sends, the target sees it in its inbox and approves; member, history and counters move', async () => {
    const m = await newMember(tree.unionA.id, '转出一');
    await expectCounts();
    const r = await send(adminA, { memberId: m.id, toOrgId: tree.unionB.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending_counterparty', crossDistrict: false, fromOrgId: tree.unionA.id, toOrgId: tree.unionB.id, initiatedByOrgId: tree.unionA.id });
    expect(r.body.abilities).toEqual({ canApprove: false, canReject: false, canWithdraw: true });
    const box = await inbox(adminB);
    expect(box.map((x) => x.id)).toEqual([r.body.id]);
    expect(box[0]!.abilities.canApprove).toBe(true);
    expect((await inbox(adminA)).map((x) => x.id)).not.toContain(r.body.id);
    expect((await adminA.get<MemberView>(`/members/${m.id}`)).body.abilities.canTransfer).toBe(true);

    const ok = await act(adminB, r.body.id, 'approve');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.timeline.map((e) => e.action)).toEqual(['submit', 'approve']);
    bump(tree.unionA.id, -1);
    bump(tree.unionB.id, 1);
    expect((await city.get<MemberView>(`/members/${m.id}`)).body.orgId).toBe(tree.unionB.id);
    expect((await adminA.get(`/members/${m.id}`)).status).toBe(404);
    expect((await adminB.get(`/members/${m.id}`)).status).toBe(200);
    const history = await city.get<{ action: string; changes: { orgId?: { from: string; to: string } } }[]>(`/members/${m.id}/history`);
    const last = history.body[history.body.length - 1]!;
    expect(last.action).toBe('transfer');
    expect(last.changes.orgId).toEqual({ from: tree.unionA.id, to: tree.unionB.id });
    await expectCounts();
    expect(await auditActions(r.body.id)).toEqual(['tr_a:submit', 'tr_b:approve']);
    expect(await inbox(adminB)).toEqual([]);
  });

  it('target-initiated by 身份证号: the source confirms', async () => {
    const m = await newMember(tree.unionA.id, '转出二');
    const wrongTarget = await send(adminB, { idCard: idCardOf(seq), toOrgId: tree.unionA.id });
    expect(wrongTarget.status).toBe(422);
    expect(paths(wrongTarget.body)).toEqual(['toOrgId']);
    const unknown = await send(adminB, { idCard: makeIdCard('330102', '19810101', 999), toOrgId: tree.unionB.id });
    expect(unknown.status).toBe(422);
    expect(paths(unknown.body)).toEqual(['idCard']);

    const r = await send(adminB, { idCard: idCardOf(seq).toLowerCase(), toOrgId: tree.unionB.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ memberId: m.id, fromOrgId: tree.unionA.id, initiatedByOrgId: tree.unionB.id, status: 'pending_counterparty' });
    expect(r.body.abilities).toMatchObject({ canApprove: false, canWithdraw: true });
    expect((await inbox(adminB)).map((x) => x.id)).not.toContain(r.body.id);
    const box = await inbox(adminA);
    expect(box.map((x) => x.id)).toEqual([r.body.id]);
    expect(box[0]!.abilities.canApprove).toBe(true);
    expect((await act(adminB, r.body.id, 'approve')).status).toBe(403);
    const ok = await act(adminA, r.body.id, 'approve');
    expect(ok.body.status).toBe('approved');
    bump(tree.unionA.id, -1);
    bump(tree.unionB.id, 1);
    expect((await adminB.get<MemberView>(`/members/${m.id}`)).body.orgId).toBe(tree.unionB.id);
    await expectCounts();
    expect(await auditActions(r.body.id)).toEqual(['tr_b:submit', 'tr_a:approve']);
  });

  it('across districts: after the counterparty it waits for the receiving district; others get 403 or 404', async () => {
    const m = await newMember(tree.unionA.id, '跨区一');
    const r = await send(adminA, { memberId: m.id, toOrgId: tree.unionC.id });
    expect(r.status).toBe(201);
    expect(r.body.crossDistrict).toBe(true);
    expect((await inbox(adminC)).map((x) => x.id)).toEqual([r.body.id]);
    const first = await act(adminC, r.body.id, 'approve');
    expect(first.body.status).toBe('pending_district');
    expect((await city.get<MemberView>(`/members/${m.id}`)).body.orgId).toBe(tree.unionA.id);
    await expectCounts();

    expect((await act(adminC, r.body.id, 'approve')).status).toBe(403);
    expect((await act(adminA, r.body.id, 'approve')).status).toBe(403);
    expect((await act(shangDist, r.body.id, 'approve')).status).toBe(403);
    expect((await inbox(shangDist)).map((x) => x.id)).not.toContain(r.body.id);
    expect((await act(gongDist, r.body.id, 'approve')).status).toBe(404);
    expect((await gongDist.get(`/member-transfers/${r.body.id}`)).status).toBe(404);
    expect((await listAll<TransferView>(gongDist, '/member-transfers', 'box=all')).map((x) => x.id)).not.toContain(r.body.id);

    const box = await inbox(xihuDist);
    expect(box.map((x) => x.id)).toEqual([r.body.id]);
    expect(box[0]!.abilities.canApprove).toBe(true);
    const done = await act(xihuDist, r.body.id, 'approve', '同意转入');
    expect(done.body.status).toBe('approved');
    expect(done.body.timeline.map((e) => e.action)).toEqual(['submit', 'approve', 'approve']);
    bump(tree.unionA.id, -1);
    bump(tree.unionC.id, 1);
    expect((await adminC.get<MemberView>(`/members/${m.id}`)).body.orgId).toBe(tree.unionC.id);
    await expectCounts();
    expect(await auditActions(r.body.id)).toEqual(['tr_a:submit', 'tr_c:approve', 'tr_xihu:approve']);

    // the city may take the district step too; the way back is cross-district as well
    const back = await send(adminC, { memberId: m.id, toOrgId: tree.unionA.id });
    expect(back.body.crossDistrict).toBe(true);
    expect((await act(adminA, back.body.id, 'approve')).body.status).toBe('pending_district');
    expect((await act(xihuDist, back.body.id, 'approve')).status).toBe(403);
    expect((await act(city, back.body.id, 'approve')).body.status).toBe('approved');
    bump(tree.unionC.id, -1);
    bump(tree.unionA.id, 1);
    await expectCounts();
  });

  it('a rejection needs an opinion and ends the transfer', async () => {
    const m = await newMember(tree.unionA.id, '退回一');
    const r = await send(adminA, { memberId: m.id, toOrgId: tree.unionB.id });
    const noOpinion = await act(adminB, r.body.id, 'reject');
    expect(noOpinion.status).toBe(422);
    expect(paths(noOpinion.body)).toEqual(['opinion']);
    const rej = await act(adminB, r.body.id, 'reject', '该同志尚未办理离职手续');
    expect(rej.status).toBe(200);
    expect(rej.body.status).toBe('rejected');
    expect(rej.body.timeline[1]).toMatchObject({ action: 'reject', opinion: '该同志尚未办理离职手续' });
    for (const [c, action] of [[adminB, 'approve'], [adminA, 'withdraw'], [adminB, 'reject']] as const) {
      const again = await act(c, r.body.id, action, '再次操作');
      expect(again.status, action).toBe(409);
    }
    expect((await city.get<MemberView>(`/members/${m.id}`)).body.orgId).toBe(tree.unionA.id);
    await expectCounts();
    expect(await auditActions(r.body.id)).toEqual(['tr_a:submit', 'tr_b:reject']);
  });

  it('the initiator (only) may withdraw; a finished transfer takes no further action', async () => {
    const m = await newMember(tree.unionA.id, '撤回一');
    const r = await send(adminA, { memberId: m.id, toOrgId: tree.unionB.id });
    expect((await act(adminB, r.body.id, 'withdraw')).status).toBe(403);
    const w = await act(adminA, r.body.id, 'withdraw');
    expect(w.body.status).toBe('withdrawn');
    expect((await act(adminB, r.body.id, 'approve')).status).toBe(409);
    expect((await act(adminA, r.body.id, 'withdraw')).status).toBe(409);
    expect(await auditActions(r.body.id)).toEqual(['tr_a:submit', 'tr_a:withdraw']);
    // after the withdrawal a new request for the same member is allowed
    const again = await send(adminA, { memberId: m.id, toOrgId: tree.unionB.id });
    expect(again.status).toBe(201);
    expect((await act(adminB, again.body.id, 'approve')).body.status).toBe('approved');
    expect((await act(adminB, again.body.id, 'reject', '反悔')).status).toBe(409);
    bump(tree.unionA.id, -1);
    bump(tree.unionB.id, 1);
    await expectCounts();
  });

  it('refuses to start a transfer for a member who is not 在册', async () => {
    const gone = await newMember(tree.unionA.id, '已退会');
    expect((await city.post(`/members/${gone.id}/status`, { status: 'withdrawn', date: '2025-02-01', reason: '退会', version: gone.version })).status).toBe(200);
    bump(tree.unionA.id, -1);
    const r = await send(adminA, { memberId: gone.id, toOrgId: tree.unionB.id });
    expect([409, 422], JSON.stringify(r.body)).toContain(r.status);
    const rows = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM member_transfers WHERE member_id = ${gone.id}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('cannot complete a transfer whose member left in the meantime (409), and nothing moves', async () => {
    const m = await newMember(tree.unionA.id, '中途退会');
    const r = await send(adminA, { memberId: m.id, toOrgId: tree.unionB.id });
    expect((await city.post(`/members/${m.id}/status`, { status: 'retired', date: '2025-02-01', reason: '退休', version: m.version })).status).toBe(200);
    bump(tree.unionA.id, -1);
    const ok = await act(adminB, r.body.id, 'approve');
    expect(ok.status).toBe(409);
    expect((await adminA.get<TransferView>(`/member-transfers/${r.body.id}`)).body.status).toBe('pending_counterparty');
    expect((await city.get<MemberView>(`/members/${m.id}`)).body).toMatchObject({ orgId: tree.unionA.id, status: 'retired' });
    await expectCounts();
    expect((await act(adminA, r.body.id, 'withdraw')).body.status).toBe('withdrawn');
  });

  it('refuses a second open transfer for the same member (409), from either side', async () => {
    const m = await newMember(tree.unionA.id, '重复一');
    const first = await send(adminA, { memberId: m.id, toOrgId: tree.unionB.id });
    expect(first.status).toBe(201);
    const dupSource = await send(adminA, { memberId: m.id, toOrgId: tree.unionC.id });
    expect(dupSource.status).toBe(409);
    const dupTarget = await send(adminC, { idCard: idCardOf(seq), toOrgId: tree.unionC.id });
    expect(dupTarget.status).toBe(409);
    const open = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM member_transfers WHERE member_id = ${m.id} AND status IN ('pending_counterparty','pending_district')`);
    expect(open[0]!.n).toBe(1);
    // a transfer to the union the member is already in is refused
    const same = await send(adminA, { memberId: (await newMember(tree.unionA.id, '原地')).id, toOrgId: tree.unionA.id });
    expect(same.status).toBe(422);
    expect(paths(same.body)).toEqual(['toOrgId']);
  });
});
