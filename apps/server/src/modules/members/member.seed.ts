import { eq, sql } from 'drizzle-orm';
import { creditCodeCheckChar, idCardCheckChar } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { orgs } from '../../platform/org/org.schema.js';
import { users } from '../../platform/auth/auth.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';
import { snapshotYear } from '../coverage/coverage.service.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { members, memberTransfers } from './member.schema.js';
import { bankColumns, identityColumns, phoneColumns } from './member-record.js';
import { EDU, GIVEN_FEMALE, GIVEN_MALE, REGION_CODES, SKILL, SURNAMES, UNORGANISED } from './member-demo.data.js';

/** Deterministic pseudo-random numbers (mulberry32): every demo start shows the same people. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function idCard(r: () => number, seq: number, male: boolean): string {
  const year = 1966 + Math.floor(r() * 38);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const order = (seq % 499) * 2 + (male ? 1 : 0);
  const body = `${pick(r, REGION_CODES)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(order).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

function creditCode(r: () => number, division: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = `91${division}`;
  while (body.length < 17) body += chars[Math.floor(r() * chars.length)];
  return body + creditCodeCheckChar(body);
}

async function seedRegistry({ db, crypto }: DemoSeedContext): Promise<void> {
  const r = random(20_161_208);
  const unions = await db.select().from(orgs).where(eq(orgs.kind, 'grassroots'));
  let seq = 0;
  for (const u of unions) {
    const employees = 30 + Math.floor(r() * 170);
    const [ent] = await db
      .insert(enterprises)
      .values({
        name: u.name.replace(/工会$/, '').replace(/(联合|区域性|行业)$/, ''),
        creditCode: creditCode(r, u.divisionCode ?? '330100'),
        divisionCode: u.divisionCode ?? '330100',
        employeeCount: employees,
        industry: pick(r, ['制造业', '信息传输、软件和信息技术服务业', '批发和零售业', '住宿和餐饮业', '建筑业', '交通运输、仓储和邮政业']),
        ownership: pick(r, ['民营', '民营', '国有', '外资', '混合所有制']),
        nonPublic: true,
        orgId: u.id,
        unionOrgId: u.id,
      })
      .returning({ id: enterprises.id });
    const count = Math.min(120, Math.floor(employees * (0.55 + r() * 0.35)));
    const rows = [];
    for (let i = 0; i < count; i++) {
      const male = r() < 0.55;
      const demoWorker = u.name.startsWith('杭州湖滨文旅') && i === 0;
      const name = (demoWorker ? '张' : pick(r, SURNAMES)) + (demoWorker ? '建国' : pick(r, male ? GIVEN_MALE : GIVEN_FEMALE));
      const phone = `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
      seq++;
      rows.push({
        orgId: u.id,
        ...identityColumns(crypto, { name, idCard: idCard(r, seq, demoWorker ? true : male) }),
        ...phoneColumns(crypto, phone),
        // the demo worker has a bank card, so their aid can be paid out in the demo
        ...bankColumns(crypto, r() < 0.4 || demoWorker ? `6222${String(Math.floor(r() * 1e12)).padStart(12, '0')}` : null),
        joinedAt: `${2008 + Math.floor(r() * 17)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`,
        enterpriseId: ent!.id,
        migrantWorker: r() < 0.3,
        frontline: r() < 0.6,
        newEmploymentForm: u.name.includes('快递') || u.name.includes('物流') ? true : r() < 0.05,
        skillLevel: r() < 0.7 ? pick(r, SKILL) : null,
        education: pick(r, EDU),
      });
    }
    await db.insert(members).values(rows);
  }
  const districts = await db.select().from(orgs).where(eq(orgs.kind, 'district'));
  for (const d of districts) {
    for (const e of UNORGANISED[d.code] ?? []) {
      await db.insert(enterprises).values({ name: e.name, creditCode: creditCode(r, d.code), divisionCode: d.code, employeeCount: e.employees, industry: e.industry, ownership: '民营', nonPublic: true, platformCompany: e.platform ?? false, orgId: d.id });
    }
  }
  // one early pilot-region code accepted on review
  const sc = districts.find((d) => d.code === '330102')!;
  await db.insert(enterprises).values({ name: '杭州老字号茶庄有限公司', creditCode: '91350211M0000XUF46', creditCodeChecksumValid: false, creditCodeReviewStatus: 'pending', creditCodeReviewReason: '早期试点地区赋码,营业执照原件已核', divisionCode: '330102', employeeCount: 28, industry: '批发和零售业', ownership: '民营', nonPublic: true, orgId: sc.id });

  await seedTransfers(db);
  // last year's figures: this year's minus some growth, so the dashboards show a comparison
  const year = shanghaiYear();
  await snapshotYear(db, year - 1);
  await db.execute(sql`UPDATE org_counters_yearly SET members = floor(members * 0.9) WHERE year = ${year - 1}`);
  await db.execute(sql`UPDATE org_counters_yearly SET unionised = unionised - 1, unionised_at_size = greatest(unionised_at_size - 1, 0), unionised_employees = 0
    WHERE year = ${year - 1} AND unionised > 0 AND abs(hashtext(org_id::text)) % 4 = 0`);
  // the demo worker account is this member: a migrant worker from Anhui (his bus home, his 圆梦计划 place)
  const [worker] = await db.select({ id: members.id }).from(members).where(eq(members.name, '张建国')).limit(1);
  if (worker) {
    await db.update(members).set({ migrantWorker: true }).where(eq(members.id, worker.id));
    await db.update(users).set({ memberId: worker.id }).where(eq(users.username, 'worker'));
  }
}

/** A transfer in each state, so the inbox is not empty. */
async function seedTransfers(db: DemoSeedContext['db']): Promise<void> {
  const byName = async (name: string) => (await db.select().from(orgs).where(eq(orgs.name, name)))[0]!;
  const hubin = await byName('杭州湖滨文旅发展有限公司工会');
  const yanan = await byName('杭州延安路商业管理有限公司工会');
  const xixi = await byName('杭州西溪数智科技股份有限公司工会');
  const pickMember = async (orgId: string, offset: number) => (await db.select().from(members).where(eq(members.orgId, orgId)).orderBy(members.cardNo).limit(1).offset(offset))[0]!;
  const at = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const plans = [
    { from: yanan, to: hubin, status: 'pending_counterparty', cross: false, m: await pickMember(yanan.id, 1), tl: [{ at: at(2), action: 'submit', username: '延安路工会', orgName: yanan.name, opinion: '工作调动至湖滨文旅' }] },
    { from: hubin, to: xixi, status: 'pending_district', cross: true, m: await pickMember(hubin.id, 3), tl: [{ at: at(5), action: 'submit', username: '赵敏', orgName: hubin.name, opinion: '跨区调动' }, { at: at(3), action: 'approve', username: '西溪数智工会', orgName: xixi.name, opinion: '同意接收' }] },
    { from: hubin, to: yanan, status: 'rejected', cross: false, m: await pickMember(hubin.id, 4), tl: [{ at: at(9), action: 'submit', username: '赵敏', orgName: hubin.name, opinion: '申请转出' }, { at: at(8), action: 'reject', username: '延安路工会', orgName: yanan.name, opinion: '该职工尚未办理入职' }] },
  ];
  for (const p of plans) {
    await db.insert(memberTransfers).values({ memberId: p.m.id, fromOrgId: p.from.id, toOrgId: p.to.id, initiatedByOrgId: p.from.id, crossDistrict: p.cross, status: p.status, reason: p.tl[0]!.opinion, timeline: p.tl });
  }
}

registerDemoSeeder('members', seedRegistry);
