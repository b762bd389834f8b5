import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  AWARD_KIND_LABELS, COMPETITION_KIND_LABELS, COMPETITION_STATUS_LABELS, PARTICIPANT_KIND_LABELS,
  type AwardKind, type Competition, type CompetitionBody, type CompetitionKind, type CompetitionListItem, type CompetitionStatus, type ParticipantKind,
  type competitionListQuerySchema, type participantBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { awardRows, findCompetitionRow, listCompetitionRows, participantRows, type CompetitionRow } from './competition.repository.js';
import { competitionParticipants, competitions } from './competition.schema.js';

const listItem = (r: CompetitionRow): CompetitionListItem => ({
  id: r.id,
  name: r.name,
  kind: r.kind as CompetitionKind,
  kindLabel: COMPETITION_KIND_LABELS[r.kind as CompetitionKind],
  theme: r.theme,
  orgName: r.org_name,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status as CompetitionStatus,
  statusLabel: COMPETITION_STATUS_LABELS[r.status as CompetitionStatus],
  participants: r.participants,
});

export async function listCompetitions(db: Db, auth: AuthContext, q: z.infer<typeof competitionListQuerySchema>) {
  const rows = await listCompetitionRows(db, auth.scope, q, q.page, q.pageSize);
  return { items: rows.map(listItem), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The competition in scope (404 outside). */
export async function loadCompetition(db: Db, auth: AuthContext, id: string, lock = false): Promise<CompetitionRow> {
  const row = await findCompetitionRow(db, auth.scope, id, lock);
  if (!row) throw notFound('竞赛');
  return row;
}

export function competitionAbilities(auth: AuthContext, r: CompetitionRow): Competition['abilities'] {
  const has = (p: Parameters<AuthContext['permissions']['has']>[0]) => auth.permissions.has(p);
  const organiser = r.organiser && has('competition:campaign:manage');
  return {
    canEdit: organiser && r.status === 'draft',
    canStart: organiser && r.status === 'draft' && r.participants > 0,
    canClose: organiser && r.status === 'running',
    canAddParticipant: organiser && r.status !== 'closed',
    canSubmitScore: r.status === 'running' && has('competition:score:submit'),
    canVerify: r.organiser && r.status !== 'draft' && has('competition:score:verify'),
    canAward: r.organiser && r.status !== 'draft' && has('competition:award:manage'),
  };
}

export async function getCompetition(db: Db, auth: AuthContext, id: string): Promise<Competition> {
  const r = await loadCompetition(db, auth, id);
  const [parts, awards] = await Promise.all([participantRows(db, auth.scope, id), awardRows(db, id)]);
  const shown = r.organiser ? parts : parts.filter((p) => p.in_scope);
  const shownIds = new Set(shown.map((p) => p.id));
  return {
    ...listItem(r),
    orgId: r.org_id,
    periods: r.periods,
    indicators: r.indicators,
    version: r.version,
    participantList: shown.map((p) => ({ id: p.id, kind: p.kind as ParticipantKind, kindLabel: PARTICIPANT_KIND_LABELS[p.kind as ParticipantKind], name: p.name, orgId: p.org_id, orgName: p.org_name, memberId: p.member_id })),
    awards: awards
      .filter((a) => shownIds.has(a.participant_id))
      .map((a) => ({ id: a.id, participantId: a.participant_id, participantName: a.participant_name, kind: a.kind as AwardKind, kindLabel: AWARD_KIND_LABELS[a.kind as AwardKind], certificateNo: a.certificate_no, awardedAt: a.awarded_at })),
    abilities: competitionAbilities(auth, r),
  };
}

/** Dates in order, unique period and indicator keys (422 naming the field). */
function checkBody(b: CompetitionBody): void {
  if (b.endDate < b.startDate) throw invalidField('endDate', '结束日期不能早于开始日期');
  const dup = (keys: string[]) => keys.findIndex((k, i) => keys.indexOf(k) !== i);
  const p = dup(b.periods.map((x) => x.key));
  if (p >= 0) throw invalidField(`periods.${p}.key`, '阶段编码重复');
  const k = dup(b.indicators.map((x) => x.key));
  if (k >= 0) throw invalidField(`indicators.${k}.key`, '指标编码重复');
}

const columns = (b: CompetitionBody) => ({ name: b.name, kind: b.kind, theme: b.theme, startDate: b.startDate, endDate: b.endDate, periods: b.periods, indicators: b.indicators });

/** A new campaign organised by the caller's own union, in 筹备中. */
export async function createCompetition(db: Db, auth: AuthContext, actor: Actor, b: CompetitionBody): Promise<Competition> {
  checkBody(b);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(competitions).values({ orgId: auth.user.orgId, createdBy: auth.user.id, ...columns(b) }).returning({ id: competitions.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'competition', objectId: row!.id, detail: { name: b.name, kind: b.kind, indicators: b.indicators.map((i) => `${i.title}×${i.weight}`) } }, true);
    return row!.id;
  });
  return getCompetition(db, auth, id);
}

