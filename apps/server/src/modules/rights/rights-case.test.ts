import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addWorkdays, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { auditRowsFor, paths } from '../../test-support/registry-fixtures.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { acceptedCase, caseBody, memberCase, rightsWorld, type RightsView, type RightsWorld } from './rights-fixtures.js';
import { decideUrgency, springFestivalWindow } from './rights-routing.js';

const today = () => shanghaiDate(new Date());

describe('维权案件: intake, routing, handling, outcome, satisfaction', () => {
  let w: RightsWorld;
  beforeAll(async () => {
    w = await rightsWorld('rc');
  }, 120_000);
  afterAll(() => w.t.close());

  it('routes to the district union of the employer location, else the chosen district, else the city', async () => {
    expect((await memberCase(w.workerA, { enterpriseId: w.entShang })).orgId).toBe(w.tree.shangcheng.id);
    // recorded under a 上城区 street union, but located in 西湖区: the location decides
    expect((await memberCase(w.workerA, { enterpriseId: w.entXihu })).orgId).toBe(w.tree.xihu.id);
    expect((await memberCase(w.workerC, { enterpriseName: '转塘某装修队', districtOrgId: w.tree.xihu.id })).orgId).toBe(w.tree.xihu.id);
    const unknown = await memberCase(w.workerC, { enterpriseName: '不知名快递站点' });
    expect(unknown.orgId).toBe(w.tree.city.id);
    expect(unknown.workflow).toMatchObject({ status: 'in_review', stepKey: 'accept_city', assigneeOrgId: w.tree.city.id });
  });

  it('takes a 12351 call with the phone stored encrypted and shown masked, and audits it', async () => {
    const r = await w.city.post<RightsView>('/rights/cases', { ...caseBody({ category: 'injury', amountClaimedFen: 0, workersAffected: 1 }), enterpriseId: w.entShang, callerName: '王大海', callerPhone: '13905710001' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.callerPhone).toBe('139****0001');
    const [row] = await queryRows<{ caller_phone_enc: string }>(w.t.ctx.db, sql`SELECT caller_phone_enc FROM rights_cases WHERE id = ${r.body.id}`);
    expect(row!.caller_phone_enc).not.toContain('13905710001');
    expect(w.t.ctx.crypto.decrypt(row!.caller_phone_enc)).toBe('13905710001');
    expect((await auditRowsFor(w.t, 'rights_case', r.body.id)).map((a) => a.action)).toEqual(['data.create', 'workflow.action']);
  });

  it('refuses bad input with 422 naming the field, and nothing is stored', async () => {
    const [before] = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM rights_cases`);
    const a = await w.workerA.post('/m/rights/cases', caseBody({ amountClaimedFen: 0 }));
    expect(a.status).toBe(422);
    expect(paths(a.body)).toContain('amountClaimedFen');
    const b = await w.workerA.post('/m/rights/cases', caseBody({ enterpriseName: undefined }));
    expect(paths(b.body)).toContain('enterpriseName');
    const c = await w.city.post('/rights/cases', { ...caseBody({ enterpriseId: w.entShang }), callerName: '李', callerPhone: '123' });
    expect(paths(c.body)).toContain('callerPhone');
    const d = await w.workerA.post('/m/rights/cases', caseBody({ enterpriseName: 'x', districtOrgId: w.tree.shangStreet.id }));
    expect(d.status).toBe(422);
    expect(paths(d.body)).toContain('districtOrgId');
    const [after] = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM rights_cases`);
    expect(after!.n).toBe(before!.n);
  });

  it('makes 群体性 (≥ 10 workers) and 欠薪 before 春节 紧急, with the shorter handling SLA', async () => {
    const group = await memberCase(w.workerA, { enterpriseId: w.entShang, workersAffected: 12 });
    expect(group).toMatchObject({ urgency: 'urgent', urgencyReason: '群体性(涉及12人)' });
    const jan = new Date('2027-01-10T02:00:00Z');
    expect(springFestivalWindow('2027-01-10')).toEqual({ from: '2026-12-06', to: '2027-02-06', springFestival: '2027-02-06' });
    expect(decideUrgency({ category: 'wage_arrears', workersAffected: 1 }, jan)).toEqual({ urgency: 'urgent', reason: '春节(2027-02-06)前欠薪' });
    expect(decideUrgency({ category: 'contract', workersAffected: 1 }, jan).urgency).toBe('normal');
    expect(decideUrgency({ category: 'wage_arrears', workersAffected: 1 }, new Date('2027-03-01T02:00:00Z')).urgency).toBe('normal');
    const accepted = (await w.shang.post<RightsView>(`/rights/cases/${group.id}/accept`, { decision: 'accept' })).body;
    expect(accepted.dueDate).toBe(addWorkdays(today(), 15));
    const normal = await acceptedCase(w.shang, w.workerA, { category: 'contract', amountClaimedFen: 0, workersAffected: 1, enterpriseId: w.entShang });
    expect(normal.dueDate).toBe(addWorkdays(today(), 30));
  });

  it('records steps, closes with the amount recovered, tells the worker, who rates it once', async () => {
    const c = await acceptedCase(w.shang, w.workerA, { enterpriseId: w.entShang, workersAffected: 3, amountClaimedFen: 4_500_000 });
    expect(c.phase).toBe('accepted');
    const s1 = await w.shang.post<RightsView>(`/rights/cases/${c.id}/steps`, { kind: 'consultation', stepDate: today(), note: '电话联系职工,解答劳动报酬相关规定' });
    expect(s1.body.phase).toBe('accepted');
    const s2 = await w.shang.post<RightsView>(`/rights/cases/${c.id}/steps`, { kind: 'mediation', stepDate: today(), handler: '周调解员', note: '约谈项目部负责人,达成分期支付协议' });
    expect(s2.body.phase).toBe('mediation');
    expect(s2.body.steps.map((s) => s.kind)).toEqual(['consultation', 'mediation']);
    expect((await w.shang.post(`/rights/cases/${c.id}/steps`, { kind: 'mediation', stepDate: '2099-01-01', note: 'x' })).status).toBe(422);
    // the worker may not rate before closing, nor close it
    expect((await w.workerA.post(`/m/rights/cases/${c.id}/rating`, { satisfaction: 'satisfied' })).status).toBe(409);
    expect((await w.shang.post(`/rights/cases/${c.id}/close`, { outcome: 'resolved', amountRecoveredFen: 4_500_000, workersPaid: 4, note: '已全部支付' })).status).toBe(422);
    const closed = await w.shang.post<RightsView>(`/rights/cases/${c.id}/close`, { outcome: 'resolved', amountRecoveredFen: 4_500_000, workersPaid: 3, note: '企业已足额支付三名职工工资' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ phase: 'closed', outcome: 'resolved', amountRecoveredFen: 4_500_000, workersPaid: 3 });
    expect(closed.body.workflow.status).toBe('approved');
    expect((await w.shang.post(`/rights/cases/${c.id}/steps`, { kind: 'mediation', stepDate: today(), note: '再次调解' })).status).toBe(409);
    const mine = await w.workerA.get<RightsView>(`/m/rights/cases/${c.id}`);
    expect(mine.body).toMatchObject({ phase: 'closed', amountRecoveredFen: 4_500_000, abilities: { canRate: true } });
    expect(mine.body.timeline).toEqual([]);
    const [note] = await queryRows<{ title: string }>(w.t.ctx.db, sql`SELECT title FROM notifications WHERE link = ${`/m/rights/${c.id}`} ORDER BY created_at DESC LIMIT 1`);
    expect(note!.title).toContain('已办结');
    const rated = await w.workerA.post<RightsView>(`/m/rights/cases/${c.id}/rating`, { satisfaction: 'basically', comment: '工资拿到了,希望更快一些' });
    expect(rated.body).toMatchObject({ satisfaction: 'basically', abilities: { canRate: false } });
    const again = await w.workerA.post(`/m/rights/cases/${c.id}/rating`, { satisfaction: 'dissatisfied' });
    expect(again.status).toBe(409);
    expect((await w.shang.get<RightsView>(`/rights/cases/${c.id}`)).body.satisfaction).toBe('basically');
    const actions = (await auditRowsFor(w.t, 'rights_case', c.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'data.update')).toHaveLength(4); // two steps, close, rating
  });

  it('rejects with a reason, and lets the worker withdraw only before acceptance', async () => {
    const c = await memberCase(w.workerA, { enterpriseId: w.entShang });
    expect((await w.shang.post(`/rights/cases/${c.id}/accept`, { decision: 'reject' })).status).toBe(422);
    const r = await w.shang.post<RightsView>(`/rights/cases/${c.id}/accept`, { decision: 'reject', opinion: '已由劳动监察立案处理' });
    expect(r.body.phase).toBe('rejected');
    const d = await memberCase(w.workerA, { enterpriseId: w.entShang });
    expect((await w.workerA.post<RightsView>(`/m/rights/cases/${d.id}/withdraw`)).body.phase).toBe('withdrawn');
    const e = await acceptedCase(w.shang, w.workerA, { enterpriseId: w.entShang });
    expect((await w.workerA.post(`/m/rights/cases/${e.id}/withdraw`)).status).toBe(409);
  });

  it('only the handling district acts: the city sees but cannot accept a district case', async () => {
    const c = await memberCase(w.workerA, { enterpriseId: w.entShang });
    const seen = await w.city.get<RightsView>(`/rights/cases/${c.id}`);
    expect(seen.body.abilities.canAccept).toBe(false);
    expect((await w.city.post(`/rights/cases/${c.id}/accept`, { decision: 'accept' })).status).toBe(403);
  });

  it('lists with filters and paging, exports xlsx and counts the 春节 campaign by district', async () => {
    const list = await w.shang.get<{ items: RightsView[]; total: number }>('/rights/cases?category=wage_arrears&phase=closed&pageSize=1');
    expect(list.body.total).toBe(1);
    expect(list.body.items).toHaveLength(1);
    const xi = await w.xihu.get<{ items: RightsView[]; total: number }>('/rights/cases');
    expect(xi.body.items.every((i) => i.orgId === w.tree.xihu.id)).toBe(true);
    const x = await rawRequest(w.t, w.shang, 'GET', '/api/rights/cases/export.xlsx?phase=closed');
    expect(x.status).toBe(200);
    const sheet = await readXlsx(x.body);
    expect(sheet[0]).toContain('追回金额(元)');
    expect(sheet.some((r) => r.includes(45000))).toBe(true);

    const camp = await w.city.get<{ rows: { orgId: string; cases: number; openCases: number; workersAffected: number; amountClaimedFen: number; amountRecoveredFen: number; workersPaid: number }[]; total: Record<string, number>; from: string; to: string }>(
      `/rights/campaign?from=${today()}&to=${addWorkdays(today(), 5)}`,
    );
    expect(camp.status, JSON.stringify(camp.body)).toBe(200);
    const [shangFacts] = await queryRows<{ cases: number; open: number; workers: number; claimed: number; recovered: number; paid: number }>(
      w.t.ctx.db,
      sql`SELECT count(*)::int AS cases, count(*) FILTER (WHERE phase IN ('new','accepted','mediation','referred'))::int AS open, sum(workers_affected)::int AS workers,
            sum(amount_claimed_fen)::int AS claimed, sum(amount_recovered_fen)::int AS recovered, sum(workers_paid)::int AS paid
          FROM rights_cases WHERE category = 'wage_arrears' AND org_id = ${w.tree.shangcheng.id}`,
    );
    const shang = camp.body.rows.find((r) => r.orgId === w.tree.shangcheng.id)!;
    expect(shang).toMatchObject({ cases: shangFacts!.cases, openCases: shangFacts!.open, workersAffected: shangFacts!.workers, amountClaimedFen: shangFacts!.claimed, amountRecoveredFen: 4_500_000, workersPaid: 3 });
    expect(camp.body.total.amountRecoveredFen).toBe(4_500_000);
    // a district sees its own row only; a window that ended before today leaves out the cases closed today… but keeps the open ones
    const own = await w.shang.get<{ rows: { orgId: string }[] }>('/rights/campaign');
    expect(own.body.rows.map((r) => r.orgId)).toEqual([w.tree.shangcheng.id]);
    const past = await w.city.get<{ rows: { orgId: string; cases: number; amountRecoveredFen: number }[] }>('/rights/campaign?from=2026-01-01&to=2026-02-16');
    expect(past.body.rows.every((r) => r.amountRecoveredFen === 0)).toBe(true);
  });
});
