import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { builtinRole, type Attachment, type BuiltinRoleCode } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { storeFile } from '../../platform/files/file-store.js';
import { plainPdf } from '../../platform/files/plain-pdf.js';
import { EVIDENCE_KINDS } from '../../platform/files/file-kind.js';
import { orgs } from '../../platform/org/org.schema.js';
import { nextOrgCode, rebuildClosure } from '../../platform/org/org.repository.js';
import { ensureTemplate } from '../../platform/assessment/assessment-template.service.js';
import { ASSESSMENT_EVIDENCE_HOST } from '../../platform/assessment/assessment-evidence.js';
import { saveSelfAssessment, loadAssessment, startAssessment } from '../../platform/assessment/assessment.service.js';
import { actOnAssessment, confirmAssessment, rateAssessment, revokeAssessment } from '../../platform/assessment/assessment-review.service.js';
import { userActor } from '../../platform/workflow/workflow.service.js';
import { selfItemsFor, ratingItemsFor } from './union-home-demo-values.js';
import { unionHomeAssessment as def } from './union-home-assessment.js';
import { UNION_HOME_TEMPLATE } from './union-home-template.js';
import { unionHomes } from './union-home.schema.js';
import { DEMO_HOMES, demoRules, type DemoAssessment, type DemoHome } from './union-home-demo.data.js';

const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Staff of an org as the seed acts in their name (a demo account where there is one, else a named officer). */
function staffAuth(org: { id: string; name: string }, role: BuiltinRoleCode, name: string): { auth: AuthContext; actor: Actor } {
  const id = uuidOf(`${org.id}:${role}:${name}`);
  return {
    auth: {
      sessionId: 'demo-seed',
      csrfToken: '',
      stage: 'full',
      user: { id, username: `demo-${role}`, name, orgId: org.id, orgName: org.name, memberId: null },
      grants: [],
      permissions: new Set(builtinRole(role)!.permissions),
      scope: { all: false, subtreeRoots: role === 'grassroots_admin' ? [] : [org.id], units: role === 'grassroots_admin' ? [org.id] : [], selfUserId: null, selfMemberId: null },
    },
    actor: { userId: id, username: `demo-${role}`, orgId: org.id, ip: null },
  };
}

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

/** One 自评材料汇编 PDF evidences every criterion that asks for it (one file per assessment keeps the seed fast). */
async function evidence(db: Db, actor: Actor, orgId: string, assessmentId: string, title: string): Promise<void> {
  const file = await storeFile(db, plainPdf(`Union home self-assessment ${assessmentId.slice(0, 8)}`), { name: `${title}-自评材料汇编.pdf`, purpose: ASSESSMENT_EVIDENCE_HOST.purpose, kinds: EVIDENCE_KINDS, maxBytes: 1024 * 1024, createdBy: actor.userId, orgId });
  const entry: Attachment = { fileId: file.id, type: 'document', name: file.name, mime: file.mime, size: file.size, uploadedAt: file.createdAt.toISOString(), uploadedBy: title };
  const required = (await queryRows<{ key: string }>(db, sql`SELECT c->>'key' AS key FROM assessments a JOIN assessment_template_versions v ON v.id = a.version_id, jsonb_array_elements(v.criteria) c WHERE a.id = ${assessmentId} AND (c->>'evidenceRequired')::boolean`));
  const keys = required.map((r) => r.key);
  await db.execute(sql`UPDATE assessment_items SET evidence = ${JSON.stringify([entry])}::jsonb WHERE assessment_id = ${assessmentId} AND criterion_key IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
}

async function seedAssessment(db: Db, h: DemoHome, org: { id: string; name: string; districtId: string; districtName: string }, a: DemoAssessment, city: { auth: AuthContext; actor: Actor }): Promise<void> {
  const union = staffAuth(org, 'grassroots_admin', h.chair);
  const district = staffAuth({ id: org.districtId, name: org.districtName }, 'district_admin', '区总工会评审组');
  const id = await db.transaction((tx) => startAssessment(tx, def, userActor(union.auth), union.actor, { subjectId: org.id, subjectName: org.name, orgId: org.id, cycleYear: a.year }));
  const l = await loadAssessment(db, def, union.auth, id);
  const criteria = l.version.criteria as Parameters<typeof selfItemsFor>[0];
  await saveSelfAssessment(db, def, union.auth, union.actor, id, { items: selfItemsFor(criteria, Math.min(1, a.share + 0.03), a.failGates ?? []) });
  if (a.state === 'draft') return;
  await evidence(db, union.actor, org.id, id, h.chair);
  await actOnAssessment(db, def, union.auth, union.actor, id, 'submit');
  if (a.state === 'submitted') return;
  await rateAssessment(db, def, district.auth, district.actor, id, { items: ratingItemsFor(criteria, a.share, a.failGates ?? [], a.deduct ?? 0) });
  if (a.state === 'rated') return;
  if (a.state === 'returned') {
    await actOnAssessment(db, def, district.auth, district.actor, id, 'return', '职代会会议记录和经费台账未上传完整,请补充后重新提交');
    return;
  }
  await actOnAssessment(db, def, district.auth, district.actor, id, 'approve', '经实地查看,同意上报');
  if (a.state === 'reviewed') return;
  await confirmAssessment(db, def, city.auth, city.actor, id, '同意区总工会评审意见');
  if (a.state === 'revoked') await revokeAssessment(db, def, city.auth, city.actor, id, '2026年10月抽查发现职工之家阵地已改作仓库,不再符合命名条件');
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
