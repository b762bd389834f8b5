import { sql, type SQL } from 'drizzle-orm';
import type { Attachment, CompetitionIndicator } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/** A competition is visible where its organiser or one of its participants is in scope. */
const visible = (scope: DataScope) =>
  sql`(${scopePredicate(scope, { org: sql`c.org_id` })} OR EXISTS (SELECT 1 FROM competition_participants p WHERE p.competition_id = c.id AND ${scopePredicate(scope, { org: sql`p.org_id` })}))`;

export interface CompetitionRow {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  kind: string;
  theme: string;
  start_date: string;
  end_date: string;
  periods: { key: string; label: string }[];
  indicators: CompetitionIndicator[];
  status: string;
  version: number;
  participants: number;
  /** the organiser is in the caller's scope (manages, verifies, awards) */
  organiser: boolean;
  total: number;
}

const SELECT = (scope: DataScope) => sql`SELECT c.id, c.org_id, o.name AS org_name, c.name, c.kind, c.theme, c.start_date::text AS start_date, c.end_date::text AS end_date,
  c.periods, c.indicators, c.status, c.version, (SELECT count(*)::int FROM competition_participants p WHERE p.competition_id = c.id) AS participants,
  ${scopePredicate(scope, { org: sql`c.org_id` })} AS organiser
  FROM competitions c JOIN orgs o ON o.id = c.org_id`;

export interface CompetitionFilter {
  kind?: string;
  status?: string;
  q?: string;
}

export async function listCompetitionRows(db: Db, scope: DataScope, f: CompetitionFilter, page: number, pageSize: number): Promise<CompetitionRow[]> {
  const conds: SQL[] = [visible(scope)];
  if (f.kind) conds.push(sql`c.kind = ${f.kind}`);
  if (f.status) conds.push(sql`c.status = ${f.status}`);
  if (f.q) conds.push(sql`c.name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  return queryRows<CompetitionRow>(
    db,
    sql`SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT(scope)} WHERE ${sql.join(conds, sql` AND `)}) x ORDER BY x.start_date DESC, x.name, x.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

export async function findCompetitionRow(db: Db, scope: DataScope, id: string, lock = false): Promise<CompetitionRow | null> {
  const [row] = await queryRows<CompetitionRow>(db, sql`${SELECT(scope)} WHERE c.id = ${id} AND ${visible(scope)} ${lock ? sql`FOR UPDATE OF c` : sql``}`);
  return row ?? null;
}

export interface ParticipantRow {
  id: string;
  competition_id: string;
  kind: string;
  name: string;
  org_id: string;
  org_name: string;
  member_id: string | null;
  in_scope: boolean;
}

export const participantRows = (db: Db, scope: DataScope, competitionId: string): Promise<ParticipantRow[]> =>
  queryRows<ParticipantRow>(
    db,
    sql`SELECT p.id, p.competition_id, p.kind, p.name, p.org_id, o.name AS org_name, p.member_id, ${scopePredicate(scope, { org: sql`p.org_id` })} AS in_scope
        FROM competition_participants p JOIN orgs o ON o.id = p.org_id WHERE p.competition_id = ${competitionId} ORDER BY array_position(ARRAY['unit','team','individual'], p.kind), p.created_at, p.name`,
  );

export interface ScoreRow {
  id: string;
  competition_id: string;
  participant_id: string;
  participant_name: string;
  participant_org_id: string;
  period_key: string;
  values: { key: string; points: number }[];
  score: number;
  status: string;
  note: string | null;
  return_reason: string | null;
  evidence: Attachment[];
}

const SCORES = sql`SELECT s.id, s.competition_id, s.participant_id, p.name AS participant_name, p.org_id AS participant_org_id, s.period_key, s.values, s.score, s.status, s.note, s.return_reason, s.evidence
  FROM competition_scores s JOIN competition_participants p ON p.id = s.participant_id`;

/** Scores of a competition: all of them for the organiser's side, else those of participants in scope. */
export function scoreRows(db: Db, scope: DataScope, competitionId: string, organiser: boolean, f: { periodKey?: string; participantId?: string }): Promise<ScoreRow[]> {
  const conds: SQL[] = [sql`s.competition_id = ${competitionId}`];
  if (!organiser) conds.push(scopePredicate(scope, { org: sql`p.org_id` }));
  if (f.periodKey) conds.push(sql`s.period_key = ${f.periodKey}`);
  if (f.participantId) conds.push(sql`s.participant_id = ${f.participantId}`);
  return queryRows<ScoreRow>(db, sql`${SCORES} WHERE ${sql.join(conds, sql` AND `)} ORDER BY s.period_key, p.name`);
}

/** One score whose participant or competition organiser is in scope, with the competition's id. */
export async function findScoreRow(db: Db, scope: DataScope, id: string, lock = false): Promise<ScoreRow | null> {
  const [row] = await queryRows<ScoreRow>(
    db,
    sql`${SCORES} JOIN competitions c ON c.id = s.competition_id WHERE s.id = ${id}
        AND (${scopePredicate(scope, { org: sql`p.org_id` })} OR ${scopePredicate(scope, { org: sql`c.org_id` })}) ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
  return row ?? null;
}

export interface AwardRow {
  id: string;
  competition_id: string;
  competition_name: string;
  competition_kind: string;
  organiser_name: string;
  participant_id: string;
  participant_name: string;
  participant_kind: string;
  participant_org_name: string;
  kind: string;
  certificate_no: string;
  awarded_at: string;
}

const AWARDS = sql`SELECT a.id, a.competition_id, c.name AS competition_name, c.kind AS competition_kind, co.name AS organiser_name, a.participant_id, p.name AS participant_name, p.kind AS participant_kind,
  po.name AS participant_org_name, a.kind, a.certificate_no, to_char(a.awarded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS awarded_at
  FROM competition_awards a JOIN competitions c ON c.id = a.competition_id JOIN orgs co ON co.id = c.org_id
  JOIN competition_participants p ON p.id = a.participant_id JOIN orgs po ON po.id = p.org_id`;

export const awardRows = (db: Db, competitionId: string): Promise<AwardRow[]> => queryRows<AwardRow>(db, sql`${AWARDS} WHERE a.competition_id = ${competitionId} ORDER BY a.awarded_at, p.name`);

/** An award whose participant or organiser is in scope. */
export async function findAwardRow(db: Db, scope: DataScope, id: string): Promise<AwardRow | null> {
  const [row] = await queryRows<AwardRow>(db, sql`${AWARDS} WHERE a.id = ${id} AND (${scopePredicate(scope, { org: sql`p.org_id` })} OR ${scopePredicate(scope, { org: sql`c.org_id` })})`);
  return row ?? null;
}
