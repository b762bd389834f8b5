import { sql } from 'drizzle-orm';
import type { DuplicatePair, Proposal, ProposalAssessment } from '@gonghui/contracts';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { notify } from '../../platform/notify/notify.service.js';
import { DUPLICATE_THRESHOLD, gramSimilarity } from './proposal-grams.js';
import { proposalScope } from './proposal.repository.js';
import { getProposal } from './proposal.service.js';
import { getCollection } from './proposal-collection.service.js';

export interface LockedProposal {
  id: string;
  title: string;
  status: string;
  collection_id: string;
  collection_status: string;
  manageable: boolean;
  assessment: string | null;
  member_id: string | null;
  filed_by: string | null;
  org_id: string;
  project_id: string | null;
}

/** The proposal in the caller's scope, locked for the transaction (404 outside scope). */
export async function lockProposal(tx: Db, auth: AuthContext, id: string, field = 'id'): Promise<LockedProposal> {
  const [row] = await queryRows<LockedProposal>(
    tx,
    sql`SELECT p.id, p.title, p.status, p.collection_id, c.status AS collection_status, ${scopePredicate(auth.scope, { org: sql`c.org_id` })} AS manageable, p.assessment, p.member_id, p.filed_by, p.org_id,
      (SELECT pr.id FROM proposal_projects pr WHERE pr.proposal_id = p.id) AS project_id
      FROM proposals p JOIN proposal_collections c ON c.id = p.collection_id WHERE p.id = ${id} AND ${proposalScope(auth.scope)} FOR UPDATE OF p`,
  );
  if (!row) {
    if (field === 'id') throw notFound('建议');
    throw invalidField(field, '建议不存在或不在您的数据范围内');
  }
  return row;
}

/** Managing the collection's decisions needs its owner in scope (404 otherwise: the caller only sees the proposal). */
function mustManage(p: LockedProposal): void {
  if (!p.manageable) throw notFound('建议');
}

export async function tellProposer(tx: Db, p: { filed_by: string | null; id: string }, title: string, body: string): Promise<void> {
  if (p.filed_by) await notify(tx, { userId: p.filed_by, kind: 'proposal', title, body, link: `/m/proposals/${p.id}` });
}

export async function moderateProposal(db: Db, auth: AuthContext, actor: Actor, id: string, b: { decision: 'public' | 'blocked'; reason?: string | undefined }): Promise<Proposal> {
  await db.transaction(async (tx) => {
    const p = await lockProposal(tx, auth, id);
    if (!['pending', 'public'].includes(p.status) || p.project_id) throw conflict('该建议当前不能审核');
    if (p.collection_status === 'closed') throw conflict('征集活动已结束');
    await tx.execute(sql`UPDATE proposals SET status = ${b.decision}, moderation_reason = ${b.decision === 'blocked' ? (b.reason ?? '') : null}, moderated_by_name = ${auth.user.name}, moderated_at = now(),
      shortlisted = CASE WHEN ${b.decision} = 'blocked' THEN false ELSE shortlisted END, updated_at = now() WHERE id = ${id}`);
    if (b.decision === 'blocked') await tellProposer(tx, p, '您的办实事建议未予公开', `「${p.title}」:${b.reason ?? ''}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'proposal', objectId: id, detail: { action: 'moderate', from: p.status, to: b.decision, reason: b.reason ?? null } }, true);
  });
  return getProposal(db, auth, id);
}

export async function assessProposal(db: Db, auth: AuthContext, actor: Actor, id: string, b: { assessment: ProposalAssessment; reason: string }): Promise<Proposal> {
  await db.transaction(async (tx) => {
    const p = await lockProposal(tx, auth, id);
    mustManage(p);
    if (p.status !== 'public' || p.project_id) throw conflict('只能评估已公开、未采纳的建议');
    if (!['collecting', 'assessing'].includes(p.collection_status)) throw conflict('征集活动当前阶段不能评估');
    await tx.execute(sql`UPDATE proposals SET assessment = ${b.assessment}, assessment_reason = ${b.reason}, assessed_by_name = ${auth.user.name}, assessed_at = now(),
      shortlisted = CASE WHEN ${b.assessment} = 'infeasible' THEN false ELSE shortlisted END, updated_at = now() WHERE id = ${id}`);
    await tellProposer(tx, p, `您的办实事建议评估为${b.assessment === 'feasible' ? '可行' : '不可行'}`, `「${p.title}」:${b.reason}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'proposal', objectId: id, detail: { action: 'assess', assessment: { from: p.assessment, to: b.assessment }, reason: b.reason } }, true);
  });
  return getProposal(db, auth, id);
}

