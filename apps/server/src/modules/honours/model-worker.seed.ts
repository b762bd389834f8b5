import { sql } from 'drizzle-orm';
import { idCardCheckChar } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import { careToday } from './model-worker-care.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { recordVisit } from '../condolences/condolence-visit.service.js';
import { createModelWorker } from './model-worker.service.js';
import { applyPlacement, changePlacement } from './model-worker-placement.service.js';
import { DEMO_MODEL_WORKER_VISITS, DEMO_MODEL_WORKERS, DEMO_PLACEMENTS, demoHonours } from './model-worker-demo.data.js';

/** A valid 身份证 number of a demo person: the district's code, the birth date, an odd (male) or even (female) sequence. */
function demoIdCard(region: string, birthDate: string, gender: 'male' | 'female', n: number): string {
  const seq = 100 + n * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idCardCheckChar(first17);
}

/**
 * Demo 劳模: ~40 people across the districts and levels (elderly ones ≥ 75, some 鳏寡独居, a few
 * deceased, working ones; two are members of the registry and linked by their 身份证), placement
 * applications in every status, and 送温暖 visits under the city's 春节 plan naming them.
 */
async function seedModelWorkers({ db, crypto }: DemoSeedContext): Promise<void> {
  const [existing] = await queryRows<{ id: string }>(db, sql`SELECT id FROM model_workers LIMIT 1`);
  if (existing) return;
  const city = await demoAuth(db, 'city');
  const ctx = { db, crypto };
  const districts = new Map((await queryRows<{ id: string; division_code: string }>(db, sql`SELECT id, division_code FROM orgs WHERE kind = 'district'`)).map((o) => [o.division_code, o.id]));
  const ids = new Map<string, string>();
  for (const [n, p] of DEMO_MODEL_WORKERS.entries()) {
    const orgId = districts.get(p.district);
    if (!orgId) continue;
    const w = await createModelWorker(ctx, city.auth, city.actor, {
      name: p.name, gender: p.gender, birthDate: p.birthDate, idCard: demoIdCard(p.district, p.birthDate, p.gender, n), phone: undefined, orgId, unit: p.unit,
      retired: p.retired, deceasedOn: p.deceasedOn, livesAlone: Boolean(p.alone), livingNote: p.alone, address: p.address, note: undefined, honours: demoHonours(p.honours),
    });
    ids.set(p.name, w.id);
  }
  // two working members of 上城区 who are 杭州市劳动模范: linked to their member records by the 身份证
  const members = await queryRows<{ id_card_enc: string; name: string; gender: 'male' | 'female'; birth_date: string; district_id: string }>(
    db,
    sql`SELECT m.id_card_enc, m.name, m.gender, m.birth_date::text AS birth_date, o.id AS district_id FROM members m JOIN orgs o ON o.name = '上城区总工会'
        WHERE m.status = 'active' AND m.birth_date < '1995-01-01' AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = o.id) ORDER BY m.card_no LIMIT 2`,
  );
  for (const m of members) {
    await createModelWorker(ctx, city.auth, city.actor, {
      name: m.name, gender: m.gender, birthDate: m.birth_date, idCard: crypto.decrypt(m.id_card_enc), phone: undefined, orgId: m.district_id, unit: undefined,
      retired: false, deceasedOn: undefined, livesAlone: false, livingNote: undefined, address: undefined, note: '在职职工,会员', honours: [{ level: 'city', title: '杭州市劳动模范', year: 2025 }],
    }).catch(() => null);
  }
  const today = careToday();
  const year = Number(today.slice(0, 4));
  for (const [i, p] of DEMO_PLACEMENTS.entries()) {
    const id = ids.get(p.name);
    if (!id) continue;
    const month = String(1 + (i % 6)).padStart(2, '0');
    const applied = await applyPlacement(ctx, city.auth, city.actor, id, { homeName: p.homeName, appliedOn: `${year}-${month}-10`, note: undefined }).catch(() => null);
    const placement = applied?.placements[0];
    if (!placement) continue;
    for (const [k, status] of p.steps.entries()) {
      await changePlacement(ctx, city.auth, city.actor, id, placement.id, { status, on: `${year}-${month}-${String(20 + k * 5).padStart(2, '0')}`, reason: status === 'unsuccessful' ? p.reason : undefined });
    }
  }
  const [plan] = await queryRows<{ id: string }>(
    db,
    sql`SELECT p.id FROM condolence_plans p JOIN orgs o ON o.id = p.org_id AND o.kind = 'city' JOIN condolence_plan_categories c ON c.plan_id = p.id AND c.category = 'model_worker'
        WHERE p.year = ${year} AND p.occasion = 'spring_festival' LIMIT 1`,
  );
  if (!plan) return;
  for (const [i, name] of DEMO_MODEL_WORKER_VISITS.entries()) {
    const id = ids.get(name);
    if (!id) continue;
    await recordVisit({ db }, city.auth, city.actor, {
      planId: plan.id, target: 'person', modelWorkerId: id, category: 'model_worker', visitedOn: `${year}-01-${String(15 + i).padStart(2, '0')}`, place: '劳模家中', visitors: '市总工会领导、区总工会劳模服务科',
      goodsDescription: '年货礼包、慰问信', goodsValueFen: 30_000, moneyFen: 0, personName: undefined, personPhone: undefined, note: '了解身体与生活情况,送上新春祝福',
    }).catch(() => null);
  }
}

registerDemoSeeder('model-workers', seedModelWorkers);
