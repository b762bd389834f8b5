import { sql, type SQL } from 'drizzle-orm';
import type { Page, ProposalCollection, ProposalCollectionBody, ProposalCollectionStatus } from '@gonghui/contracts';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { collectionVisible } from './proposal.repository.js';
import { proposalCollections } from './proposal.schema.js';

interface CollectionRow {
  id: string;
  org_id: string;
  org_name: string;
  year: number;
  title: string;
  description: string;
  opens_on: string;
  closes_on: string;
  vote_opens_on: string | null;
  vote_closes_on: string | null;
  categories: string[];
  status: ProposalCollectionStatus;
  manageable: boolean;
  proposals: number;
  pending: number;
  public: number;
  shortlisted: number;
  projects: number;
  votes: number;
}

/** Allowed phase changes (forward, or one step back while nothing is final). */
const NEXT: Record<ProposalCollectionStatus, ProposalCollectionStatus[]> = {
  draft: ['collecting'],
  collecting: ['assessing', 'draft'],
  assessing: ['voting', 'closed', 'collecting'],
  voting: ['closed', 'assessing'],
  closed: [],
};

const select = (auth: AuthContext): SQL => sql`SELECT c.id, c.org_id, o.name AS org_name, c.year, c.title, c.description, c.opens_on::text AS opens_on, c.closes_on::text AS closes_on,
    c.vote_opens_on::text AS vote_opens_on, c.vote_closes_on::text AS vote_closes_on, c.categories, c.status,
    ${scopePredicate(auth.scope, { org: sql`c.org_id` })} AS manageable,
    (SELECT count(*) FROM proposals p WHERE p.collection_id = c.id AND p.status <> 'merged')::int AS proposals,
    (SELECT count(*) FROM proposals p WHERE p.collection_id = c.id AND p.status = 'pending')::int AS pending,
    (SELECT count(*) FROM proposals p WHERE p.collection_id = c.id AND p.status = 'public')::int AS public,
    (SELECT count(*) FROM proposals p WHERE p.collection_id = c.id AND p.shortlisted AND p.status = 'public')::int AS shortlisted,
    (SELECT count(*) FROM proposal_projects pr WHERE pr.collection_id = c.id)::int AS projects,
    (SELECT count(*) FROM proposal_votes v WHERE v.collection_id = c.id)::int AS votes
  FROM proposal_collections c JOIN orgs o ON o.id = c.org_id`;

function toCollection(auth: AuthContext, r: CollectionRow): ProposalCollection {
  const manage = r.manageable && auth.permissions.has('proposal:collection:manage');
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, year: r.year, title: r.title, description: r.description, opensOn: r.opens_on, closesOn: r.closes_on,
    voteOpensOn: r.vote_opens_on, voteClosesOn: r.vote_closes_on, categories: r.categories, status: r.status,
    counts: { proposals: r.proposals, pending: r.pending, public: r.public, shortlisted: r.shortlisted, projects: r.projects, votes: r.votes },
    abilities: { edit: manage && r.status !== 'closed', changeStatus: manage && NEXT[r.status].length > 0, assess: manage && (r.status === 'assessing' || r.status === 'voting'), file: auth.permissions.has('proposal:proposal:file') && r.status === 'collecting' },
  };
}

/** Collections the caller may see: their scope holds the owner, or their union lies under it (drafts only for the owner's staff). */
const visible = (auth: AuthContext): SQL => sql`${collectionVisible(auth.scope, auth.user.orgId)} AND (c.status <> 'draft' OR ${scopePredicate(auth.scope, { org: sql`c.org_id` })})`;

