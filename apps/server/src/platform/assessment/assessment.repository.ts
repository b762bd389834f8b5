import { sql } from 'drizzle-orm';
import type { Attachment } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../access/data-scope.js';
import { queryRows, type Db } from '../db/db-connection.js';

export interface AssessmentRow {
  id: string;
  template_id: string;
  version_id: string;
  version: number;
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  org_id: string;
  org_name: string;
  cycle_year: number;
  due_date: string | null;
  status: string;
  facts: Record<string, number | null>;
  self_score: number | null;
  review_score: number | null;
  final_score: number | null;
  gates_passed: boolean | null;
  grade_code: string | null;
  confirmed_at: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface ItemRow {
  id: string;
  criterion_key: string;
  self_passed: boolean | null;
  self_points: number | null;
  note: string | null;
  evidence: Attachment[];
}

export interface RatingRow {
  criterion_key: string;
  rater_id: string;
  rater_name: string;
  rater_org_name: string;
  passed: boolean | null;
  points: number | null;
  comment: string | null;
}

export const assessmentScope = (scope: DataScope) => scopePredicate(scope, { org: sql`a.org_id` });

const SELECT = sql`SELECT a.id, a.template_id, a.version_id, v.version, a.subject_kind, a.subject_id, a.subject_name, a.org_id, o.name AS org_name,
  a.cycle_year, a.due_date::text AS due_date, a.status, a.facts, a.self_score, a.review_score, a.final_score, a.gates_passed, a.grade_code,
  to_char(a.confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS confirmed_at,
  to_char(a.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at, a.revoked_reason
  FROM assessments a JOIN orgs o ON o.id = a.org_id JOIN assessment_template_versions v ON v.id = a.version_id`;

/** One assessment of a template within the scope, or null (404 for the caller). */
export async function findAssessmentRow(db: Db, scope: DataScope, templateId: string, id: string, lock = false): Promise<AssessmentRow | null> {
  const [row] = await queryRows<AssessmentRow>(db, sql`${SELECT} WHERE a.id = ${id} AND a.template_id = ${templateId} AND ${assessmentScope(scope)} ${lock ? sql`FOR UPDATE OF a` : sql``}`);
  return row ?? null;
}

export const itemRows = (db: Db, assessmentId: string): Promise<ItemRow[]> =>
  queryRows<ItemRow>(db, sql`SELECT id, criterion_key, self_passed, self_points, note, evidence FROM assessment_items WHERE assessment_id = ${assessmentId}`);

export const ratingRows = (db: Db, assessmentId: string): Promise<RatingRow[]> =>
  queryRows<RatingRow>(db, sql`SELECT criterion_key, rater_id, rater_name, rater_org_name, passed, points, comment FROM assessment_ratings WHERE assessment_id = ${assessmentId} ORDER BY updated_at, rater_name`);

/** The item with its assessment's template and owning unit, within the scope (evidence routes). */
export async function findItemInScope(db: Db, scope: DataScope, templateId: string, itemId: string): Promise<{ id: string; assessment_id: string; org_id: string; criterion_key: string; evidence: Attachment[] } | null> {
  const [row] = await queryRows<{ id: string; assessment_id: string; org_id: string; criterion_key: string; evidence: Attachment[] }>(
    db,
    sql`SELECT i.id, i.assessment_id, a.org_id, i.criterion_key, i.evidence FROM assessment_items i JOIN assessments a ON a.id = i.assessment_id
        WHERE i.id = ${itemId} AND a.template_id = ${templateId} AND ${assessmentScope(scope)}`,
  );
  return row ?? null;
}
