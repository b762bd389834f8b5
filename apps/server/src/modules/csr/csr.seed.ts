import { sql } from 'drizzle-orm';
import type { CsrKind } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, staffAuth } from '../../seed/demo-helpers.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { ensureTemplate } from '../../platform/assessment/assessment-template.service.js';
import { startAssessment } from '../../platform/assessment/assessment.service.js';
import { advanceDemoAssessment, type DemoSide, type DemoState } from '../../platform/assessment/assessment-demo.js';
import { userActor } from '../../platform/workflow/workflow.service.js';
import { selfItemsFor, ratingItemsFor } from '../union-homes/union-home-demo-values.js';
import { CSR_DEFINITIONS } from './csr-assessment.js';
import { CSR_TEMPLATES } from './csr-templates.js';

interface DemoCsr {
  kind: CsrKind;
  enterprise: string;
  chair: string;
  year: number;
  state: DemoState;
  share: number;
  failGates?: string[];
  /** the reviewing account: the district (上城 / 西湖) or the street (区级和谐) */
  reviewer: 'district' | 'xihu' | 'street';
  /** the confirming account */
  confirmer: 'city' | 'district';
}

/** Enterprises of the demo unions (上城区 and 西湖区), in every state of the three uses. */
const DEMO: DemoCsr[] = [
  { kind: 'csr', enterprise: '杭州延安路商业管理有限公司', chair: '周文斌', year: 2025, state: 'confirmed', share: 0.82, reviewer: 'district', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州延安路商业管理有限公司', chair: '周文斌', year: 2026, state: 'confirmed', share: 0.94, reviewer: 'district', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州小营数字服务有限公司', chair: '吴晓峰', year: 2026, state: 'confirmed', share: 0.92, failGates: ['gate_law'], reviewer: 'district', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州西溪数智科技股份有限公司', chair: '郑可欣', year: 2026, state: 'confirmed', share: 0.8, reviewer: 'xihu', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州清波丝绸文化有限公司', chair: '沈雅琴', year: 2026, state: 'reviewed', share: 0.78, reviewer: 'district', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州望江建设工程有限公司', chair: '何建平', year: 2026, state: 'submitted', share: 0.7, reviewer: 'district', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州龙井茶业有限公司', chair: '杨春茶', year: 2026, state: 'returned', share: 0.66, reviewer: 'xihu', confirmer: 'city' },
  { kind: 'csr', enterprise: '杭州湖滨文旅发展有限公司', chair: '赵敏', year: 2026, state: 'draft', share: 0.85, reviewer: 'district', confirmer: 'city' },
  { kind: 'harmony_district', enterprise: '杭州湖滨文旅发展有限公司', chair: '赵敏', year: 2025, state: 'confirmed', share: 0.93, reviewer: 'street', confirmer: 'district' },
  { kind: 'harmony_district', enterprise: '杭州延安路商业管理有限公司', chair: '周文斌', year: 2026, state: 'submitted', share: 0.88, reviewer: 'street', confirmer: 'district' },
  { kind: 'harmony_city', enterprise: '杭州湖滨文旅发展有限公司', chair: '赵敏', year: 2026, state: 'reviewed', share: 0.94, reviewer: 'district', confirmer: 'city' },
];

async function seedCsr({ db }: DemoSeedContext): Promise<void> {
  for (const t of CSR_TEMPLATES) await ensureTemplate(db, t);
  const accounts: Record<string, DemoSide> = {};
  for (const u of ['city', 'district', 'xihu', 'street']) accounts[u] = await demoAuth(db, u);
  for (const d of DEMO) {
    const [e] = await queryRows<{ id: string; name: string; org_id: string; org_name: string }>(
      db,
      sql`SELECT e.id, e.name, o.id AS org_id, o.name AS org_name FROM enterprises e JOIN orgs o ON o.id = coalesce(e.union_org_id, e.org_id) WHERE e.name = ${d.enterprise} AND e.status = 'active' LIMIT 1`,
    );
    if (!e) continue;
    const def = CSR_DEFINITIONS[d.kind];
    const union = staffAuth({ id: e.org_id, name: e.org_name }, 'grassroots_admin', d.chair);
    const id = await db.transaction((tx) => startAssessment(tx, def, userActor(union.auth), union.actor, { subjectId: e.id, subjectName: e.name, orgId: e.org_id, cycleYear: d.year }));
    await advanceDemoAssessment(db, {
      def, id, orgId: e.org_id, state: d.state, subject: union, reviewer: accounts[d.reviewer]!, confirmer: accounts[d.confirmer]!, uploadedBy: d.chair,
      // a failed gate is the reviewers' finding (e.g. a labour-inspection record), not the union's own claim
      self: (criteria) => selfItemsFor(criteria, Math.min(1, d.share + 0.03), []),
      rating: (criteria) => ratingItemsFor(criteria, d.share, d.failGates ?? [], 0),
      returnOpinion: '绿色企业维度缺少能耗统计和环评材料,请补充后重新提交',
    });
  }
}

registerDemoSeeder('csr', seedCsr);
