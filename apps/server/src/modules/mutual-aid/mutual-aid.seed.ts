import { sql } from 'drizzle-orm';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, orgIdByName } from '../../seed/demo-helpers.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { nextFundCode } from '../../platform/ledger/fund.service.js';
import { incomeBusinessKey, incomeBusinessType } from '../../platform/ledger/fund-money.service.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { createPeriod } from './mutual-aid-period.service.js';
import { enrolMembers, recordPayment } from './mutual-aid-enrolment.service.js';
import { actOnClaim, applyClaim, createClaim } from './mutual-aid-filing.service.js';
import { payClaim } from './mutual-aid-pay.service.js';
import { DEMO_CLAIMS, DEMO_CLAIMS_2025, DEMO_FUND, DEMO_PLAN, WORKER_CLAIM, type DemoClaim } from './mutual-aid-demo.data.js';

type Who = Awaited<ReturnType<typeof demoAuth>>;
interface People {
  city: Who;
  district: Who;
  xihu: Who;
  grassroots: Who;
  worker: Who;
}

const fen = (yuan: number): number => Math.round(yuan * 100);
let invoiceSerial = 104_527;
const invoicesOf = (c: DemoClaim) =>
  c.invoices.map((yuan, i) => ({
    invoiceNo: `3301${c.admission.slice(2, 4)}${String((invoiceSerial += 37 + i * 11)).padStart(8, '0')}`,
    invoiceDate: c.discharge ?? c.admission,
    totalFen: fen(yuan * 1.85),
    selfPayFen: fen(yuan),
  }));
/** a claim's facts, with the claimant's signed consent to the use of their health data (security.md 16) */
const facts = (c: DemoClaim) => ({ part: c.part, hospital: c.hospital, diagnosis: c.diagnosis, admissionDate: c.admission, dischargeDate: c.discharge, invoices: invoicesOf(c), sensitiveConsent: true as const });

async function seedFund(db: Db, city: Who): Promise<string> {
  return db.transaction(async (tx) => {
    const code = await nextFundCode(tx, 2025);
    const [f] = await tx.insert(funds).values({ code, name: DEMO_FUND.name, source: 'union_funds', orgId: city.auth.user.orgId, note: DEMO_FUND.note, createdBy: city.auth.user.id }).returning({ id: funds.id });
    const ref = '杭工〔2025〕12号';
    await recordIncome(tx, { fundId: f!.id, amountFen: fen(DEMO_FUND.openingYuan), businessType: incomeBusinessType('allocation'), businessKey: incomeBusinessKey(f!.id, ref), memo: '市总工会医疗互助保障基金历年结余及补充', createdBy: city.auth.user.id });
    return f!.id;
  });
}

const period = (year: number, fundId: string) => ({
  year,
  name: `${year}年度职工医疗互助`,
  startsOn: `${year}-01-01`,
  endsOn: `${year}-12-31`,
  enrolDeadline: `${year - 1}-12-15`,
  latePolicy: 'waiting' as const,
  lateWaitingDays: 90,
  overallCapFen: 6_520_000,
  fundId,
  parts: DEMO_PLAN,
  note: '按杭州市在职职工医疗互助保障办法:基层工会每年12月15日前为会员团体参保并缴纳互助金;逾期参保的,缴费后90天等待期满方可享受保障。',
});

/** Enrols a union's active members (all, or none but the staff's pick), backdated to before the deadline when on time, and records its payment. */
async function enrolUnion(db: Db, who: Who, periodId: string, orgId: string, o: { onTimeOn?: string; paidOn?: string; receiptNo?: string; memberIds?: string[] }): Promise<void> {
  await enrolMembers({ db }, who.auth, who.actor, periodId, o.memberIds ? { orgId, memberIds: o.memberIds } : { orgId, all: true });
  if (o.onTimeOn) await db.execute(sql`UPDATE mutual_aid_enrolments SET late = false, created_at = ${o.onTimeOn}::date + time '10:00' WHERE period_id = ${periodId} AND org_id = ${orgId}`);
  if (o.paidOn && o.receiptNo) await payUnion(db, who, periodId, orgId, o.paidOn, o.receiptNo);
}

