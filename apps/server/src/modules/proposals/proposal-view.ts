import { sql } from 'drizzle-orm';
import { maskName, type Proposal, type ProposalAssessment, type ProposalCollectionStatus, type ProposalStatus } from '@gonghui/contracts';
import { scopePredicate } from '../../platform/access/data-scope.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { myMarks, type ProposalRow } from './proposal.repository.js';

const SUPPORT_PHASES = ['collecting', 'assessing'];

/** Rows → API objects with the caller's abilities; names masked unless the caller is staff over the proposal or its proposer. */
export async function toProposals(db: Db, auth: AuthContext, rows: ProposalRow[], staff: boolean): Promise<Proposal[]> {
  if (rows.length === 0) return [];
  const collectionIds = [...new Set(rows.map((r) => r.collection_id))];
  const managed = new Set(
    (
      await queryRows<{ id: string }>(
        db,
        sql`SELECT c.id FROM proposal_collections c WHERE c.id IN (${sql.join(collectionIds.map((id) => sql`${id}::uuid`), sql`, `)}) AND ${scopePredicate(auth.scope, { org: sql`c.org_id` })}`,
      )
    ).map((r) => r.id),
  );
  const memberId = auth.user.memberId;
  const marks = await myMarks(db, memberId, rows.map((r) => r.id));
  const can = (p: string) => auth.permissions.has(p);
  return rows.map((r) => {
    const mine = (!!memberId && r.member_id === memberId) || r.filed_by === auth.user.id;
    const cStatus = r.collection_status as ProposalCollectionStatus;
    const open = r.status === 'pending' || r.status === 'public';
    const manage = staff && managed.has(r.collection_id) && can('proposal:collection:manage');
    const person = r.source === 'unit' ? r.org_name : staff || mine ? (r.member_name ?? '') : maskName(r.member_name ?? '');
    return {
      id: r.id,
      collectionId: r.collection_id,
      collectionTitle: r.collection_title,
      collectionStatus: cStatus,
      category: r.category,
      title: r.title,
      content: r.content,
      source: r.source,
      proposerName: person,
      orgName: r.org_name,
      status: r.status as ProposalStatus,
      moderationReason: r.moderation_reason,
      assessment: r.assessment as ProposalAssessment | null,
      assessmentReason: r.assessment_reason,
      shortlisted: r.shortlisted,
      mergedIntoId: r.merged_into_id,
      mergedIntoTitle: r.merged_into_title,
      supportCount: r.support_count,
      voteCount: r.vote_count,
      supportedByMe: marks.supported.has(r.id),
      votedByMe: marks.voted.has(r.id),
      mine,
      createdAt: r.created_at,
      project: r.project_id ? { id: r.project_id, title: r.project_title ?? '', progress: r.project_progress ?? 0, status: r.project_status === 'completed' ? 'completed' : 'implementing' } : null,
      abilities: {
        moderate: staff && can('proposal:proposal:moderate') && open && !r.project_id && cStatus !== 'closed',
        merge: staff && can('proposal:proposal:moderate') && open && !r.project_id && cStatus !== 'closed',
        assess: manage && r.status === 'public' && !r.project_id && ['collecting', 'assessing'].includes(cStatus),
        shortlist: manage && r.status === 'public' && r.assessment === 'feasible' && cStatus === 'assessing',
        adopt: manage && r.status === 'public' && r.assessment === 'feasible' && !r.project_id && ['assessing', 'voting', 'closed'].includes(cStatus),
        support: !!memberId && !staff && r.status === 'public' && !mine && SUPPORT_PHASES.includes(cStatus),
        vote: !!memberId && !staff && r.status === 'public' && r.shortlisted && cStatus === 'voting',
      },
    };
  });
}

export const canSupportIn = (collectionStatus: string): boolean => SUPPORT_PHASES.includes(collectionStatus);
