import { sql } from 'drizzle-orm';
import { AWARD_FOR, AWARD_KIND_LABELS, COMPETITION_KIND_LABELS, type AwardKind, type Competition, type CompetitionKind } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { cjkPdf, type PdfLine } from '../../platform/files/cjk-pdf.js';
import { forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findAwardRow, participantRows, type AwardRow } from './competition.repository.js';
import { competitionAbilities, getCompetition, loadCompetition } from './competition.service.js';
import { competitionAwards } from './competition.schema.js';

const MERIT: AwardKind[] = ['merit_first', 'merit_second', 'merit_third'];

/**
 * An award to a participant: 先进集体 and 工人先锋号 go to units and teams, 先进个人 and the 立功
 * levels to individuals; 立功 only in a 立功竞赛. One of each kind per participant. The certificate
 * number is 杭工竞〔year〕n号, n counting the year's awards.
 */
export async function grantAward(db: Db, auth: AuthContext, actor: Actor, competitionId: string, b: { participantId: string; kind: AwardKind }): Promise<Competition> {
  await db.transaction(async (tx) => {
    const c = await loadCompetition(tx, auth, competitionId, true);
    if (!competitionAbilities(auth, c).canAward) throw forbidden('表彰由竞赛主办单位评定');
    const p = (await participantRows(tx, auth.scope, competitionId)).find((x) => x.id === b.participantId);
    if (!p) throw invalidField('participantId', '请选择本竞赛的参赛对象');
    const collective = p.kind !== 'individual';
    if ((AWARD_FOR[b.kind] === 'collective') !== collective) throw invalidField('kind', `${AWARD_KIND_LABELS[b.kind]}只能授予${AWARD_FOR[b.kind] === 'collective' ? '参赛单位或班组' : '个人'}`);
    if (MERIT.includes(b.kind) && c.kind !== 'merit') throw invalidField('kind', '立功等次只在立功竞赛中评定');
    const year = shanghaiDate(new Date()).slice(0, 4);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`competition-award-${year}`}))`);
    const [n] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int + 1 AS n FROM competition_awards WHERE certificate_no LIKE ${`杭工竞〔${year}〕%`}`);
    const certificateNo = `杭工竞〔${year}〕${n!.n}号`;
    const [row] = await tx.insert(competitionAwards).values({ competitionId, participantId: p.id, kind: b.kind, certificateNo, awardedBy: auth.user.id }).onConflictDoNothing({ target: [competitionAwards.participantId, competitionAwards.kind] }).returning({ id: competitionAwards.id });
    if (!row) throw invalidField('kind', `${p.name}已获${AWARD_KIND_LABELS[b.kind]}`);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'competition_award', objectId: row.id, detail: { competition: c.name, participant: p.name, award: b.kind, certificateNo } }, true);
  });
  return getCompetition(db, auth, competitionId);
}

/** Breaks a long line into lines of at most `n` characters. */
const wrap = (s: string, n: number): string[] => Array.from({ length: Math.ceil(s.length / n) }, (_, i) => s.slice(i * n, (i + 1) * n));

/** The certificate as a one-page A4 landscape PDF. */
export function certificatePdf(a: AwardRow): Buffer {
  const body = wrap(`在${a.organiser_name}组织开展的“${a.competition_name}”${COMPETITION_KIND_LABELS[a.competition_kind as CompetitionKind]}中,成绩突出,被评为`, 30);
  const lines: PdfLine[] = [
    { text: '荣 誉 证 书', size: 44, y: 470 },
    { text: `${a.participant_name}${a.participant_kind === 'individual' ? `(${a.participant_org_name})` : ''}:`, size: 20, x: 110, y: 390 },
    ...body.map((t, i) => ({ text: t, size: 18, x: 150, y: 350 - i * 30 })),
    { text: AWARD_KIND_LABELS[a.kind as AwardKind], size: 34, y: 340 - body.length * 30 - 20 },
    { text: '特发此证,以资鼓励。', size: 18, x: 150, y: 200 },
    { text: a.organiser_name, size: 18, right: 730, y: 140 },
    { text: shanghaiDate(new Date(a.awarded_at)).replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), size: 16, right: 730, y: 110 },
    { text: `证书编号:${a.certificate_no}`, size: 12, x: 60, y: 60 },
  ];
  return cjkPdf({ width: 842, height: 595, lines, frame: true });
}

export async function awardCertificate(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const a = await findAwardRow(db, auth.scope, id);
  if (!a) throw notFound('表彰');
  await recordAudit(db, actor, { action: 'data.export', objectType: 'competition_award', objectId: id, detail: { certificateNo: a.certificate_no } });
  return { fileName: `${a.participant_name}-${AWARD_KIND_LABELS[a.kind as AwardKind]}证书.pdf`, pdf: certificatePdf(a) };
}