async function payUnion(db: Db, who: Who, periodId: string, orgId: string, paidOn: string, receiptNo: string): Promise<void> {
  const [due] = await queryRows<{ s: number }>(db, sql`SELECT sum(contribution_fen)::float8 AS s FROM mutual_aid_enrolments WHERE period_id = ${periodId} AND org_id = ${orgId} AND status = 'unpaid'`);
  await recordPayment({ db }, who.auth, who.actor, periodId, { orgId, receiptNo, amountFen: due?.s ?? 0, paidOn, note: '工会经费统一缴纳' });
}

/** Drives one claim to its state with the people whose step it is. */
async function driveClaim(db: Db, p: People, id: string, to: DemoClaim['to'], filer: Who): Promise<void> {
  const ctx = { db };
  const act = (who: Who, action: 'submit' | 'approve' | 'reject' | 'return' | 'withdraw', opinion?: string) => actOnClaim(ctx, who.auth, who.actor, id, { action, opinion });
  if (to === 'draft') return;
  if (to === 'withdrawn') return void (await act(filer, 'withdraw', '职工表示已由单位补充医疗报销,暂不申请'));
  if (filer !== p.worker) await act(filer, 'submit');
  if (to === 'grassroots') return;
  if (to === 'returned') return void (await act(p.grassroots, 'return', '请补充出院小结和费用明细清单'));
  if (to === 'rejected') return void (await act(p.grassroots, 'reject', '门诊息肉切除不属于住院保障范围,请按规定病种门诊另行申请'));
  await act(p.grassroots, 'approve', '票据原件已核对,情况属实');
  if (to === 'district') return;
  await act(p.district, 'approve', '复核无误,同意按核算金额支付');
  if (to === 'paid') await payClaim(ctx, p.city.auth, p.city.actor, id, `demo-ma-${id}`);
}

/** 湖滨文旅 members covered this year with a bank card (the demo worker aside), men and women apart, in a stable order. */
async function unionPeople(db: Db, periodId: string, orgId: string, workerMemberId: string | null): Promise<{ male: string[]; female: string[] }> {
  const rows = await queryRows<{ id: string; gender: string }>(
    db,
    sql`SELECT m.id, m.gender FROM members m JOIN mutual_aid_enrolments e ON e.member_id = m.id AND e.status = 'paid' AND e.period_id = ${periodId}
        WHERE m.org_id = ${orgId} AND m.status = 'active' AND m.bank_account_enc IS NOT NULL AND m.id IS DISTINCT FROM ${workerMemberId}::uuid ORDER BY m.card_no`,
  );
  return { male: rows.filter((r) => r.gender === 'male').map((r) => r.id), female: rows.filter((r) => r.gender === 'female').map((r) => r.id) };
}

async function fileAll(db: Db, p: People, claims: DemoClaim[], people: { male: string[]; female: string[] }): Promise<void> {
  let m = 0;
  let f = 0;
  for (const c of claims) {
    const memberId = c.female ? people.female[f++ % people.female.length] : people.male[m++ % people.male.length];
    if (!memberId) continue;
    const claim = await createClaim({ db }, p.grassroots.auth, p.grassroots.actor, { memberId, ...facts(c), filerRelation: '工会干事(为他人申请)' });
    await driveClaim(db, p, claim.id, c.to, p.grassroots);
  }
}

/** A district files for a member of a union below it (为他人申请); the union's 初审 is next. */
async function fileFor(db: Db, p: People, who: Who, memberId: string, c: DemoClaim): Promise<void> {
  const claim = await createClaim({ db }, who.auth, who.actor, { memberId, ...facts(c), filerRelation: '区总工会帮扶干部' });
  await driveClaim(db, p, claim.id, c.to, who);
}

/**
 * 医疗互助: the city's fund, the closed 2025 period and this year's, group enrolments of several
 * unions (on time and paid, unpaid, late and waiting), claims in every state with Hangzhou
 * hospitals, and the demo worker covered with a claim filed on H5 by his wife.
 */
