import { and, eq, sql } from 'drizzle-orm';
import type { AidCategory } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth as authOf } from '../../seed/demo-helpers.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { members } from '../members/member.schema.js';
import { closeEndedPublicity } from '../../platform/workflow/workflow.service.js';
import { actOnAidApplication, applyForAid, createAidApplication, recordHomeVisit } from './aid-application.service.js';
import { disburseAid } from './aid-disbursement.service.js';
import { aidWorkflow } from './aid-workflow.js';
import { coversCategory, openCampaign } from './campaign-eligibility.js';

interface Plan {
  member: number;
  category: AidCategory;
  amountFen: number;
  reason: string;
  /** how far it gets */
  to: 'draft' | 'grassroots' | 'district' | 'city' | 'returned' | 'rejected' | 'withdrawn' | 'publicity' | 'approved' | 'paid';
  overdue?: boolean;
}

const PLANS: Plan[] = [
  { member: 1, category: 'medical', amountFen: 300_000, reason: '妻子患乳腺癌,今年自付医疗费4.6万元,家庭月收入不足3000元', to: 'paid' },
  { member: 2, category: 'education', amountFen: 200_000, reason: '女儿考入浙江工业大学,学费住宿费1.2万元无力承担', to: 'approved' },
  { member: 3, category: 'hardship', amountFen: 150_000, reason: '单亲家庭,抚养两名子女,本人月薪3200元', to: 'publicity' },
  { member: 4, category: 'emergency', amountFen: 800_000, reason: '8月台风致租住房屋受损,家中财物损毁严重', to: 'city' },
  { member: 5, category: 'medical', amountFen: 250_000, reason: '本人腰椎手术,休养半年无收入', to: 'district' },
  { member: 6, category: 'hardship', amountFen: 120_000, reason: '父母均患慢性病长期服药,家庭负担重', to: 'grassroots', overdue: true },
  { member: 7, category: 'hardship', amountFen: 100_000, reason: '配偶失业,家中有一名残疾子女', to: 'returned' },
  { member: 8, category: 'other', amountFen: 50_000, reason: '申请反哺帮扶', to: 'rejected' },
  { member: 9, category: 'education', amountFen: 150_000, reason: '儿子就读职业技术学院', to: 'draft' },
  { member: 10, category: 'medical', amountFen: 60_000, reason: '门诊费用较多', to: 'withdrawn' },
];

/**
 * Applications of the 湖滨文旅 union's members in every state, driven through the real services by
 * the demo accounts (grassroots 赵敏, district 王海燕, city 陈立群), plus the demo worker's own
 * application from the H5 form.
 */
async function seedAid({ db }: DemoSeedContext): Promise<void> {
  const ctx = { db };
  const g = await authOf(db, 'grassroots');
  const d = await authOf(db, 'district');
  const c = await authOf(db, 'city');
  const w = await authOf(db, 'worker');
  const people = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.orgId, g.auth.user.orgId), eq(members.status, 'active'), sql`${members.bankAccountEnc} IS NOT NULL`))
    .orderBy(members.cardNo)
    .limit(12);
  const [fund] = await queryRows<{ id: string }>(db, sql`SELECT id FROM funds WHERE status = 'active' ORDER BY source = 'city' DESC, created_at LIMIT 1`);
  const campaign = await openCampaign(db);
  const act = (who: { auth: AuthContext; actor: Actor }, id: string, action: 'submit' | 'approve' | 'reject' | 'return' | 'withdraw', opinion?: string) =>
    actOnAidApplication(ctx, who.auth, who.actor, id, { action, opinion });
  for (const p of PLANS) {
    const memberId = people[p.member]?.id;
    if (!memberId) continue;
    const inCampaign = campaign && coversCategory(campaign, p.category) ? campaign.campaignId : undefined;
    const app = await createAidApplication(ctx, g.auth, g.actor, { memberId, category: p.category, amountFen: p.amountFen, reason: p.reason, sensitiveConsent: true, campaignId: inCampaign });
    const id = app.id;
    if (p.to === 'draft') continue;
    if (p.to === 'withdrawn') {
      await act(g, id, 'withdraw', '职工表示暂不需要');
      continue;
    }
    await act(g, id, 'submit');
    if (p.to === 'grassroots') {
      if (p.overdue) await db.execute(sql`UPDATE workflow_instances SET step_due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 3 WHERE business_id = ${id}`);
      continue;
    }
    if (p.to === 'returned') {
      await act(g, id, 'return', '请补充配偶失业证明和残疾证复印件');
      continue;
    }
    if (p.to === 'rejected') {
      await act(g, id, 'reject', '家庭人均收入高于低保标准2倍,不符合帮扶条件');
      continue;
    }
    await act(g, id, 'approve', '经核实情况属实,同意上报');
    await recordHomeVisit(ctx, g.auth, g.actor, id, { visitedOn: '2026-11-18', visitors: '赵敏、湖滨街道工会刘志强', findings: '入户查看,家中陈设简陋,病历与票据齐全,收入情况与申报一致', incomeCheckConsentSigned: true });
    if (p.to === 'district') continue;
    await act(d, id, 'approve', '复审通过');
    if (p.to === 'city') continue;
    if (p.to === 'publicity') continue;
    // approved: its 公示 window is over
    await db.execute(sql`UPDATE workflow_instances SET publicity_starts_at = now() - interval '6 days', publicity_ends_at = now() - interval '1 day' WHERE business_id = ${id}`);
    await closeEndedPublicity(db, aidWorkflow);
    if (p.to === 'paid' && fund) await disburseAid(ctx, c.auth, c.actor, id, fund.id, `demo-${id}`);
  }
  // the demo worker applied on the H5 form: waiting for the union's 初审
  if (w.auth.user.memberId) {
    await applyForAid(ctx, w.auth, w.actor, { category: 'medical', amountFen: 180_000, reason: '母亲住院手术,自付部分约2万元', sensitiveConsent: true });
  }
}

registerDemoSeeder('hardship-aid', seedAid);
