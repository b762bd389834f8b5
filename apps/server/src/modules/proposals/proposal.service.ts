import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page, Proposal, ProposalListQuery, proposalSelfBodySchema, proposalUnitBodySchema, SimilarProposal } from '@gonghui/contracts';
import { scopeIncludesOrg, type DataScope } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { collectionVisible, countProposals, proposalRow, proposalRows, proposalScope } from './proposal.repository.js';
import { gramsArray, gramSimilarity, MIN_GRAMS, proposalGrams, SIMILAR_THRESHOLD, trigrams } from './proposal-grams.js';
import { proposals } from './proposal.schema.js';
import { toProposals } from './proposal-view.js';

/** The staff list filter (scope included). */
export function proposalWhere(scope: DataScope, q: Omit<ProposalListQuery, 'page' | 'pageSize'>): SQL {
  const parts = [proposalScope(scope)];
  if (q.collectionId) parts.push(sql`p.collection_id = ${q.collectionId}`);
  if (q.status) parts.push(sql`p.status = ${q.status}`);
  if (q.category) parts.push(sql`p.category = ${q.category}`);
  if (q.assessment === 'none') parts.push(sql`p.assessment IS NULL`);
  else if (q.assessment) parts.push(sql`p.assessment = ${q.assessment}`);
  if (q.shortlisted) parts.push(sql`p.shortlisted = ${q.shortlisted === 'true'}`);
  if (q.q) parts.push(sql`(p.title ILIKE ${`%${q.q}%`} OR p.content ILIKE ${`%${q.q}%`})`);
  return sql.join(parts, sql` AND `);
}

export async function listProposals(db: Db, auth: AuthContext, q: ProposalListQuery): Promise<Page<Proposal>> {
  const where = proposalWhere(auth.scope, q);
  const rows = await proposalRows(db, where, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await toProposals(db, auth, rows, true), total: await countProposals(db, where), page: q.page, pageSize: q.pageSize };
}

export async function getProposal(db: Db, auth: AuthContext, id: string): Promise<Proposal> {
  const row = await proposalRow(db, sql`p.id = ${id} AND ${proposalScope(auth.scope)}`);
  if (!row) throw notFound('建议');
  const [p] = await toProposals(db, auth, [row], true);
  return p!;
}

/** What a member sees: public proposals of the collections of their city, and their own. */
const memberVisible = (auth: AuthContext): SQL =>
  sql`((p.status = 'public' AND c.status <> 'draft' AND ${collectionVisible(auth.scope, auth.user.orgId)}) OR p.filed_by = ${auth.user.id}::uuid OR p.member_id = ${auth.user.memberId ?? null}::uuid)`;

export async function listPublicProposals(db: Db, auth: AuthContext, q: { collectionId: string; category?: string | undefined; q?: string | undefined; shortlisted?: boolean; page: number; pageSize: number }): Promise<Page<Proposal>> {
  const parts = [memberVisible(auth), sql`p.status = 'public'`, sql`p.collection_id = ${q.collectionId}`];
  if (q.category) parts.push(sql`p.category = ${q.category}`);
  if (q.shortlisted) parts.push(sql`p.shortlisted`);
  if (q.q) parts.push(sql`(p.title ILIKE ${`%${q.q}%`} OR p.content ILIKE ${`%${q.q}%`})`);
  const where = sql.join(parts, sql` AND `);
  const order = sql`(SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id) DESC, p.created_at DESC, p.id`;
  const rows = await proposalRows(db, where, q.pageSize, (q.page - 1) * q.pageSize, order);
  return { items: await toProposals(db, auth, rows, false), total: await countProposals(db, where), page: q.page, pageSize: q.pageSize };
}

export async function myProposals(db: Db, auth: AuthContext): Promise<Proposal[]> {
  const rows = await proposalRows(db, sql`(p.filed_by = ${auth.user.id}::uuid OR p.member_id = ${auth.user.memberId ?? null}::uuid)`, 100, 0);
  return toProposals(db, auth, rows, false);
}

export async function getMemberProposal(db: Db, auth: AuthContext, id: string): Promise<Proposal> {
  const row = await proposalRow(db, sql`p.id = ${id} AND ${memberVisible(auth)}`);
  if (!row) throw notFound('建议');
  const [p] = await toProposals(db, auth, [row], false);
  return p!;
}

