import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CRAFTSMAN_CRITERIA, CRAFTSMAN_DECISION_LABELS, CRAFTSMAN_STAGE_LABELS, type CraftsmanNomination, type craftsmanScoreBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { rankByScore } from '../../platform/assessment/assessment-scoring.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { cjkPdf, type PdfLine } from '../../platform/files/cjk-pdf.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findFundRow } from '../../platform/ledger/fund.repository.js';
import { payOnce, payOnceRacing } from '../../platform/ledger/ledger.service.js';
import { getNomination, visibleNomination } from './craftsman-nomination.service.js';
import { canScore, cityRights, craftsmanInstance, finalScoreOf, stageOf } from './craftsman-view.js';
import { CRAFTSMAN_WORKFLOW_TYPE } from './craftsman-workflow.js';
import { callNominationRows } from './craftsman.repository.js';
import { craftsmanNominations, craftsmanScores } from './craftsman.schema.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** An expert scores (or re-scores) a nomination during the 综合评审 step; one score per expert. */
export async function scoreNomination(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof craftsmanScoreBodySchema>): Promise<CraftsmanNomination> {
  await recordScore(db, auth, actor, id, b);
  return getNomination(db, auth, id);
}

/** The expert's score, without the answer. */
export async function recordScore(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof craftsmanScoreBodySchema>): Promise<void> {
  await visibleNomination(db, auth, id);
  if (!canScore(auth, await craftsmanInstance(db, id))) throw conflict('只有综合评审阶段的推荐可以评分', 'ILLEGAL_TRANSITION');
  const total = round1(CRAFTSMAN_CRITERIA.reduce((s, c) => s + b.points[c.key], 0));
  await db.transaction(async (tx) => {
    await tx
      .insert(craftsmanScores)
      .values({ nominationId: id, expertId: auth.user.id, expertName: auth.user.name, points: b.points, total, comment: b.comment ?? null })
      .onConflictDoUpdate({ target: [craftsmanScores.nominationId, craftsmanScores.expertId], set: { points: b.points, total, comment: b.comment ?? null, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: 'assessment.rate', objectType: 'craftsman_nomination', objectId: id, detail: { total } }, true);
  });
}

/** The call's candidates ranked by their experts' trimmed mean (equal scores share a rank). */
export async function callRanking(db: Db, auth: AuthContext, callId: string) {
  const rows = await callNominationRows(db, auth.scope, callId);
  const scored = rows
    .filter((r) => !['draft', 'returned', 'withdrawn'].includes(r.workflow_status))
    .map((r) => {
      const stage = stageOf(r);
      return {
        id: r.id,
        memberName: r.member_name,
        trade: r.trade,
        nominatingOrgName: r.nominating_org_name,
        scoreCount: r.score_totals.length,
        score: finalScoreOf(r.score_totals),
        stage,
        stageLabel: CRAFTSMAN_STAGE_LABELS[stage],
        decisionLabel: r.decision ? CRAFTSMAN_DECISION_LABELS[r.decision] : null,
      };
    });
  return rankByScore(scored).map(({ score, ...x }) => ({ ...x, finalScore: score }));
}

/**
 * The city government's approval after 公示: the nomination joins the year's register; a 杭州工匠
 * gets the D类人才 certificate number 杭匠〔year〕n号 (n counting the year's craftsmen).
 */
export async function cityApprove(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<CraftsmanNomination> {
  await recordCityApproval(db, auth, actor, id);
  return getNomination(db, auth, id);
}

/** The approval and the certificate number, without the answer. */
export async function recordCityApproval(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const r = await visibleNomination(db, auth, id);
  if (!cityRights(auth, r).canCityApprove) throw conflict('只有公示期满、待市政府批准的推荐可以批准', 'ILLEGAL_TRANSITION');
  await db.transaction(async (tx) => {
    let certificateNo: string | null = null;
    if (r.decision === 'craftsman') {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`craftsman-certificate-${r.call_year}`}))`);
      const [n] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int + 1 AS n FROM craftsman_nominations WHERE certificate_no LIKE ${`杭匠〔${r.call_year}〕%`}`);
      certificateNo = `杭匠〔${r.call_year}〕${String(n!.n).padStart(3, '0')}号`;
    }
    const [row] = await tx
      .update(craftsmanNominations)
      .set({ cityApprovedAt: sql`now()`, cityApprovedBy: auth.user.id, certificateNo, updatedAt: sql`now()` })
      .where(sql`${craftsmanNominations.id} = ${id} AND ${craftsmanNominations.cityApprovedAt} IS NULL`)
      .returning({ id: craftsmanNominations.id });
    if (!row) throw conflict('该推荐已被批准,请刷新后再试', 'ILLEGAL_TRANSITION');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'craftsman_nomination', objectId: id, detail: { cityApproved: true, decision: r.decision, certificateNo } }, true);
  });
}

