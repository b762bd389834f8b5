import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/db-connection.js';
import { memberUserClient } from '../../test-support/enrolment-fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { paths } from '../../test-support/registry-fixtures.js';
import { approvedClaim, claimBody, enrolAndPay, invoice, mutualAidWorld, newMember, type ClaimView, type MutualAidWorld } from './mutual-aid-fixtures.js';

const sum = (c: ClaimView) => c.explanation.reduce((s, l) => s + l.amountFen, 0);

describe('医疗互助 claims: caps, deductibles, invoices, filers, payout', () => {
  let w: MutualAidWorld;
  let a: string;
  let b: string;
  let woman: string;
  let worker: TestClient;
  let receipt = 0;

  beforeAll(async () => {
    w = await mutualAidWorld('mac');
    a = await newMember(w, w.tree.unionA.id);
    b = await newMember(w, w.tree.unionA.id);
    woman = await newMember(w, w.tree.unionA.id, 'female');
    await enrolAndPay(w, w.gA, w.tree.unionA.id, [a, b, woman], `R-${++receipt}`);
    worker = await memberUserClient(w.t, w.sys, 'mac_worker', w.tree.unionA.id, b);
  }, 120_000);
  afterAll(() => w.t.close());

  it('deducts the 起付线 once per part and period, and explains every line; the lines add up to the amount', async () => {
    const first = await approvedClaim(w, a, [invoice(80_000), invoice(120_000)]);
    // 200,000 out of pocket − 100,000 deductible = 100,000 × 60%
    expect(first.computedFen).toBe(60_000);
    expect(sum(first)).toBe(first.computedFen);
    expect(first.explanation[1]!.text).toMatch(/扣除起付线 200\.00 元.*= 600\.00 元/);
    const second = await approvedClaim(w, a, [invoice(100_000)]);
    expect(second.computedFen).toBe(60_000);
    expect(second.explanation[0]!.text).toContain('此前申请已扣除 1000.00 元');
    expect(sum(second)).toBe(second.computedFen);
    // another part has its own deductible; serious illness adds the living allowance
    const serious = await approvedClaim(w, a, [invoice(200_000)], { part: 'serious_illness', admissionDate: '2026-04-01', dischargeDate: '2026-04-13' });
    expect(serious.computedFen).toBe(140_000 + 12 * 5000);
    expect(serious.explanation.at(-1)!.text).toContain('12 天 × 50.00 元/天');
    expect(sum(serious)).toBe(serious.computedFen);
  });

  it('caps a part at its cap and the member at 65,200 元 across all claims of the period (claims in review hold their amount)', async () => {
    // inpatient: 30,000 cap, 1,200 already held → a huge invoice is capped at the 28,800 left
    const big = await approvedClaim(w, a, [invoice(10_000_000)]);
    expect(big.computedFen).toBe(2_880_000);
    expect(big.explanation.at(-1)!.text).toContain('超出住院自付医疗费用分项剩余限额 28800.00 元');
    // serious illness: 50,000 cap; the member holds 1,200 + 2,000 + 28,800 = 32,000 → 33,200 left overall
    const inReview = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(a, [invoice(3_000_000)], { part: 'serious_illness', dischargeDate: '2026-03-01' }));
    const submitted = await w.gA.post<ClaimView>(`/mutual-aid/claims/${inReview.body.id}/actions`, { action: 'submit' });
    expect(submitted.body.computedFen).toBe(2_100_000 + 5000);
    // 33,200 − 21,050 = 12,150 left: the next claim gets exactly that, whatever it asks
    const last = await approvedClaim(w, a, [invoice(4_000_000)], { part: 'serious_illness', dischargeDate: '2026-03-01' });
    expect(last.computedFen).toBe(1_215_000);
    expect(last.explanation.some((l) => l.text.includes('超出本年度累计剩余限额'))).toBe(true);
    expect(sum(last)).toBe(last.computedFen);
    const [held] = await queryRows<{ s: number }>(
      w.t.ctx.db,
      sql`SELECT sum(c.computed_fen)::int AS s FROM mutual_aid_claims c JOIN workflow_instances i ON i.business_id = c.id WHERE c.member_id = ${a} AND i.status IN ('in_review','approved')`,
    );
    expect(held!.s).toBe(6_520_000);
    const nothing = await approvedClaim(w, a, [invoice(50_000)], { part: 'outpatient', admissionDate: '2026-05-01', dischargeDate: undefined });
    expect(nothing.computedFen).toBe(0);
    expect(nothing.abilities.canPay).toBe(false);
    // a returned claim releases what it held
    await w.gA.post(`/mutual-aid/claims/${inReview.body.id}/actions`, { action: 'return', opinion: '请补充出院小结' });
    const [again] = await queryRows<{ s: number }>(w.t.ctx.db, sql`SELECT sum(c.computed_fen)::int AS s FROM mutual_aid_claims c JOIN workflow_instances i ON i.business_id = c.id WHERE c.member_id = ${a} AND i.status IN ('in_review','approved')`);
    expect(again!.s).toBe(6_520_000 - 2_105_000);
  });

  it('refuses an invoice used before, naming the earlier claim (same member, another member, another spelling, racing claims)', async () => {
    const inv = invoice(90_000, '3301 2026 5555');
    const first = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(b, [inv]));
    expect(first.status).toBe(201);
    const same = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(b, [invoice(1000), { ...inv, invoiceNo: '330120265555' }]));
    expect(same.status).toBe(422);
    expect(same.body.errors).toEqual([{ path: 'invoices.1.invoiceNo', message: `发票 330120265555 已在申请 ${first.body.claimNo} 中使用` }]);
    const other = await worker.post<ClaimView>('/m/mutual-aid/claims', { ...claimBody(b, [{ ...inv, invoiceNo: '3301-2026-5555' }]), memberId: undefined, filerType: 'self' });
    expect(other.status).toBe(422);
    expect(other.body.detail).toContain(`已在申请 ${first.body.claimNo} 中使用`);
    const twice = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(woman, [invoice(1000, 'XY-12'), invoice(2000, 'xy12')]));
    expect(paths(twice.body)).toEqual(['invoices.1.invoiceNo']);
    // two claims with one invoice at the same moment: the unique index decides, the loser is told which claim has it
    const race = invoice(30_000);
    const [r1, r2] = await Promise.all([w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(a, [race])), w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(woman, [race]))]);
    const won = [r1, r2].find((r) => r.status === 201)!;
    const lost = [r1, r2].find((r) => r.status !== 201)!;
    expect(lost.status).toBe(422);
    expect(lost.body.errors?.[0]?.message).toBe(`发票 ${race.invoiceNo} 已在申请 ${won.body.claimNo} 中使用`);
    const [n] = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM mutual_aid_claim_invoices WHERE invoice_no_norm = ${race.invoiceNo}`);
    expect(n!.n).toBe(1);
  });

  it('records who filed: staff on behalf, the member, a family member through the member account', async () => {
    const staff = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(woman, [invoice(60_000)], { part: 'women_special', filerRelation: '工会干事' }));
    expect(staff.body).toMatchObject({ filerType: 'staff', filerName: 'mac_ga(mac甲公司工会)', filerRelation: '工会干事', status: 'draft', computedFen: 48_000 });
    const menOnly = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(a, [invoice(60_000)], { part: 'women_special' }));
    expect(paths(menOnly.body)).toEqual(['part']);
    const family = await worker.post<ClaimView>('/m/mutual-aid/claims', { ...claimBody(b, [invoice(150_000)]), memberId: undefined, filerType: 'family', familyName: '李秀英', familyRelation: '配偶' });
    expect(family.status, JSON.stringify(family.body)).toBe(201);
    expect(family.body).toMatchObject({ filerType: 'family', filerName: '李秀英', filerRelation: '配偶', status: 'in_review', workflow: { stepKey: 'grassroots_review' } });
    const mine = await worker.get<{ items: ClaimView[] }>('/m/mutual-aid/claims');
    expect(mine.body.items.map((c) => c.id)).toContain(family.body.id);
    expect(mine.body.items.every((c) => c.filerType !== 'staff' || c.id !== staff.body.id)).toBe(true);
    const cov = await worker.get<{ state: string; remainingFen: number; usedFen: number }>('/m/mutual-aid/coverage');
    expect(cov.body).toMatchObject({ state: 'covered', usedFen: 30_000, remainingFen: 6_520_000 - 30_000 });
    const byFiler = await w.gA.get<{ items: ClaimView[] }>('/mutual-aid/claims?filerType=family');
    expect(byFiler.body.items.map((c) => c.id)).toEqual([family.body.id]);
  });

  it('refuses members who are not covered: not enrolled, unpaid, waiting, withdrawn, dates outside the period', async () => {
    const notIn = await newMember(w, w.tree.unionA.id);
    const r1 = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(notIn, [invoice(1000)]));
    expect(r1.body.errors?.[0]?.message).toBe('该会员未参加2026年度职工医疗互助,不能申请');
    await w.gA.post(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId: w.tree.unionA.id, memberIds: [notIn] });
    const r2 = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(notIn, [invoice(1000)]));
    expect(r2.body.errors?.[0]?.message).toContain('尚未缴纳');
    await w.t.ctx.db.execute(sql`UPDATE mutual_aid_enrolments SET status = 'paid', late = true, covered_from = '2026-06-01', payment_id = (SELECT id FROM mutual_aid_payments LIMIT 1) WHERE member_id = ${notIn}`);
    const r3 = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(notIn, [invoice(1000)]));
    expect(r3.status).toBe(422);
    expect(paths(r3.body)).toEqual(['admissionDate']);
    expect(r3.body.errors?.[0]?.message).toContain('等待期内:保障自 2026-06-01 起生效');
    const r4 = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(a, [invoice(1000)], { admissionDate: '2025-12-20', dischargeDate: '2025-12-28' }));
    expect(r4.body.errors?.[0]?.message).toBe('2025-12-20 不在任何医疗互助保障年度内');
    expect((await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(a, [invoice(1000)], { admissionDate: '2026-12-20', dischargeDate: '2026-12-28' }))).body.errors?.[0]?.path).toBe('admissionDate');
  });

  it('pays an approved claim once through the ledger, into the benefits history; a second payout is refused', async () => {
    const c = await approvedClaim(w, woman, [invoice(300_000)], { part: 'women_special' });
    expect(c.abilities.canPay).toBe(false); // grassroots staff do not pay
    const cityView = (await w.city.get<ClaimView>(`/mutual-aid/claims/${c.id}`)).body;
    expect(cityView.abilities.canPay).toBe(true);
    const paid = await w.city.req<{ claim: ClaimView; replayed: boolean }>('POST', `/mutual-aid/claims/${c.id}/pay`, {}, { headers: { 'idempotency-key': `ma-pay-${c.id}` } });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ replayed: false, claim: { payout: { amountFen: 240_000 }, workflow: { statusLabel: '已支付' }, abilities: { canPay: false } } });
    const again = await w.city.post<{ replayed: boolean }>(`/mutual-aid/claims/${c.id}/pay`, {});
    expect(again.body.replayed).toBe(true);
    const [l] = await queryRows<{ payouts: number; benefits: number; entries: number }>(
      w.t.ctx.db,
      sql`SELECT (SELECT count(*)::int FROM payouts WHERE business_key = ${c.id}) AS payouts,
            (SELECT count(*)::int FROM benefit_records WHERE business_key = ${c.id} AND programme = 'mutual_aid') AS benefits,
            (SELECT count(*)::int FROM ledger_entries WHERE business_key = ${c.id} AND fund_id = ${w.fundId}) AS entries`,
    );
    expect(l).toEqual({ payouts: 1, benefits: 1, entries: 1 });
    const list = await w.city.get<{ items: ClaimView[] }>(`/mutual-aid/claims?status=paid&periodId=${w.periodId}`);
    expect(list.body.items.map((x) => x.id)).toEqual([c.id]);
    const report = await w.city.get<{ fund: { payoutFen: number }; rows: { districtName: string; part: string; paid: number; paidFen: number }[] }>(`/mutual-aid/reports?periodId=${w.periodId}`);
    expect(report.body.fund.payoutFen).toBe(240_000);
    expect(report.body.rows.find((r) => r.part === 'women_special')).toMatchObject({ districtName: '上城区总工会', paid: 1, paidFen: 240_000 });
  });
});
