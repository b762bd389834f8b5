import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

/** A proposal as read for display, with its counts, collection and project. */
export interface ProposalRow {
  id: string;
  collection_id: string;
  collection_title: string;
  collection_status: string;
  collection_org_id: string;
  category: string;
  title: string;
  content: string;
  source: 'member' | 'unit';
  member_id: string | null;
  member_name: string | null;
  org_id: string;
  org_name: string;
  filed_by: string | null;
  status: string;
  moderation_reason: string | null;
  assessment: string | null;
  assessment_reason: string | null;
  shortlisted: boolean;
  merged_into_id: string | null;
  merged_into_title: string | null;
  support_count: number;
  vote_count: number;
  created_at: string;
  project_id: string | null;
  project_title: string | null;
  project_progress: number | null;
  project_status: string | null;
}

export const iso = (col: SQL): SQL => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The proposal's union is in scope, or the caller filed it / is its proposer, or the caller runs its collection. */
export const proposalScope = (scope: DataScope): SQL =>
  sql`(${scopePredicate(scope, { org: sql`p.org_id`, owner: sql`p.filed_by`, member: sql`p.member_id` })} OR ${scopePredicate(scope, { org: sql`c.org_id` })})`;

/** The collection is visible to a user whose union lies in its owner's subtree, or whose scope holds the owner. */
export const collectionVisible = (scope: DataScope, userOrgId: string, col: SQL = sql`c.org_id`): SQL =>
  sql`(${scopePredicate(scope, { org: col })} OR EXISTS (SELECT 1 FROM org_closure oc WHERE oc.ancestor_id = ${col} AND oc.descendant_id = ${userOrgId}::uuid))`;

export const PROPOSAL_FROM = sql`FROM proposals p JOIN proposal_collections c ON c.id = p.collection_id JOIN orgs o ON o.id = p.org_id`;

const SELECT = sql`SELECT p.id, p.collection_id, c.title AS collection_title, c.status AS collection_status, c.org_id AS collection_org_id, p.category, p.title, p.content, p.source,
    p.member_id, m.name AS member_name, p.org_id, o.name AS org_name, p.filed_by, p.status, p.moderation_reason, p.assessment, p.assessment_reason, p.shortlisted,
    p.merged_into_id, mp.title AS merged_into_title,
    (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)::int AS support_count,
    (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.id)::int AS vote_count,
    ${iso(sql`p.created_at`)} AS created_at,
    pr.id AS project_id, pr.title AS project_title, pr.progress AS project_progress, pr.status AS project_status
  ${PROPOSAL_FROM}
  LEFT JOIN members m ON m.id = p.member_id
  LEFT JOIN proposals mp ON mp.id = p.merged_into_id
  LEFT JOIN proposal_projects pr ON pr.proposal_id = p.id`;

export async function proposalRows(db: Db, where: SQL, limit: number, offset: number, order: SQL = sql`p.created_at DESC, p.id`): Promise<ProposalRow[]> {
  return queryRows<ProposalRow>(db, sql`${SELECT} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`);
}

export async function countProposals(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${PROPOSAL_FROM} WHERE ${where}`);
  return row?.n ?? 0;
}

export async function proposalRow(db: Db, where: SQL): Promise<ProposalRow | null> {
  const [row] = await proposalRows(db, where, 1, 0);
  return row ?? null;
}

/** The member's supports and votes among some proposals. */
export async function myMarks(db: Db, memberId: string | null, ids: string[]): Promise<{ supported: Set<string>; voted: Set<string> }> {
  if (!memberId || ids.length === 0) return { supported: new Set(), voted: new Set() };
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const s = await queryRows<{ id: string }>(db, sql`SELECT proposal_id AS id FROM proposal_supports WHERE member_id = ${memberId} AND proposal_id IN (${list})`);
  const v = await queryRows<{ id: string }>(db, sql`SELECT proposal_id AS id FROM proposal_votes WHERE member_id = ${memberId} AND proposal_id IN (${list})`);
  return { supported: new Set(s.map((r) => r.id)), voted: new Set(v.map((r) => r.id)) };
}