export async function listCollections(db: Db, auth: AuthContext, q: { year?: number | undefined; status?: ProposalCollectionStatus | undefined; page: number; pageSize: number }): Promise<Page<ProposalCollection>> {
  const parts = [visible(auth)];
  if (q.year) parts.push(sql`c.year = ${q.year}`);
  if (q.status) parts.push(sql`c.status = ${q.status}`);
  const where = sql.join(parts, sql` AND `);
  const rows = await queryRows<CollectionRow>(db, sql`${select(auth)} WHERE ${where} ORDER BY c.year DESC, c.opens_on DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [n] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM proposal_collections c WHERE ${where}`);
  return { items: rows.map((r) => toCollection(auth, r)), total: n?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getCollection(db: Db, auth: AuthContext, id: string): Promise<ProposalCollection> {
  const [row] = await queryRows<CollectionRow>(db, sql`${select(auth)} WHERE c.id = ${id} AND ${visible(auth)}`);
  if (!row) throw notFound('征集活动');
  return toCollection(auth, row);
}

/** A collection the caller manages (its owner in scope), locked for the rest of the transaction. */
export async function managedCollection(tx: Db, auth: AuthContext, id: string): Promise<{ id: string; org_id: string; status: ProposalCollectionStatus; title: string; year: number }> {
  const [row] = await queryRows<{ id: string; org_id: string; status: ProposalCollectionStatus; title: string; year: number }>(
    tx,
    sql`SELECT c.id, c.org_id, c.status, c.title, c.year FROM proposal_collections c WHERE c.id = ${id} AND ${scopePredicate(auth.scope, { org: sql`c.org_id` })} FOR UPDATE`,
  );
  if (!row) throw notFound('征集活动');
  return row;
}

function checkDates(b: ProposalCollectionBody): void {
  if (b.closesOn < b.opensOn) throw invalidField('closesOn', '征集截止日期不能早于开始日期');
  if (b.voteOpensOn && b.voteOpensOn < b.closesOn) throw invalidField('voteOpensOn', '投票开始日期不能早于征集截止日期');
  if (b.voteOpensOn && b.voteClosesOn && b.voteClosesOn < b.voteOpensOn) throw invalidField('voteClosesOn', '投票截止日期不能早于投票开始日期');
  if (new Set(b.categories).size !== b.categories.length) throw invalidField('categories', '类别不能重复');
}

const values = (b: ProposalCollectionBody) => ({ year: b.year, title: b.title, description: b.description, opensOn: b.opensOn, closesOn: b.closesOn, voteOpensOn: b.voteOpensOn ?? null, voteClosesOn: b.voteClosesOn ?? null, categories: b.categories });

/** A new collection (a draft) owned by the caller's union. */
export async function createCollection(db: Db, auth: AuthContext, actor: Actor, b: ProposalCollectionBody): Promise<ProposalCollection> {
  checkDates(b);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(proposalCollections).values({ ...values(b), orgId: auth.user.orgId, createdBy: auth.user.id }).returning({ id: proposalCollections.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'proposal_collection', objectId: row!.id, detail: { year: b.year, title: b.title } }, true);
    return row!.id;
  });
  return getCollection(db, auth, id);
}

export async function updateCollection(db: Db, auth: AuthContext, actor: Actor, id: string, b: ProposalCollectionBody): Promise<ProposalCollection> {
  checkDates(b);
  await db.transaction(async (tx) => {
    const c = await managedCollection(tx, auth, id);
    if (c.status === 'closed') throw conflict('征集活动已结束,不能修改');
    const [used] = await queryRows<{ category: string }>(tx, sql`SELECT DISTINCT category FROM proposals WHERE collection_id = ${id} AND NOT (category = ANY(string_to_array(${b.categories.join('|')}, '|'))) LIMIT 1`);
    if (used) throw invalidField('categories', `类别"${used.category}"已有建议,不能删除`);
    const [old] = await tx.select().from(proposalCollections).where(sql`id = ${id}`);
    await tx.update(proposalCollections).set({ ...values(b), updatedAt: new Date() }).where(sql`id = ${id}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'proposal_collection', objectId: id, detail: changeDetail(old!, values(b)) }, true);
  });
  return getCollection(db, auth, id);
}

export async function setCollectionStatus(db: Db, auth: AuthContext, actor: Actor, id: string, status: ProposalCollectionStatus): Promise<ProposalCollection> {
  await db.transaction(async (tx) => {
    const c = await managedCollection(tx, auth, id);
    if (!NEXT[c.status].includes(status)) throw invalidField('status', `当前阶段不能改为该阶段`);
    if (status === 'voting') {
      const [n] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM proposals WHERE collection_id = ${id} AND shortlisted AND status = 'public'`);
      if (!n || n.n < 2) throw invalidField('status', '至少确定2条入围建议后才能开始投票');
    }
    await tx.update(proposalCollections).set({ status, updatedAt: new Date() }).where(sql`id = ${id}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'proposal_collection', objectId: id, detail: { from: c.status, to: status } }, true);
  });
  return getCollection(db, auth, id);
}
