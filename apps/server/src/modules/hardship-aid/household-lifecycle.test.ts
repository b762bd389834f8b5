import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SubsistenceSettings } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { auditRowsFor, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { establish, factsOf, headMember, incomeFor, lastTwelveMonths, totalAt, type HouseholdItemView, type HouseholdView } from './household-test-fixtures.js';
import { registerHouseholdJobs, HOUSEHOLD_REVIEW_DUE_JOB } from './household-jobs.js';
import { findHouseholdForAid } from './household-aid.js';
import { addMonths } from './household-tier.js';

/** the audit log keeps its detail as canonical JSON text */
const detailOf = (d: unknown): unknown => (typeof d === 'string' ? JSON.parse(d) : d);

describe('困难职工档案 lifecycle: 复核, 退出, the review-due job, 低保 lines per district and year', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  const today = shanghaiDate(new Date());
  const shiftDue = (id: string, date: string) => t.ctx.db.execute(sql`UPDATE hardship_households SET next_review_on = ${date}::date WHERE id = ${id}`);
  const get = async (c: TestClient, id: string) => (await c.get<HouseholdView>(`/aid/households/${id}`)).body;

  beforeAll(async () => {
    t = await createTestApp();
    registerHouseholdJobs(t.ctx.jobs, { crypto: t.ctx.crypto });
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'L');
    shang = await userClient(t, sys, 'hl_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'hl_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'hl_city', tree.city.id, ['city_admin']);
  });
  afterAll(() => t.close());

  it('the job marks households whose 复核 date has come as 待复核 (audited); due-soon ones are flagged but stay 在档', async () => {
    const due = await establish(shang, await headMember(shang, tree.unionA.id, '黄志强'), 800);
    const soon = await establish(shang, await headMember(shang, tree.unionA.id, '徐海燕'), 800);
    const later = await establish(shang, await headMember(shang, tree.unionB.id, '马春梅'), 800);
    expect(due.nextReviewOn).toBe(addMonths(today, 12));
    await shiftDue(due.id, today);
    const soonDate = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    await shiftDue(soon.id, soonDate);
    await t.ctx.jobs.enqueue(HOUSEHOLD_REVIEW_DUE_JOB, { recurring: true });
    expect(await t.ctx.jobs.drain()).toBeGreaterThanOrEqual(1);
    expect(await get(shang, due.id)).toMatchObject({ status: 'review_due', reviewOverdue: true, reviewDueSoon: false });
    expect(await get(shang, soon.id)).toMatchObject({ status: 'active', reviewOverdue: false, reviewDueSoon: true });
    expect(await get(shang, later.id)).toMatchObject({ status: 'active', reviewOverdue: false, reviewDueSoon: false });
    const audit = await auditRowsFor(t, 'hardship_household', due.id);
    expect(audit.at(-1)).toMatchObject({ action: 'data.update', username: 'system' });
    const list = await shang.get<Page<HouseholdItemView>>('/aid/households?reviewDue=true');
    expect(list.body.items.map((h) => h.id).sort()).toEqual([due.id, soon.id].sort());
    const marked = await shang.get<Page<HouseholdItemView>>('/aid/households?status=review_due');
    expect(marked.body.items.map((h) => h.id)).toEqual([due.id]);
  });

  it('复核: income entered again, tier recomputed, back to 在档 with the next review a year on; dates checked', async () => {
    const h = await establish(shang, await headMember(shang, tree.unionA.id, '胡国平'), 800);
    await shiftDue(h.id, today);
    await t.ctx.jobs.enqueue(HOUSEHOLD_REVIEW_DUE_JOB, {});
    await t.ctx.jobs.drain();
    const current = await get(shang, h.id);
    expect(current.status).toBe('review_due');
    const future = await shang.post<Problem>(`/aid/households/${h.id}/review`, { ...factsOf(current), opinion: '入户核实', reviewedOn: '2099-01-01', version: current.version });
    expect(future.status).toBe(422);
    expect(paths(future.body)).toEqual(['reviewedOn']);
    const noOpinion = await shang.post<Problem>(`/aid/households/${h.id}/review`, { ...factsOf(current), version: current.version });
    expect(noOpinion.status).toBe(422);
    expect(noOpinion.body.errors).toEqual([{ path: 'opinion', message: '请填写复核意见' }]);

    const r = await shang.post<HouseholdView>(`/aid/households/${h.id}/review`, { ...factsOf(current, { monthlyIncome: incomeFor(totalAt(1300, 3)) }), opinion: '配偶已再就业,收入有所提高', version: current.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'active', tier: 'relative', lastReviewedOn: today, nextReviewOn: addMonths(today, 12), reviewOverdue: false });
    expect(r.body.reviews[0]).toMatchObject({ kind: 'review', tier: 'relative', eligible: true, opinion: '配偶已再就业,收入有所提高', username: 'hl_shang' });
  });

  it('复核 that no longer qualifies exits the household with the reason; an exited household is read-only (409)', async () => {
    const head = await headMember(shang, tree.unionB.id, '朱文斌');
    const h = await establish(shang, head, 1200);
    const r = await shang.post<HouseholdView>(`/aid/households/${h.id}/review`, { ...factsOf(h, { monthlyIncome: incomeFor(totalAt(2600, 3)) }), opinion: '本人已晋升车间主任', version: h.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'exited', tier: null, exitReason: 'review_ineligible', exitedOn: today, abilities: { canEdit: false, canReview: false, canExit: false } });
    expect(r.body.exitNote).toContain('不符合困难职工建档标准');
    expect(r.body.reviews.map((x) => x.kind)).toEqual(['exit', 'review', 'establish']);
    expect(r.body.reviews[1]).toMatchObject({ eligible: false, tier: null });

    const v = r.body.version;
    expect((await shang.post<Problem>(`/aid/households/${h.id}/review`, { ...factsOf(h), opinion: '再次复核', version: v })).body.code).toBe('ILLEGAL_TRANSITION');
    expect((await shang.put<Problem>(`/aid/households/${h.id}`, { ...factsOf(h), version: v })).status).toBe(409);
    expect((await shang.post<Problem>(`/aid/households/${h.id}/exit`, { reason: 'other', note: '重复退出', version: v })).status).toBe(409);
    // the head may be established again later, as a new record
    const again = await establish(shang, head, 900);
    expect(again.id).not.toBe(h.id);
  });

  it('退出 with a reason (validated in Chinese), kept in the history and the audit log', async () => {
    const h = await establish(shang, await headMember(shang, tree.unionA.id, '林雪'), 900);
    const bad = await shang.post<Problem>(`/aid/households/${h.id}/exit`, { reason: 'bored', note: '', version: h.version });
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['note', 'reason']);
    expect(bad.body.errors!.find((e) => e.path === 'reason')!.message).toBe('请选择退出原因');
    const early = await shang.post<Problem>(`/aid/households/${h.id}/exit`, { reason: 'on_request', note: '本人申请', exitedOn: '2001-01-01', version: h.version });
    expect(paths(early.body)).toEqual(['exitedOn']);
    const r = await shang.post<HouseholdView>(`/aid/households/${h.id}/exit`, { reason: 'on_request', note: '本人书面申请退出档案', version: h.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'exited', exitReason: 'on_request', exitNote: '本人书面申请退出档案', tier: 'deep' });
    expect(r.body.reviews[0]).toMatchObject({ kind: 'exit', opinion: '本人申请退出:本人书面申请退出档案' });
    const audit = await auditRowsFor(t, 'hardship_household', h.id);
    expect(detailOf(audit.at(-1)!.detail)).toMatchObject({ kind: 'exit', reason: 'on_request', status: { from: 'active', to: 'exited' } });
    const exited = await shang.get<Page<HouseholdItemView>>('/aid/households?status=exited');
    expect(exited.body.items.map((x) => x.id)).toContain(h.id);
    const current = await shang.get<Page<HouseholdItemView>>('/aid/households?pageSize=200');
    expect(current.body.items.map((x) => x.id)).not.toContain(h.id);
  });

  it('低保 lines per district and year: configured by the city (422 on bad lines), used by 建档 and 复核', async () => {
    const initial = await city.get<SubsistenceSettings>('/aid/subsistence-lines');
    expect(initial.body).toMatchObject({ lines: [], defaultLine: { year: 2020, monthlyFen: 110_200 }, cityDivisionCode: '330100', rules: { relativeMultiplePermille: 1500, reviewIntervalMonths: 12 } });
    const rules = initial.body.rules;
    const bad = await city.put<Problem>('/aid/subsistence-lines', { lines: [{ divisionCode: '999999', year: 2024, monthlyFen: 131_000 }, { divisionCode: '330100', year: 2024, monthlyFen: 0 }], rules });
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['lines.1.monthlyFen']);
    const unknown = await city.put<Problem>('/aid/subsistence-lines', { lines: [{ divisionCode: '999999', year: 2024, monthlyFen: 131_000 }, { divisionCode: '330100', year: 2024, monthlyFen: 131_000 }, { divisionCode: '330100', year: 2024, monthlyFen: 120_000 }], rules });
    expect(paths(unknown.body)).toEqual(['lines.0.divisionCode', 'lines.2.year']);
    const badRules = await city.put<Problem>('/aid/subsistence-lines', { lines: [], rules: { ...rules, accidentMultiplePermille: 1200 } });
    expect(paths(badRules.body)).toEqual(['rules.accidentMultiplePermille']);

    const lines = [
      { divisionCode: '330100', year: 2020, monthlyFen: 110_200, note: '杭州市区' },
      { divisionCode: '330100', year: 2024, monthlyFen: 131_000, note: '杭州市区' },
      { divisionCode: '330106', year: 2025, monthlyFen: 140_000, note: '测试:西湖区单列' },
    ];
    const put = await city.put<SubsistenceSettings>('/aid/subsistence-lines', { lines, rules, reason: '年度调整' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.lines.map((l) => `${l.divisionCode}/${l.year}/${l.divisionName}`)).toEqual(['330106/2025/西湖区总工会', '330100/2024/杭州市总工会', '330100/2020/杭州市总工会']);
    const audit = await auditRowsFor(t, 'setting', 'aid.subsistenceLines');
    expect(audit).toHaveLength(1);
    expect(detailOf(audit[0]!.detail)).toMatchObject({ after: { lines: ['330100/2020:110200', '330100/2024:131000', '330106/2025:140000'] }, reason: '年度调整' });

    // Shangcheng has no line of its own: the city's latest up to this year; Xihu: its own
    const s = await establish(shang, await headMember(shang, tree.unionA.id, '曹丽华'), 0, { monthlyIncome: incomeFor(131_000 * 12 * 3) });
    expect(s).toMatchObject({ lineMonthlyFen: 131_000, lineYear: 2024, tier: 'deep', ratio: 1 });
    const x = await establish(xihu, await headMember(xihu, tree.unionC.id, '彭振华'), 0, { monthlyIncome: incomeFor(140_000 * 12 * 3) });
    expect(x).toMatchObject({ districtCode: '330106', lineMonthlyFen: 140_000, lineYear: 2025, tier: 'deep' });
    // a 复核 dated in an earlier year uses that year's line
    const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const y = await establish(shang, await headMember(shang, tree.unionB.id, '蒋美玲'), 0, { monthlyIncome: incomeFor(totalAt(1400, 3, 131_000)) });
    await t.ctx.db.execute(sql`UPDATE hardship_households SET established_on = ${lastYear}::date - 400, last_reviewed_on = ${lastYear}::date - 400 WHERE id = ${y.id}`);
    const months = lastTwelveMonths(lastYear);
    const r = await shang.post<HouseholdView>(`/aid/households/${y.id}/review`, { ...factsOf(y, { monthlyIncome: incomeFor(totalAt(1400, 3, 131_000), months) }), reviewedOn: lastYear, opinion: '补录去年复核', version: y.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ lineYear: Number(lastYear.slice(0, 4)) >= 2024 ? 2024 : 2020, lastReviewedOn: lastYear, nextReviewOn: addMonths(lastYear, 12) });

    const restored = await city.put<SubsistenceSettings>('/aid/subsistence-lines', { lines: [], rules });
    expect(restored.body.lines).toEqual([]);
  });

  it('findHouseholdForAid answers within the caller\'s scope only; aid_applications.household_id references households', async () => {
    const h = await establish(shang, await headMember(shang, tree.unionA.id, '邓斌'), 800);
    const scopeOf = async (username: string) => {
      const { loadUserAccess } = await import('../../platform/access/user-scope.js');
      const [u] = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM users WHERE username = ${username}`);
      return (await loadUserAccess(t.ctx.db, u!.id)).scope;
    };
    expect(await findHouseholdForAid(t.ctx.db, await scopeOf('hl_shang'), h.id)).toEqual({ id: h.id, headMemberId: h.headMemberId, tier: 'deep', status: 'active' });
    expect(await findHouseholdForAid(t.ctx.db, await scopeOf('hl_xihu'), h.id)).toBeNull();
    const insert = (householdId: string) =>
      t.ctx.db.execute(sql`INSERT INTO aid_applications (member_id, org_id, household_id, category, amount_fen, reason) VALUES (${h.headMemberId}, ${h.orgId}, ${householdId}, 'hardship', 100000, '测试外键')`);
    await expect(insert('00000000-0000-4000-8000-000000000000')).rejects.toThrow();
    await expect(insert(h.id)).resolves.toBeDefined();
  });
});
