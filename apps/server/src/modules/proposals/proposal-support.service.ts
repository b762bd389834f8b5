import { sql } from 'drizzle-orm';
import type { Proposal } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden } from '../../platform/http/app-error.js';
import { getMemberProposal } from './proposal.service.js';
import { canSupportIn } from './proposal-view.js';

function memberOf(auth: AuthContext): string {
  if (!auth.user.memberId) throw forbidden('您的账号未关联会员档案,请联系所在工会', 'NOT_A_MEMBER');
  return auth.user.memberId;
}

/**
 * 附议: one support per member per proposal. The unique index (proposal_id, member_id) decides a
 * concurrent double submit: `ON CONFLICT DO NOTHING` stores one row, and every caller gets the
 * proposal as it now is (`created` says whether this call added the support).
 */
export async function supportProposal(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<{ proposal: Proposal; created: boolean }> {
  const p = await getMemberProposal(db, auth, id);
  const memberId = memberOf(auth);
  if (p.mine) throw conflict('不能附议自己的建议', 'OWN_PROPOSAL');
  if (p.status !== 'public' || !canSupportIn(p.collectionStatus)) throw conflict('该建议当前不能附议', 'NOT_OPEN');
  const created = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string }>(tx, sql`INSERT INTO proposal_supports (proposal_id, member_id) VALUES (${id}, ${memberId}) ON CONFLICT (proposal_id, member_id) DO NOTHING RETURNING id`);
    if (rows.length > 0) await recordAudit(tx, actor, { action: 'data.create', objectType: 'proposal_support', objectId: rows[0]!.id, detail: { proposalId: id } }, true);
    return rows.length > 0;
  });
  return { proposal: await getMemberProposal(db, auth, id), created };
}

/**
 * The public vote: one vote per member per collection (unique index (collection_id, member_id)),
 * for a shortlisted proposal while the collection is 投票中. A repeat of the same vote answers the
 * stored vote; a vote for another proposal after voting is refused (409).
 */
export async function voteProposal(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<{ proposal: Proposal; created: boolean }> {
  const p = await getMemberProposal(db, auth, id);
  const memberId = memberOf(auth);
  if (p.status !== 'public' || !p.shortlisted || p.collectionStatus !== 'voting') throw conflict('该建议当前不在投票中', 'NOT_OPEN');
  const created = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO proposal_votes (collection_id, proposal_id, member_id) VALUES (${p.collectionId}, ${id}, ${memberId}) ON CONFLICT (collection_id, member_id) DO NOTHING RETURNING id`,
    );
    if (rows.length > 0) {
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'proposal_vote', objectId: rows[0]!.id, detail: { proposalId: id, collectionId: p.collectionId } }, true);
      return true;
    }
    return false;
  });
  if (!created) {
    const [v] = await queryRows<{ proposal_id: string }>(db, sql`SELECT proposal_id FROM proposal_votes WHERE collection_id = ${p.collectionId} AND member_id = ${memberId}`);
    if (v && v.proposal_id !== id) throw conflict('您已在本次征集中投过票(每人一票)', 'ALREADY_VOTED');
  }
  return { proposal: await getMemberProposal(db, auth, id), created };
}