async function seedMutualAid({ db }: DemoSeedContext): Promise<void> {
  const p: People = { city: await demoAuth(db, 'city'), district: await demoAuth(db, 'district'), xihu: await demoAuth(db, 'xihu'), grassroots: await demoAuth(db, 'grassroots'), worker: await demoAuth(db, 'worker') };
  const fundId = await seedFund(db, p.city);
  const p2025 = await createPeriod({ db }, p.city.auth, p.city.actor, period(2025, fundId));
  const p2026 = await createPeriod({ db }, p.city.auth, p.city.actor, period(2026, fundId));
  const hubin = p.grassroots.auth.user.orgId;
  // 2025 is over: its roster was registered and paid in December 2024
  await db.execute(sql`INSERT INTO mutual_aid_enrolments (period_id, member_id, org_id, contribution_fen, created_at)
    SELECT ${p2025.id}::uuid, id, org_id, CASE WHEN gender = 'female' THEN 11000 ELSE 10000 END, '2024-12-02 10:00+08' FROM members WHERE org_id = ${hubin} AND status = 'active'`);
  await payUnion(db, p.grassroots, p2025.id, hubin, '2024-12-06', 'HZMA2024-0187');
  // this year: all but the four who joined the union last (the union can still enrol them, late, on screen)
  const roster = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM members WHERE org_id = ${hubin} AND status = 'active' AND id IS DISTINCT FROM ${p.worker.auth.user.memberId}::uuid ORDER BY joined_at DESC NULLS LAST, card_no OFFSET 4`,
  );
  await enrolUnion(db, p.grassroots, p2026.id, hubin, { onTimeOn: '2025-12-03', paidOn: '2025-12-08', receiptNo: 'HZMA2025-0231', memberIds: [...(p.worker.auth.user.memberId ? [p.worker.auth.user.memberId] : []), ...roster.map((r) => r.id)] });
  const unions: [string, Who, { onTimeOn?: string; paidOn?: string; receiptNo?: string }][] = [
    ['杭州延安路商业管理有限公司工会', p.district, { onTimeOn: '2025-12-05', paidOn: '2025-12-12', receiptNo: 'HZMA2025-0246' }],
    ['杭州小营数字服务有限公司工会', p.district, { onTimeOn: '2025-12-10' }],
    ['杭州龙井茶业有限公司工会', p.xihu, { paidOn: '2026-03-02', receiptNo: 'HZMA2026-0019' }],
    ['杭州西溪数智科技股份有限公司工会', p.xihu, { paidOn: '2026-10-20', receiptNo: 'HZMA2026-0112' }],
  ];
  for (const [name, who, o] of unions) {
    const orgId = await orgIdByName(db, name);
    if (orgId) await enrolUnion(db, who, p2026.id, orgId, o);
  }
  const people = await unionPeople(db, p2026.id, hubin, p.worker.auth.user.memberId);
  await fileAll(db, p, DEMO_CLAIMS_2025, people);
  await fileAll(db, p, DEMO_CLAIMS, people);
  // 延安路: the district files for a member on their behalf; waiting for the union's 初审
  const yananId = await orgIdByName(db, '杭州延安路商业管理有限公司工会');
  const [yanan] = yananId ? await queryRows<{ id: string }>(db, sql`SELECT id FROM members WHERE org_id = ${yananId} AND status = 'active' AND gender = 'male' ORDER BY card_no LIMIT 1`) : [];
  if (yanan) await fileFor(db, p, p.district, yanan.id, { ...WORKER_CLAIM, hospital: '杭州市第一人民医院', diagnosis: '冠心病,冠脉造影', admission: '2026-10-08', discharge: '2026-10-12', invoices: [6_240], to: 'grassroots' });
  // 龙井茶业 (西湖区, paid late in March: covered from the end of May): 西湖区 files for two of its members
  const longjingId = await orgIdByName(db, '杭州龙井茶业有限公司工会');
  const longjing = longjingId ? await queryRows<{ id: string }>(db, sql`SELECT id FROM members WHERE org_id = ${longjingId} AND status = 'active' AND gender = 'male' ORDER BY card_no LIMIT 2`) : [];
  for (const [i, m] of longjing.entries()) {
    const c = i === 0 ? { diagnosis: '茶园劳作摔伤,左桡骨远端骨折', admission: '2026-07-14', discharge: '2026-07-20', invoices: [5_870] } : { diagnosis: '2型糖尿病(规定病种门诊)', admission: '2026-09-03', discharge: undefined, invoices: [1_340, 960], part: 'outpatient' as const };
    await fileFor(db, p, p.xihu, m.id, { ...WORKER_CLAIM, hospital: '浙江省中医院', to: i === 0 ? 'grassroots' : 'draft', ...c });
  }
  if (p.worker.auth.user.memberId) {
    const mine = await applyClaim({ db }, p.worker.auth, p.worker.actor, { ...facts(WORKER_CLAIM), filerType: 'family', familyName: '李桂芳', familyRelation: '配偶' });
    await driveClaim(db, p, mine.id, WORKER_CLAIM.to, p.worker);
  }
}

registerDemoSeeder('mutual-aid', seedMutualAid);