export async function shortlistProposal(db: Db, auth: AuthContext, actor: Actor, id: string, shortlisted: boolean): Promise<Proposal> {
  await db.transaction(async (tx) => {
    const p = await lockProposal(tx, auth, id);
    mustManage(p);
    if (p.collection_status !== 'assessing') throw conflict('只能在评估阶段确定入围');
    if (shortlisted && (p.status !== 'public' || p.assessment !== 'feasible')) throw conflict('只有评估为可行的已公开建议可以入围');
    const [was] = await queryRows<{ shortlisted: boolean }>(tx, sql`SELECT shortlisted FROM proposals WHERE id = ${id}`);
    await tx.execute(sql`UPDATE proposals SET shortlisted = ${shortlisted}, updated_at = now() WHERE id = ${id}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'proposal', objectId: id, detail: { action: 'shortlist', shortlisted: { from: was?.shortlisted ?? null, to: shortlisted } } }, true);
  });
  return getProposal(db, auth, id);
}

/**
 * Merges a duplicate into another proposal of the same collection: the duplicate's supporters (and
 * its proposer, when a member) support the target, a member who supported both counts once (the
 * unique index), votes move over, the duplicate is marked 已合并 and its proposer told.
 */
export async function mergeProposal(db: Db, auth: AuthContext, actor: Actor, id: string, b: { targetId: string; reason?: string | undefined }): Promise<Proposal> {
  if (b.targetId === id) throw invalidField('targetId', '不能合并到自身');
  await db.transaction(async (tx) => {
    const [visible] = await queryRows<{ id: string }>(tx, sql`SELECT p.id FROM proposals p JOIN proposal_collections c ON c.id = p.collection_id WHERE p.id = ${id} AND ${proposalScope(auth.scope)}`);
    if (!visible) throw notFound('建议');
    const ordered = [id, b.targetId].sort();
    const locked = new Map<string, LockedProposal>();
    for (const pid of ordered) locked.set(pid, await lockProposal(tx, auth, pid, pid === id ? 'id' : 'targetId'));
    const src = locked.get(id)!;
    const dst = locked.get(b.targetId)!;
    if (!['pending', 'public'].includes(src.status) || src.project_id) throw conflict('该建议当前不能合并');
    if (dst.collection_id !== src.collection_id) throw invalidField('targetId', '只能合并到同一征集活动的建议');
    if (dst.status !== 'public') throw invalidField('targetId', '只能合并到已公开的建议');
    await tx.execute(sql`INSERT INTO proposal_supports (proposal_id, member_id, created_at)
      SELECT ${dst.id}::uuid, s.member_id, s.created_at FROM proposal_supports s WHERE s.proposal_id = ${src.id} AND s.member_id IS DISTINCT FROM ${dst.member_id}::uuid
      ON CONFLICT (proposal_id, member_id) DO NOTHING`);
    if (src.member_id && src.member_id !== dst.member_id) {
      await tx.execute(sql`INSERT INTO proposal_supports (proposal_id, member_id) VALUES (${dst.id}, ${src.member_id}) ON CONFLICT (proposal_id, member_id) DO NOTHING`);
    }
    await tx.execute(sql`DELETE FROM proposal_supports WHERE proposal_id = ${src.id}`);
    await tx.execute(sql`UPDATE proposal_votes SET proposal_id = ${dst.id} WHERE proposal_id = ${src.id}`);
    await tx.execute(sql`UPDATE proposals SET status = 'merged', merged_into_id = ${dst.id}, shortlisted = false, moderation_reason = ${b.reason ?? null}, moderated_by_name = ${auth.user.name}, moderated_at = now(), updated_at = now() WHERE id = ${src.id}`);
    await tellProposer(tx, src, '您的办实事建议已与相同建议合并', `「${src.title}」已合并到「${dst.title}」,您已成为该建议的附议人。`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'proposal', objectId: src.id, detail: { action: 'merge', into: dst.id, reason: b.reason ?? null } }, true);
  });
  return getProposal(db, auth, b.targetId);
}

/** Likely duplicates among the open proposals of a collection in the caller's scope, most similar first. */
export async function duplicatePairs(db: Db, auth: AuthContext, collectionId: string): Promise<DuplicatePair[]> {
  await getCollection(db, auth, collectionId);
  const sim = gramSimilarity(sql`a.grams`, sql`b.grams`);
  const rows = await queryRows<{ a_id: string; a_title: string; a_category: string; a_support: number; b_id: string; b_title: string; b_category: string; b_support: number; similarity: number }>(
    db,
    sql`WITH v AS (SELECT p.id, p.title, p.category, p.grams, (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)::int AS support
        FROM proposals p JOIN proposal_collections c ON c.id = p.collection_id
        WHERE p.collection_id = ${collectionId} AND p.status IN ('pending','public') AND NOT EXISTS (SELECT 1 FROM proposal_projects pr WHERE pr.proposal_id = p.id) AND ${proposalScope(auth.scope)})
      SELECT * FROM (SELECT a.id AS a_id, a.title AS a_title, a.category AS a_category, a.support AS a_support, b.id AS b_id, b.title AS b_title, b.category AS b_category, b.support AS b_support,
        round((${sim})::numeric, 3)::float8 AS similarity FROM v a JOIN v b ON a.id < b.id AND a.grams && b.grams) x
      WHERE x.similarity >= ${DUPLICATE_THRESHOLD} ORDER BY x.similarity DESC LIMIT 50`,
  );
  const side = (id: string, title: string, category: string, support: number, similarity: number) => ({ id, title, category, supportCount: support, similarity });
  return rows.map((r) => ({ a: side(r.a_id, r.a_title, r.a_category, r.a_support, r.similarity), b: side(r.b_id, r.b_title, r.b_category, r.b_support, r.similarity), similarity: r.similarity }));
}
