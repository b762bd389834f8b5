import { sql } from 'drizzle-orm';
import type { ProposalCollectionStatus, PublicProposalResults } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { PROJECT_SELECT, projectDetails, toProject } from './proposal-project.service.js';

/**
 * The public results page (no login): per collection past its draft, the shortlisted proposals
 * with their votes (once voting has started) and the adopted projects with milestones and
 * progress. Only published (已公开) proposals appear, never a proposer's name or union.
 */
export async function publicResults(db: Db): Promise<PublicProposalResults> {
  const cols = await queryRows<{ id: string; year: number; title: string; status: ProposalCollectionStatus; public_proposals: number }>(
    db,
    sql`SELECT c.id, c.year, c.title, c.status, (SELECT count(*) FROM proposals p WHERE p.collection_id = c.id AND p.status = 'public')::int AS public_proposals
      FROM proposal_collections c WHERE c.status <> 'draft' ORDER BY c.year DESC, c.opens_on DESC LIMIT 10`,
  );
  const rows = await queryRows<Parameters<typeof toProject>[0]>(db, sql`${PROJECT_SELECT(sql`false`)} WHERE c.status <> 'draft' AND p.status = 'public' ORDER BY pr.created_at`);
  const d = await projectDetails(db, rows.map((r) => r.id));
  const votes = await queryRows<{ collection_id: string; id: string; title: string; category: string; votes: number; supportCount: number }>(
    db,
    sql`SELECT p.collection_id, p.id, p.title, p.category, (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.id)::int AS votes,
        (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)::int AS "supportCount"
      FROM proposals p JOIN proposal_collections c ON c.id = p.collection_id WHERE p.status = 'public' AND p.shortlisted AND c.status IN ('voting','closed') ORDER BY votes DESC, p.title`,
  );
  return {
    collections: cols.map((c) => ({
      id: c.id,
      year: c.year,
      title: c.title,
      status: c.status,
      publicProposals: c.public_proposals,
      votes: votes.filter((v) => v.collection_id === c.id).map(({ collection_id: _c, ...v }) => v),
      projects: rows
        .filter((r) => r.collection_id === c.id)
        .map((r) => {
          const { abilities: _a, proposalId: _p, ownerOrgId: _o, updates, ...rest } = toProject(r, d, false);
          return { ...rest, updates: updates.map(({ createdByName: _n, ...u }) => u) };
        }),
    })),
  };
}