/** The award (the call's amount, 50,000 元 by default) paid once from a fund through the ledger: a replay returns the first payout. */
export async function payAward(db: Db, auth: AuthContext, actor: Actor, id: string, fundId: string, idempotencyKey: string | null): Promise<{ nomination: CraftsmanNomination; replayed: boolean }> {
  const replayed = await recordAward(db, auth, actor, id, fundId, idempotencyKey);
  return { nomination: await getNomination(db, auth, id), replayed };
}

/** Pays the award once (true: it had been paid), without the answer. */
export async function recordAward(db: Db, auth: AuthContext, actor: Actor, id: string, fundId: string, idempotencyKey: string | null): Promise<boolean> {
  const r = await visibleNomination(db, auth, id);
  if (r.payout_id) return true;
  if (!cityRights(auth, r).canPay) throw conflict('只有市政府批准的杭州工匠可以发放奖励', 'ILLEGAL_TRANSITION');
  const fund = await findFundRow(db, auth.scope, fundId, shanghaiYear());
  if (!fund || fund.status !== 'active') throw invalidField('fundId', '资金不存在、已关闭或不在您的管理范围内');
  const [member] = await queryRows<{ name: string; bank_account_enc: string | null; bank_account_masked: string | null }>(db, sql`SELECT name, bank_account_enc, bank_account_masked FROM members WHERE id = ${r.member_id}`);
  const pay = () =>
    db.transaction(async (tx) => {
      const { payout, replayed } = await payOnce(tx, {
        fundId,
        businessType: CRAFTSMAN_WORKFLOW_TYPE,
        businessKey: id,
        programme: 'craftsman_award',
        amountFen: r.call_award_fen,
        memberId: r.member_id,
        householdId: null,
        orgId: r.nominating_org_id,
        payeeName: member?.name ?? r.member_name,
        payeeAccountEnc: member?.bank_account_enc ?? null,
        payeeAccountMasked: member?.bank_account_masked ?? null,
        campaignId: null,
        description: `${r.call_year}年度杭州工匠奖励(${r.trade})`,
        idempotencyKey,
        createdBy: auth.user.id,
      });
      if (!replayed) {
        await tx.update(craftsmanNominations).set({ payoutId: payout.id, updatedAt: sql`now()` }).where(eq(craftsmanNominations.id, id));
        await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'craftsman_nomination', objectId: id, detail: { fundId, amountFen: r.call_award_fen, payoutId: payout.id } }, true);
      }
      return replayed;
    });
  return payOnceRacing(pay);
}

const chineseDate = (iso: string) => shanghaiDate(new Date(iso)).replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** The 杭州工匠 certificate, recognised as D类人才 (A4 landscape PDF with its number). */
export async function craftsmanCertificate(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const r = await visibleNomination(db, auth, id);
  if (!r.certificate_no || !r.city_approved_at) throw notFound('杭州工匠证书');
  if (!auth.permissions.has('honours:craftsman:list')) throw forbidden();
  await recordAudit(db, actor, { action: 'data.export', objectType: 'craftsman_nomination', objectId: id, detail: { certificateNo: r.certificate_no } });
  const lines: PdfLine[] = [
    { text: '杭 州 工 匠 证 书', size: 40, y: 480 },
    { text: `${r.member_name}同志:`, size: 20, x: 110, y: 400 },
    { text: `您在${r.trade}岗位上精益求精、技艺精湛,经推荐、综合评审、领导小组审定、`, size: 17, x: 150, y: 360 },
    { text: `公示并报杭州市人民政府批准,被评为${r.call_year}年度`, size: 17, x: 150, y: 330 },
    { text: '“杭州工匠”', size: 34, y: 270 },
    { text: '按规定认定为杭州市D类人才。特发此证。', size: 17, x: 150, y: 220 },
    { text: `工作单位:${r.employer_name}`, size: 14, x: 150, y: 185 },
    { text: '杭州市总工会', size: 18, right: 730, y: 140 },
    { text: chineseDate(r.city_approved_at), size: 16, right: 730, y: 110 },
    { text: `证书编号:${r.certificate_no}`, size: 12, x: 60, y: 60 },
  ];
  return { fileName: `${r.member_name}-杭州工匠证书.pdf`, pdf: cjkPdf({ width: 842, height: 595, lines, frame: true }) };
}