/** Changes a campaign still in 筹备中 (indicators and weights are fixed once scores may come in). */
export async function updateCompetition(db: Db, auth: AuthContext, actor: Actor, id: string, b: CompetitionBody): Promise<Competition> {
  checkBody(b);
  await db.transaction(async (tx) => {
    const r = await loadCompetition(tx, auth, id, true);
    if (!r.organiser || !auth.permissions.has('competition:campaign:manage')) throw forbidden('只有主办单位可以修改竞赛');
    if (r.status !== 'draft') throw conflict('竞赛已开始,指标和权重不能再修改', 'ILLEGAL_TRANSITION');
    if (b.version !== undefined && b.version !== r.version) throw conflict('竞赛已被他人修改,请刷新后再试', 'VERSION_CONFLICT');
    await tx.update(competitions).set({ ...columns(b), version: sql`${competitions.version} + 1`, updatedAt: sql`now()` }).where(eq(competitions.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'competition', objectId: id, detail: { before: { name: r.name, indicators: r.indicators }, after: { name: b.name, indicators: b.indicators } } }, true);
  });
  return getCompetition(db, auth, id);
}

/** 筹备中 → 进行中 (needs a participant) → 已结束. */
export async function moveCompetition(db: Db, auth: AuthContext, actor: Actor, id: string, action: 'start' | 'close'): Promise<Competition> {
  await db.transaction(async (tx) => {
    const r = await loadCompetition(tx, auth, id, true);
    const can = competitionAbilities(auth, r);
    if (!r.organiser || !auth.permissions.has('competition:campaign:manage')) throw forbidden('只有主办单位可以启动或结束竞赛');
    if (action === 'start' && r.status === 'draft' && r.participants === 0) throw invalidField('participants', '请先添加参赛单位、班组或个人');
    if ((action === 'start' && !can.canStart) || (action === 'close' && !can.canClose)) throw conflict(`竞赛${COMPETITION_STATUS_LABELS[r.status as CompetitionStatus]},不能${action === 'start' ? '启动' : '结束'}`, 'ILLEGAL_TRANSITION');
    const to = action === 'start' ? 'running' : 'closed';
    await tx.update(competitions).set({ status: to, updatedAt: sql`now()` }).where(eq(competitions.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'competition', objectId: id, detail: { status: { from: r.status, to } } }, true);
  });
  return getCompetition(db, auth, id);
}

/** A participating unit, team or individual of a unit within the organiser's tree and the caller's scope. */
export async function addParticipant(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof participantBodySchema>): Promise<Competition> {
  await db.transaction(async (tx) => {
    const r = await loadCompetition(tx, auth, id, true);
    if (!competitionAbilities(auth, r).canAddParticipant) throw forbidden('只有主办单位可以添加参赛对象');
    const under = await scopeIncludesOrg(tx, { all: false, subtreeRoots: [r.org_id], units: [], selfUserId: null, selfMemberId: null }, b.orgId);
    if (!under || !(await scopeIncludesOrg(tx, auth.scope, b.orgId))) throw invalidField('orgId', '参赛对象须为主办单位所辖的工会');
    const [row] = await tx.insert(competitionParticipants).values({ competitionId: id, kind: b.kind, name: b.name, orgId: b.orgId, memberId: b.memberId ?? null }).onConflictDoNothing().returning({ id: competitionParticipants.id });
    if (!row) throw invalidField('name', `“${b.name}”已在参赛名单中`);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'competition_participant', objectId: row.id, detail: { competition: r.name, kind: b.kind, name: b.name } }, true);
  });
  return getCompetition(db, auth, id);
}
