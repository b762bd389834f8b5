import { sql, type SQL } from 'drizzle-orm';
import type { CadrePosition, TrainingItem, TrainingListQuery } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { tenthsToHours } from './cadre-settings.js';

export interface TrainingRow {
  id: string;
  org_id: string;
  org_name: string;
  title: string;
  starts_on: string;
  ends_on: string;
  place: string;
  hours_tenths: number;
  audience: string | null;
  note: string | null;
  attendees: number;
  signed_in: number;
  version: number;
}

const SELECT = sql`SELECT t.id, t.org_id, o.name AS org_name, t.title, t.starts_on::text AS starts_on, t.ends_on::text AS ends_on, t.place, t.hours_tenths, t.audience, t.note,
    (SELECT count(*)::int FROM cadre_training_attendance a WHERE a.training_id = t.id) AS attendees,
    (SELECT count(*)::int FROM cadre_training_attendance a WHERE a.training_id = t.id AND a.signed_in) AS signed_in, t.version
  FROM cadre_trainings t JOIN orgs o ON o.id = t.org_id`;

/** A session is seen by whoever sees its organiser. */
export const trainingScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`t.org_id` });

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export function trainingWhere(scope: DataScope, q: Omit<TrainingListQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [trainingScope(scope)];
  if (q.q) conds.push(sql`(t.title LIKE ${`%${escapeLike(q.q)}%`} OR t.place LIKE ${`%${escapeLike(q.q)}%`})`);
  if (q.orgId) conds.push(sql`t.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${q.orgId}::uuid)`);
  if (q.year) conds.push(sql`t.starts_on >= ${`${q.year}-01-01`}::date AND t.starts_on <= ${`${q.year}-12-31`}::date`);
  return sql.join(conds, sql` AND `);
}

export const trainingRows = (db: Db, where: SQL, limit: number, offset: number): Promise<TrainingRow[]> =>
  queryRows<TrainingRow>(db, sql`${SELECT} WHERE ${where} ORDER BY t.starts_on DESC, t.title, t.id LIMIT ${limit} OFFSET ${offset}`);

export async function countTrainings(db: Db, where: SQL): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cadre_trainings t WHERE ${where}`);
  return r?.n ?? 0;
}

export async function findTrainingRow(db: Db, scope: DataScope, id: string): Promise<TrainingRow | null> {
  const [row] = await queryRows<TrainingRow>(db, sql`${SELECT} WHERE t.id = ${id} AND ${trainingScope(scope)}`);
  return row ?? null;
}

export const trainingItem = (r: TrainingRow): TrainingItem => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, title: r.title, startsOn: r.starts_on, endsOn: r.ends_on, place: r.place,
  hours: tenthsToHours(r.hours_tenths), audience: r.audience, attendees: r.attendees, signedIn: r.signed_in,
});

export interface AttendanceDbRow {
  cadre_id: string;
  name: string;
  org_name: string;
  position: CadrePosition;
  full_time: boolean;
  signed_in: boolean;
  hours_tenths: number;
  note: string | null;
}

export const attendanceRows = (db: Db, trainingId: string): Promise<AttendanceDbRow[]> =>
  queryRows<AttendanceDbRow>(
    db,
    sql`SELECT a.cadre_id, k.name, o.name AS org_name, k.position, k.full_time, a.signed_in, a.hours_tenths, a.note
        FROM cadre_training_attendance a JOIN cadres k ON k.id = a.cadre_id JOIN orgs o ON o.id = k.org_id
        WHERE a.training_id = ${trainingId} ORDER BY o.name, k.name`,
  );

/** Of the cadres given, those the caller sees whose union lies under the organiser (they may attend its sessions). */
export async function attendableCadres(db: Db, scope: DataScope, organiserId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT k.id FROM cadres k WHERE k.id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})
        AND ${scopePredicate(scope, { org: sql`k.org_id` })}
        AND k.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${organiserId}::uuid)`,
  );
  return new Set(rows.map((r) => r.id));
}
