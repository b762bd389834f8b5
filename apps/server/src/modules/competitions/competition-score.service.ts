import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { SCORE_STATUS_LABELS, type CompetitionIndicator, type CompetitionScore, type Criterion, type ParticipantKind, type Ranking, type ScoreStatus, type scoreBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { rankByScore, totalScore } from '../../platform/assessment/assessment-scoring.js';
import { findScoreRow, participantRows, scoreRows, type CompetitionRow, type ScoreRow } from './competition.repository.js';
import { competitionAbilities, loadCompetition } from './competition.service.js';
import { competitionScores } from './competition.schema.js';

/** The indicators as weighted points criteria of the assessment mechanism: one scoring rule for both. */
const asCriteria = (indicators: CompetitionIndicator[]): Criterion[] =>
  indicators.map((i) => ({ key: i.key, kind: 'points', title: i.title, description: '', maxPoints: i.maxPoints, weight: i.weight, evidenceRequired: false }));

/** Σ min(points, max) × weight. */
export const weightedScore = (indicators: CompetitionIndicator[], values: { key: string; points: number }[]): number =>
  totalScore(asCriteria(indicators), new Map(values.map((v) => [v.key, { points: v.points }])));

function scoreDto(auth: AuthContext, c: CompetitionRow, s: ScoreRow): CompetitionScore {
  const status = s.status as ScoreStatus;
  return {
    id: s.id,
    competitionId: s.competition_id,
    participantId: s.participant_id,
    participantName: s.participant_name,
    periodKey: s.period_key,
    periodLabel: c.periods.find((p) => p.key === s.period_key)?.label ?? s.period_key,
    values: s.values,
    score: s.score,
    status,
    statusLabel: SCORE_STATUS_LABELS[status],
    note: status === 'returned' && s.return_reason ? `退回:${s.return_reason}${s.note ? `;${s.note}` : ''}` : s.note,
    evidence: s.evidence,
    abilities: {
      canEdit: c.status === 'running' && status !== 'verified' && auth.permissions.has('competition:score:submit'),
      canVerify: status === 'submitted' && competitionAbilities(auth, c).canVerify,
    },
  };
}

export async function listScores(db: Db, auth: AuthContext, competitionId: string, f: { periodKey?: string; participantId?: string }): Promise<CompetitionScore[]> {
  const c = await loadCompetition(db, auth, competitionId);
  return (await scoreRows(db, auth.scope, competitionId, c.organiser, f)).map((s) => scoreDto(auth, c, s));
}

/** The score in scope with its competition (404 outside). */
export async function loadScore(db: Db, auth: AuthContext, id: string, lock = false): Promise<{ s: ScoreRow; c: CompetitionRow }> {
  const s = await findScoreRow(db, auth.scope, id, lock);
  if (!s) throw notFound('竞赛得分');
  return { s, c: await loadCompetition(db, auth, s.competition_id) };
}

export async function getScore(db: Db, auth: AuthContext, id: string): Promise<CompetitionScore> {
  const { s, c } = await loadScore(db, auth, id);
  return scoreDto(auth, c, s);
}

type ScoreBody = z.infer<typeof scoreBodySchema>;

/**
 * A participant's score for a period (one per period; resubmitted while not yet verified, or after
 * a return): each indicator within its maximum, the weighted score computed here.
 */
export async function submitScore(db: Db, auth: AuthContext, actor: Actor, competitionId: string, b: ScoreBody): Promise<CompetitionScore> {
  const id = await db.transaction(async (tx) => {
    const c = await loadCompetition(tx, auth, competitionId, true);
    if (c.status !== 'running') throw conflict('竞赛不在进行中,不能填报得分', 'ILLEGAL_TRANSITION');
    const p = (await participantRows(tx, auth.scope, competitionId)).find((x) => x.id === b.participantId);
    if (!p || !(p.in_scope || c.organiser)) throw invalidField('participantId', '请选择本单位的参赛对象');
    if (!c.periods.some((x) => x.key === b.periodKey)) throw invalidField('periodKey', '评比阶段不正确');
    const values = c.indicators.map((ind) => {
      const i = b.values.findIndex((v) => v.key === ind.key);
      if (i < 0) throw invalidField('values', `请填写“${ind.title}”的得分`);
      if (b.values[i]!.points > ind.maxPoints) throw invalidField(`values.${i}.points`, `“${ind.title}”最高${ind.maxPoints}分`);
      return { key: ind.key, points: b.values[i]!.points };
    });
    const unknown = b.values.findIndex((v) => !c.indicators.some((ind) => ind.key === v.key));
    if (unknown >= 0) throw invalidField(`values.${unknown}.key`, '没有该指标');
    const score = weightedScore(c.indicators, values);
    const [old] = await tx.select().from(competitionScores).where(and(eq(competitionScores.participantId, p.id), eq(competitionScores.periodKey, b.periodKey))).for('update');
    if (old?.status === 'verified') throw conflict('该阶段得分已核定,不能再修改', 'ILLEGAL_TRANSITION');
    const set = { values, score, status: 'submitted', note: b.note ?? null, returnReason: null, submittedBy: auth.user.id, updatedAt: sql`now()` };
    const [row] = old
      ? await tx.update(competitionScores).set(set).where(eq(competitionScores.id, old.id)).returning({ id: competitionScores.id })
      : await tx.insert(competitionScores).values({ competitionId, participantId: p.id, periodKey: b.periodKey, ...set }).returning({ id: competitionScores.id });
    await recordAudit(tx, actor, { action: old ? 'data.update' : 'data.create', objectType: 'competition_score', objectId: row!.id, detail: { participant: p.name, period: b.periodKey, score, before: old ? { score: old.score, values: old.values } : null, after: { score, values } } }, true);
    return row!.id;
  });
  return getScore(db, auth, id);
}

/** The organiser verifies a submitted score or returns it with a reason. */
export async function reviewScore(db: Db, auth: AuthContext, actor: Actor, id: string, action: 'verify' | 'return', reason?: string): Promise<CompetitionScore> {
  await db.transaction(async (tx) => {
    const { s, c } = await loadScore(tx, auth, id, true);
    if (!competitionAbilities(auth, c).canVerify) throw forbidden('得分由竞赛主办单位核定');
    if (s.status !== 'submitted') throw conflict('只有待核定的得分可以核定或退回', 'ILLEGAL_TRANSITION');
    const status = action === 'verify' ? 'verified' : 'returned';
    await tx.update(competitionScores).set({ status, returnReason: reason ?? null, verifiedBy: auth.user.id, updatedAt: sql`now()` }).where(eq(competitionScores.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'competition_score', objectId: id, detail: { participant: s.participant_name, period: s.period_key, status: { from: s.status, to: status }, reason: reason ?? null } }, true);
  });
  return getScore(db, auth, id);
}

/**
 * Rankings: each participant's weighted scores summed over the periods (or one period), returned
 * scores left out; equal totals share a rank (rankByScore). Participants of one kind rank together.
 * Everyone who sees the competition sees the whole ranking (it is announced to all participants).
 */
export async function ranking(db: Db, auth: AuthContext, competitionId: string, f: { kind?: ParticipantKind; periodKey?: string }): Promise<Ranking> {
  await loadCompetition(db, auth, competitionId);
  const [parts, scores] = await Promise.all([participantRows(db, auth.scope, competitionId), scoreRows(db, auth.scope, competitionId, true, { periodKey: f.periodKey })]);
  const rows = parts
    .filter((p) => !f.kind || p.kind === f.kind)
    .map((p) => {
      const mine = scores.filter((s) => s.participant_id === p.id && s.status !== 'returned');
      const score = mine.length === 0 ? null : Math.round(mine.reduce((sum, s) => sum + s.score, 0) * 10) / 10;
      return { participantId: p.id, name: p.name, kind: p.kind as ParticipantKind, orgName: p.org_name, score, periods: mine.length };
    });
  return { periodKey: f.periodKey ?? null, rows: rankByScore(rows) };
}
