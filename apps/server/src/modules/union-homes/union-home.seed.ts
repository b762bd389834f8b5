import { eq, sql } from 'drizzle-orm';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, staffAuth } from '../../seed/demo-helpers.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { orgs } from '../../platform/org/org.schema.js';
import { nextOrgCode, rebuildClosure } from '../../platform/org/org.repository.js';
import { ensureTemplate } from '../../platform/assessment/assessment-template.service.js';
import { startAssessment } from '../../platform/assessment/assessment.service.js';
import { advanceDemoAssessment } from '../../platform/assessment/assessment-demo.js';
import { userActor } from '../../platform/workflow/workflow.service.js';
import { selfItemsFor, ratingItemsFor } from './union-home-demo-values.js';
import { unionHomeAssessment as def } from './union-home-assessment.js';
import { UNION_HOME_TEMPLATE } from './union-home-template.js';
import { unionHomes } from './union-home.schema.js';
import { DEMO_HOMES, demoRules, type DemoAssessment, type DemoHome } from './union-home-demo.data.js';

async function unionOrg(db: Db, h: DemoHome): Promise<{ id: string; name: string; districtId: string; districtName: string } | null> {
  if (h.newUnder) {
    const [street] = await db.select().from(orgs).where(eq(orgs.name, h.newUnder));
    if (!street) return null;
    const [row] = await db
      .insert(orgs)
      .values({ code: await nextOrgCode(db, street.divisionCode!), name: h.org, kind: 'grassroots', unionType: h.org.includes('联合') ? 'joint' : 'enterprise', divisionCode: street.divisionCode, parentId: street.id, sort: 9 })
      .returning({ id: orgs.id });
    await rebuildClosure(db, [row!.id]);
  }
  const [row] = await queryRows<{ id: string; name: string; district_id: string; district_name: string }>(
    db,
    sql`SELECT o.id, o.name, d.id AS district_id, d.name AS district_name FROM orgs o
        JOIN org_closure c ON c.descendant_id = o.id AND c.relation = 'territorial' JOIN orgs d ON d.id = c.ancestor_id AND d.kind = 'district'
        WHERE o.name = ${h.org} AND o.kind = 'grassroots' LIMIT 1`,
  );
  return row ? { id: row.id, name: row.name, districtId: row.district_id, districtName: row.district_name } : null;
}

async function seedAssessment(db: Db, h: DemoHome, org: { id: string; name: string; districtId: string; districtName: string }, a: DemoAssessment, city: { auth: AuthContext; actor: Actor }): Promise<void> {
  const union = staffAuth(org, 'grassroots_admin', h.chair);
  const district = staffAuth({ id: org.districtId, name: org.districtName }, 'district_admin', '区总工会评审组');
  const id = await db.transaction((tx) => startAssessment(tx, def, userActor(union.auth), union.actor, { subjectId: org.id, subjectName: org.name, orgId: org.id, cycleYear: a.year }));
  await advanceDemoAssessment(db, {
    def, id, orgId: org.id, state: a.state, subject: union, reviewer: district, confirmer: city, uploadedBy: h.chair,
    self: (criteria) => selfItemsFor(criteria, Math.min(1, a.share + 0.03), a.failGates ?? []),
    rating: (criteria) => ratingItemsFor(criteria, a.share, a.failGates ?? [], a.deduct ?? 0),
    returnOpinion: '职代会会议记录和经费台账未上传完整,请补充后重新提交',
    revokeReason: '2026年10月抽查发现职工之家阵地已改作仓库,不再符合命名条件',
  });
}

async function seedUnionHomes({ db }: DemoSeedContext): Promise<void> {
  await ensureTemplate(db, UNION_HOME_TEMPLATE);
  const city = await demoAuth(db, 'city');
  for (const h of DEMO_HOMES) {
    const org = await unionOrg(db, h);
    if (!org) continue;
    await db.insert(unionHomes).values({
      orgId: org.id,
      venueName: h.venue,
      address: h.address,
      areaM2: h.area,
      facilities: h.facilities,
      annualFundsFen: h.fundsYuan * 100,
      activitiesHeld: h.activities,
      staffCount: h.staff,
      chairName: h.chair,
      rules: demoRules(h.rate >= 0.95 ? 4 : 2),
      membershipRateEntered: h.rate,
    });
    for (const a of h.history) await seedAssessment(db, h, org, a, city);
  }
}

registerDemoSeeder('union-homes', seedUnionHomes);
