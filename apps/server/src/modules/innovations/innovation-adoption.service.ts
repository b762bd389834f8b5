import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { INNOVATION_KIND_LABELS, fenToYuan, type Innovation, type InnovationKind, type innovationAdoptionBodySchema, type innovationRewardBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { cjkPdf, type PdfLine } from '../../platform/files/cjk-pdf.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findFundRow } from '../../platform/ledger/fund.repository.js';
import { payOnce, payOnceRacing } from '../../platform/ledger/ledger.service.js';
import { innovations } from './innovation.schema.js';
import { getInnovation } from './innovation.service.js';
import { INNOVATION_WORKFLOW_TYPE } from './innovation-workflow.js';

/** 采纳: the enterprise adopted it on a date; the union verifies the value created (年创效, 分). Changeable until the reward is paid. */
export async function recordAdoption(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof innovationAdoptionBodySchema>): Promise<Innovation> {
  const before = await getInnovation(db, auth, id);
  if (!before.abilities.canAdopt) {
    if (before.reward) throw conflict('奖励已发放,采纳与创效不能再修改', 'ILLEGAL_TRANSITION');
    throw auth.permissions.has('innovation:adoption:record') ? conflict('区县审核通过后才能登记采纳', 'ILLEGAL_TRANSITION') : forbidden();
  }
  if (body.adoptedOn > shanghaiDate(new Date())) throw invalidField('adoptedOn', '采纳日期不能晚于今天');
  await db.transaction(async (tx) => {
    await tx
      .update(innovations)
      .set({ adoptedBy: body.adoptedBy, adoptedOn: body.adoptedOn, valueFen: body.valueFen, valueNote: body.valueNote ?? null, updatedAt: sql`now()` })
      .where(eq(innovations.id, id));
    const from = before.adoption ? { adoptedOn: before.adoption.adoptedOn, valueFen: before.adoption.valueFen } : null;
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'innovation', objectId: id, detail: { adoption: { from, to: { adoptedBy: body.adoptedBy, adoptedOn: body.adoptedOn, valueFen: body.valueFen } } } }, true);
  });
  return getInnovation(db, auth, id);
}

/** 创新奖励 paid once through the ledger to the worker (or the team lead) by their registered bank card. */
export async function payInnovationReward(
  db: Db,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof innovationRewardBodySchema>,
  idempotencyKey: string | null,
): Promise<{ innovation: Innovation; replayed: boolean }> {
  const inv = await getInnovation(db, auth, id);
  if (inv.reward) return { innovation: inv, replayed: true };
  if (!inv.adoption) throw conflict('登记采纳并核定创效后才能发放奖励', 'ILLEGAL_TRANSITION');
  if (!inv.abilities.canPayReward) throw forbidden('您不能发放该项目的奖励');
  if (!inv.memberId) throw invalidField('memberId', '该项目没有关联会员,无法发放奖励');
  const [member] = await queryRows<{ name: string; bank_account_enc: string | null; bank_account_masked: string | null }>(
    db,
    sql`SELECT name, bank_account_enc, bank_account_masked FROM members WHERE id = ${inv.memberId}`,
  );
  if (!member?.bank_account_enc) throw invalidField('bankAccount', `${member?.name ?? '该会员'}未登记银行卡号,请先在会员档案中补充后再发放`);
  const fund = await findFundRow(db, auth.scope, body.fundId, shanghaiYear());
  if (!fund || fund.status !== 'active') throw invalidField('fundId', '资金不存在、已关闭或不在您的管理范围内');
  const pay = () =>
    db.transaction(async (tx) => {
      const { payout, replayed } = await payOnce(tx, {
        fundId: body.fundId,
        businessType: INNOVATION_WORKFLOW_TYPE,
        businessKey: id,
        programme: 'innovation_reward',
        amountFen: body.rewardFen,
        memberId: inv.memberId,
        householdId: null,
        orgId: inv.orgId,
        payeeName: member.name,
        payeeAccountEnc: member.bank_account_enc,
        payeeAccountMasked: member.bank_account_masked,
        campaignId: null,
        description: `${INNOVATION_KIND_LABELS[inv.kind]}奖励:${inv.title}`,
        idempotencyKey,
        createdBy: auth.user.id,
      });
      if (!replayed) {
        await tx.update(innovations).set({ payoutId: payout.id, updatedAt: sql`now()` }).where(eq(innovations.id, id));
        await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'innovation', objectId: id, detail: { fundId: body.fundId, amountFen: body.rewardFen, payoutId: payout.id } }, true);
      }
      return replayed;
    });
  const replayed = await payOnceRacing(pay);
  return { innovation: await getInnovation(db, auth, id), replayed };
}

const wrap = (s: string, n: number): string[] => Array.from({ length: Math.ceil(s.length / n) }, (_, i) => s.slice(i * n, (i + 1) * n));

/** The 职工创新成果证书 (A4 landscape) of a recognised innovation. */
export function innovationCertificatePdf(inv: Innovation): Buffer {
  const who = inv.teamName ? `${inv.teamName}(${inv.teamMembers.map((t) => t.name).join('、')})` : `${inv.memberName ?? ''}(${inv.orgName})`;
  const body = wrap(`你(们)的${INNOVATION_KIND_LABELS[inv.kind as InnovationKind]}项目“${inv.title}”经市总工会认定为${inv.year}年度杭州市职工“五小”创新优秀成果${inv.adoption ? `,经${inv.adoption.adoptedBy}采纳,年创效${fenToYuan(inv.adoption.valueFen)}元` : ''}。`, 30);
  const lines: PdfLine[] = [
    { text: '职工创新成果证书', size: 40, y: 470 },
    ...wrap(`${who}:`, 34).map((t, i) => ({ text: t, size: 20, x: 110, y: 400 - i * 28 })),
    ...body.map((t, i) => ({ text: t, size: 18, x: 150, y: 340 - i * 30 })),
    { text: '特发此证,以资鼓励。', size: 18, x: 150, y: 200 },
    { text: '杭州市总工会', size: 18, right: 730, y: 140 },
    { text: `证书编号:${inv.certificateNo ?? ''}`, size: 12, x: 60, y: 60 },
  ];
  return cjkPdf({ width: 842, height: 595, lines, frame: true });
}

export async function innovationCertificate(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const inv = await getInnovation(db, auth, id);
  if (!inv.certificateNo) throw notFound('证书');
  await recordAudit(db, actor, { action: 'data.export', objectType: 'innovation', objectId: id, detail: { certificateNo: inv.certificateNo } });
  return { fileName: `${inv.title}-创新成果证书.pdf`, pdf: innovationCertificatePdf(inv) };
}
