import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ContributionArrearsItem, ContributionReport } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { finishJob, rawRequest } from '../../test-support/multipart-upload.js';
import type { Page, Problem } from '../../test-support/registry-fixtures.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { sendContributionReminders } from './contribution-arrears.service.js';
import { lastOverdueMonth, monthIndex } from './contribution-rules.js';
import { contributionWorld, type ContributionWorld, type View } from './contribution-fixtures.js';

const today = shanghaiDate(new Date());
const lastYear = Number(today.slice(0, 4)) - 1;
const notes = async (t: TestApp, orgId: string) =>
  queryRows<{ title: string; body: string }>(t.ctx.db, sql`SELECT title, body FROM notifications WHERE org_id = ${orgId} AND kind = 'finance.contribution.arrears' ORDER BY created_at`);
type Arrears = Page<ContributionArrearsItem> & Problem;

describe('工会经费: arrears, reminders and the report', () => {
  let t: TestApp;
  let w: ContributionWorld;
  let unpaid: View;
  // from 上年10月 (declared, not received) to the last month past its due day
  const owed = lastOverdueMonth(today, 15) - monthIndex(`${lastYear}-10`) + 1;

  beforeAll(async () => {
    t = await createTestApp();
    w = await contributionWorld(t, 'R');
    const paid = await w.xihu.post<View>('/finance/contributions', { enterpriseId: w.entC, period: `${lastYear}-09`, payrollFen: 812_345_67 });
    await w.xihu.post(`/finance/contributions/${paid.body.id}/payment`, { paidOn: `${lastYear}-10-12`, reference: 'C-09' });
    unpaid = (await w.xihu.post<View>('/finance/contributions', { enterpriseId: w.entC, period: `${lastYear}-10`, payrollFen: 798_000_00 })).body;
  });
  afterAll(() => t.close());

  it('lists the months not declared or not received by the due day, with filters', async () => {
    const all = await w.xihu.get<Arrears>(`/finance/contributions/arrears?year=${lastYear}`);
    expect(all.body.items.map((a) => [a.period, a.kind, a.amountFen, a.dueOn])).toEqual([
      [`${lastYear}-10`, 'unpaid', 1_596_000, `${lastYear}-11-15`],
      [`${lastYear}-11`, 'missing', null, `${lastYear}-12-15`],
      [`${lastYear}-12`, 'missing', null, `${lastYear + 1}-01-15`],
    ]);
    expect(all.body.items[0]!.abilities.remind).toBe(true);
    expect((await w.xihu.get<Arrears>('/finance/contributions/arrears')).body.total).toBe(owed);
    expect((await w.xihu.get<Arrears>(`/finance/contributions/arrears?kind=unpaid`)).body.total).toBe(1);
    expect((await w.shang.get<Arrears>('/finance/contributions/arrears')).body.total).toBe(0);
    expect((await w.xihu.get<Arrears>(`/finance/contributions/arrears?q=${encodeURIComponent('不存在')}`)).body.total).toBe(0);
    // an enterprise enrolled from a month before any declaration owes from then on
    const enrol = await w.shang.post('/finance/contributions/payers', { enterpriseId: w.entA, since: `${lastYear}-12` });
    expect(enrol.status).toBe(200);
    expect((await w.shang.get<Arrears>(`/finance/contributions/arrears?year=${lastYear}`)).body.items.map((a) => a.period)).toEqual([`${lastYear}-12`]);
    expect((await w.shang.post<Problem>('/finance/contributions/payers', { enterpriseId: w.entNoUnion, since: `${lastYear}-12` })).status).toBe(422);
  });

  it('reminds each enterprise-month once by the job; staff can remind again', async () => {
    expect(await sendContributionReminders(t.ctx.db)).toBe(owed + (owed - 2));
    const c = await notes(t, w.tree.unionC.id);
    expect(c).toHaveLength(1);
    expect(c[0]!.title).toBe(`工会经费催缴:R丙软件有限公司有${owed}个月欠缴`);
    expect(c[0]!.body).toContain(`${lastYear}-10已申报未拨缴 15960.00 元`);
    expect(await sendContributionReminders(t.ctx.db)).toBe(0);
    expect(await notes(t, w.tree.unionC.id)).toHaveLength(1);
    const manual = await w.xihu.post<{ months: number }>('/finance/contributions/remind', { enterpriseId: w.entC });
    expect(manual.body).toEqual({ months: owed });
    expect(await notes(t, w.tree.unionC.id)).toHaveLength(2);
    expect((await w.xihu.get<Arrears>(`/finance/contributions/arrears?year=${lastYear}`)).body.items.map((a) => a.remindedCount)).toEqual([2, 2, 2]);
    expect((await w.shang.post('/finance/contributions/remind', { enterpriseId: w.entC })).status).toBe(404);
    expect((await w.shang.post<Problem>('/finance/contributions/remind', { enterpriseId: w.entB })).status).toBe(409);
    expect((await w.unitA.post('/finance/contributions/remind', { enterpriseId: w.entA })).status).toBe(403);
    // received: no longer in arrears
    await w.xihu.post(`/finance/contributions/${unpaid.id}/payment`, { paidOn: `${lastYear}-12-01`, reference: 'C-10' });
    expect((await w.xihu.get<Arrears>(`/finance/contributions/arrears?year=${lastYear}`)).body.items.map((a) => a.kind)).toEqual(['missing', 'missing']);
  });

  it('reports due vs received vs arrears and the split by district and month, drilling down, in scope', async () => {
    const r = await w.city.get<ContributionReport>(`/finance/contributions/report?year=${lastYear}`);
    expect(r.status).toBe(200);
    expect(r.body.orgId).toBe(w.tree.city.id);
    expect(r.body.total).toMatchObject({ dueFen: 1_624_691 + 1_596_000, receivedFen: 1_624_691 + 1_596_000, arrearsFen: 0, missingMonths: 3 });
    expect(Object.values(r.body.total.split).reduce((s, x) => s + x, 0)).toBe(r.body.total.receivedFen);
    const xihu = r.body.children.find((c) => c.orgId === w.tree.xihu.id)!;
    expect(xihu).toMatchObject({ dueFen: 3_220_691, missingMonths: 2, drillable: true });
    expect(r.body.children.find((c) => c.orgId === w.tree.shangcheng.id)).toMatchObject({ dueFen: 0, missingMonths: 1 });
    expect(r.body.months.map((m) => m.missingMonths)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(r.body.months[8]!.split.grassroots).toBe(974_815); // 60% of 16246.91 元
    const street = await w.city.get<ContributionReport>(`/finance/contributions/report?year=${lastYear}&orgId=${w.tree.xihu.id}`);
    expect(street.body.children.find((c) => c.orgId === w.tree.xihuStreet.id)).toMatchObject({ dueFen: 3_220_691 });
    const unions = await w.xihu.get<ContributionReport>(`/finance/contributions/report?year=${lastYear}&orgId=${w.tree.xihuStreet.id}`);
    expect(unions.body.children.find((c) => c.orgId === w.tree.unionC.id)).toMatchObject({ dueFen: 3_220_691, drillable: false });
    const own = await w.xihu.get<ContributionReport>(`/finance/contributions/report?year=${lastYear}`);
    expect(own.body.orgId).toBe(w.tree.xihu.id);
    expect(own.body.total.dueFen).toBe(3_220_691);
    expect((await w.shang.get(`/finance/contributions/report?year=${lastYear}&orgId=${w.tree.xihu.id}`)).status).toBe(404);
  });

  it('exports the arrears list and the report as xlsx', async () => {
    const a = await w.xihu.post<{ jobId: string }>('/finance/contributions/arrears/export', { year: lastYear });
    expect(a.status).toBe(202);
    const job = await finishJob<{ fileId: string }>(t, w.xihu, a.body.jobId);
    const rows = await readXlsx((await rawRequest(t, w.xihu, 'GET', `/api/files/${job.result!.fileId}/download`)).body);
    expect(rows[0]![0]).toBe('企业名称');
    expect(rows.slice(1).map((x) => [x[3], x[4]])).toEqual([[`${lastYear}-11`, '未申报'], [`${lastYear}-12`, '未申报']]);
    const rep = await w.city.post<{ jobId: string }>('/finance/contributions/report/export', { year: lastYear });
    const repJob = await finishJob<{ fileId: string }>(t, w.city, rep.body.jobId);
    const sheet = await readXlsx((await rawRequest(t, w.city, 'GET', `/api/files/${repJob.result!.fileId}/download`)).body);
    expect(sheet.map((x) => x[0])).toContain(`${w.tree.city.name} 合计`);
    expect(sheet.find((x) => x[0] === `${lastYear}-09`)![2]).toBe(16_246.91);
  });
});
