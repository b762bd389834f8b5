import { sql } from 'drizzle-orm';
import { AID_CATEGORIES, AID_CATEGORY_LABELS, SENSITIVE_CONSENT_VERSION, maskName, type AidCategory } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { workflowEvents, workflowInstances } from '../../platform/workflow/workflow.schema.js';
import { aidApplications } from './aid-application.schema.js';
import { AID_WORKFLOW_TYPE } from './aid-workflow.js';

const DAY_MS = 86_400_000;
/** the demo accounts' own union: its cases are seeded through the real services by aid.seed */
const SKIP_UNION = '杭州湖滨文旅发展有限公司工会';
const REASONS: Record<AidCategory, string> = {
  hardship: '家庭人均收入低于低保标准1.5倍,抚养子女负担重',
  medical: '家人患重病住院,自付医疗费用高',
  education: '子女就读大学,学费生活费无力承担',
  emergency: '突发意外致家庭财产损失严重',
  other: '低边家庭,春节前生活困难',
};

interface Person {
  id: string;
  name: string;
  org_id: string;
  org_name: string;
  district_id: string;
  district_name: string;
}

/**
 * Cases already settled in this year's campaign across the districts (建档 → 初审 → 入户调查 → 复审 →
 * 公示期满 → approved), spread over the weeks since the launch, so the dashboard has figures to
 * show. Written as data (with their full timeline), the way an import of last weeks' paper
 * files would be; cases still in progress come from aid.seed through the real services.
 */
export async function seedSettledCases(tx: Db, campaignId: string, startsOn: string, today: string): Promise<void> {
  const people = await queryRows<Person>(
    tx,
    sql`SELECT m.id, m.name, m.org_id, o.name AS org_name, d.id AS district_id, d.name AS district_name
        FROM members m JOIN orgs o ON o.id = m.org_id AND o.kind = 'grassroots' AND o.name <> ${SKIP_UNION}
        JOIN orgs d ON d.kind = 'district' AND d.division_code = o.division_code
        WHERE m.status = 'active' ORDER BY o.division_code, m.card_no`,
  );
  const start = new Date(`${startsOn}T02:00:00Z`).getTime();
  const end = new Date(`${today}T02:00:00Z`).getTime() - 9 * DAY_MS;
  if (end <= start) return;
  const byDistrict = new Map<string, Person[]>();
  for (const p of people) byDistrict.set(p.district_id, [...(byDistrict.get(p.district_id) ?? []), p]);
  let n = 0;
  for (const list of byDistrict.values()) {
    const count = Math.min(list.length, 3 + (list.length % 4));
    for (let i = 0; i < count; i++) {
      const p = list[(i * 7) % list.length]!;
      n++;
      const category = AID_CATEGORIES[n % AID_CATEGORIES.length]!;
      const amountFen = (8 + ((n * 13) % 40)) * 10_000;
      const approvedFen = Math.round((amountFen * (80 + (n % 3) * 10)) / 100 / 10_000) * 10_000;
      const filed = start + Math.floor(((end - start) * ((n * 37) % 100)) / 100);
      await settledCase(tx, campaignId, p, category, amountFen, approvedFen, filed);
    }
  }
}

async function settledCase(tx: Db, campaignId: string, p: Person, category: AidCategory, amountFen: number, approvedFen: number, filed: number): Promise<void> {
  const at = (days: number) => new Date(filed + days * DAY_MS);
  const summary = `${AID_CATEGORY_LABELS[category]} ${(approvedFen / 100).toFixed(2)} 元`;
  const [app] = await tx
    .insert(aidApplications)
    .values({
      memberId: p.id,
      orgId: p.org_id,
      campaignId,
      category,
      amountFen,
      approvedAmountFen: approvedFen,
      reason: REASONS[category],
      filedByName: p.org_name,
      onBehalf: true,
      sensitiveConsentAt: at(0),
      sensitiveConsentVersion: SENSITIVE_CONSENT_VERSION,
      homeVisit: { visitedOn: at(2).toISOString().slice(0, 10), visitors: `${p.org_name.replace(/工会$/, '')}工会干部`, findings: '入户核实,家庭收入与申报一致,困难情况属实', incomeCheckConsentSigned: true, recordedBy: p.org_name, recordedAt: at(2).toISOString() },
      createdAt: at(0),
      updatedAt: at(8),
    })
    .returning({ id: aidApplications.id });
  const [inst] = await tx
    .insert(workflowInstances)
    .values({
      businessType: AID_WORKFLOW_TYPE,
      businessId: app!.id,
      orgId: p.org_id,
      status: 'approved',
      amountFen,
      publicName: maskName(p.name),
      publicSummary: summary,
      publicityStartsAt: at(3),
      publicityEndsAt: at(8),
      createdAt: at(0),
      updatedAt: at(8),
      finishedAt: at(8),
    })
    .returning({ id: workflowInstances.id });
  const event = (days: number, action: string, fromStatus: string | null, toStatus: string, step: [string, string] | null, orgId: string | null, orgName: string | null, opinion: string | null) => ({
    instanceId: inst!.id,
    at: at(days),
    action,
    fromStatus,
    toStatus,
    stepKey: step?.[0] ?? null,
    stepLabel: step?.[1] ?? null,
    userName: orgName ?? '系统(公示期满)',
    orgId,
    orgName,
    opinion,
  });
  await tx.insert(workflowEvents).values([
    event(0, 'create', null, 'draft', null, p.org_id, p.org_name, null),
    event(0, 'submit', 'draft', 'in_review', null, p.org_id, p.org_name, null),
    event(1, 'approve', 'in_review', 'in_review', ['grassroots_review', '基层工会初审'], p.org_id, p.org_name, '情况属实,同意上报'),
    event(3, 'approve', 'in_review', 'publicity', ['district_review', '区县(市)总工会复审'], p.district_id, p.district_name, `同意,核定${summary}`),
    event(8, 'publicity_end', 'publicity', 'approved', null, null, null, null),
  ]);
}