/** The collection a proposal may be filed in: visible to the caller, collecting, the category one of its own. */
async function openCollection(db: Db, auth: AuthContext, collectionId: string, category: string): Promise<void> {
  const [c] = await queryRows<{ status: string; categories: string[] }>(db, sql`SELECT c.status, c.categories FROM proposal_collections c WHERE c.id = ${collectionId} AND ${collectionVisible(auth.scope, auth.user.orgId)}`);
  if (!c) throw invalidField('collectionId', '征集活动不存在或不在您的范围内');
  if (c.status !== 'collecting') throw invalidField('collectionId', '该征集活动当前不在征集阶段');
  if (!c.categories.includes(category)) throw invalidField('category', '请选择本次征集的类别');
}

interface Filing {
  collectionId: string;
  category: string;
  title: string;
  content: string;
  source: 'member' | 'unit';
  memberId: string | null;
  orgId: string;
}

async function insertProposal(db: Db, auth: AuthContext, actor: Actor, f: Filing): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(proposals)
      .values({ ...f, filedBy: auth.user.id, filedByName: `${auth.user.name}(${auth.user.orgName})`, grams: proposalGrams(f.title, f.content) })
      .returning({ id: proposals.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'proposal', objectId: row!.id, detail: { collectionId: f.collectionId, category: f.category, title: f.title, source: f.source } }, true);
    return row!.id;
  });
}

/** A member proposes on the phone: 待审核 until staff publish it. */
export async function proposeAsMember(db: Db, auth: AuthContext, actor: Actor, b: z.infer<typeof proposalSelfBodySchema>): Promise<Proposal> {
  if (!auth.user.memberId) throw forbidden('您的账号未关联会员档案,请联系所在工会', 'NOT_A_MEMBER');
  const [m] = await queryRows<{ org_id: string; status: string }>(db, sql`SELECT org_id, status FROM members WHERE id = ${auth.user.memberId}`);
  if (!m || m.status !== 'active') throw forbidden('只有在册会员可以提出建议', 'NOT_A_MEMBER');
  await openCollection(db, auth, b.collectionId, b.category);
  const id = await insertProposal(db, auth, actor, { ...b, source: 'member', memberId: auth.user.memberId, orgId: m.org_id });
  return getMemberProposal(db, auth, id);
}

/** Staff file a proposal in the name of a union in their scope (default: their own). */
export async function proposeAsUnit(db: Db, auth: AuthContext, actor: Actor, b: z.infer<typeof proposalUnitBodySchema>): Promise<Proposal> {
  const orgId = b.orgId ?? auth.user.orgId;
  if (!(await scopeIncludesOrg(db, auth.scope, orgId))) throw invalidField('orgId', '填报单位不在您的管理范围内');
  await openCollection(db, auth, b.collectionId, b.category);
  const id = await insertProposal(db, auth, actor, { collectionId: b.collectionId, category: b.category, title: b.title, content: b.content, source: 'unit', memberId: null, orgId });
  return getProposal(db, auth, id);
}

/** Up to 5 public proposals of the collection most similar to a text being typed (trigram similarity, see proposal-grams.ts). */
export async function similarProposals(db: Db, auth: AuthContext, q: { collectionId: string; text: string; excludeId?: string | undefined }): Promise<SimilarProposal[]> {
  const grams = trigrams(q.text);
  if (grams.length < MIN_GRAMS) return [];
  const [c] = await queryRows<{ id: string }>(db, sql`SELECT c.id FROM proposal_collections c WHERE c.id = ${q.collectionId} AND ${collectionVisible(auth.scope, auth.user.orgId)}`);
  if (!c) throw notFound('征集活动');
  const g = gramsArray(grams);
  const sim = gramSimilarity(sql`p.grams`, g);
  return queryRows<SimilarProposal>(
    db,
    sql`SELECT * FROM (SELECT p.id, p.title, p.category, (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)::int AS "supportCount", round((${sim})::numeric, 3)::float8 AS similarity
      FROM proposals p WHERE p.collection_id = ${q.collectionId} AND p.status = 'public' AND p.grams && ${g} AND p.id <> ${q.excludeId ?? '00000000-0000-0000-0000-000000000000'}::uuid) x
      WHERE x.similarity >= ${SIMILAR_THRESHOLD} ORDER BY x.similarity DESC, x."supportCount" DESC LIMIT 5`,
  );
}
