import { sql, type SQL } from 'drizzle-orm';
import type { MilestoneBody, ProposalAdoptBody, ProposalProject } from '@gonghui/contracts';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { proposalMilestones, proposalProgressUpdates, proposalProjects } from './proposal.schema.js';
import { iso, proposalScope } from './proposal.repository.js';
import { lockProposal, tellProposer } from './proposal-review.service.js';

interface ProjectRow {
  id: string;
  proposal_id: string;
  proposal_title: string;
  collection_id: string;
  collection_title: string;
  year: number;
  category: string;
  title: string;
  description: string;
  owner_org_id: string;
  owner_org_name: string;
  budget_fen: number;
  target_date: string;
  progress: number;
  status: 'implementing' | 'completed';
  support_count: number;
  vote_count: number;
  manageable: boolean;
}

const projectScope = (auth: AuthContext): SQL => sql`(${proposalScope(auth.scope)} OR ${scopePredicate(auth.scope, { org: sql`pr.owner_org_id` })})`;

export const PROJECT_SELECT = (manageable: SQL): SQL => sql`SELECT pr.id, pr.proposal_id, p.title AS proposal_title, pr.collection_id, c.title AS collection_title, c.year, p.category, pr.title, pr.description,
    pr.owner_org_id, oo.name AS owner_org_name, pr.budget_fen::float8 AS budget_fen, pr.target_date::text AS target_date, pr.progress, pr.status,
    (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)::int AS support_count, (SELECT count(*) FROM proposal_votes v WHERE v.proposal_id = p.id)::int AS vote_count,
    ${manageable} AS manageable
  FROM proposal_projects pr JOIN proposals p ON p.id = pr.proposal_id JOIN proposal_collections c ON c.id = pr.collection_id JOIN orgs oo ON oo.id = pr.owner_org_id`;

/** Milestones and progress updates of some projects, by project id. */
export async function projectDetails(db: Db, ids: string[]) {
  if (ids.length === 0) return { milestones: new Map<string, ProposalProject['milestones']>(), updates: new Map<string, ProposalProject['updates']>() };
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const ms = await queryRows<{ project_id: string; id: string; title: string; plannedOn: string; doneOn: string | null; progress: number; note: string }>(
    db,
    sql`SELECT project_id, id, title, planned_on::text AS "plannedOn", done_on::text AS "doneOn", progress, note FROM proposal_milestones WHERE project_id IN (${list}) ORDER BY planned_on, created_at`,
  );
  const ups = await queryRows<{ project_id: string; id: string; progress: number; note: string; createdByName: string | null; createdAt: string }>(
    db,
    sql`SELECT project_id, id, progress, note, created_by_name AS "createdByName", ${iso(sql`created_at`)} AS "createdAt" FROM proposal_progress_updates WHERE project_id IN (${list}) ORDER BY created_at DESC`,
  );
  const milestones = new Map<string, ProposalProject['milestones']>();
  const updates = new Map<string, ProposalProject['updates']>();
  for (const { project_id, ...m } of ms) milestones.set(project_id, [...(milestones.get(project_id) ?? []), m]);
  for (const { project_id, ...u } of ups) updates.set(project_id, [...(updates.get(project_id) ?? []), u]);
  return { milestones, updates };
}

export function toProject(r: ProjectRow, d: Awaited<ReturnType<typeof projectDetails>>, manage: boolean): ProposalProject {
  return {
    id: r.id, proposalId: r.proposal_id, proposalTitle: r.proposal_title, collectionId: r.collection_id, collectionTitle: r.collection_title, year: r.year, category: r.category,
    title: r.title, description: r.description, ownerOrgId: r.owner_org_id, ownerOrgName: r.owner_org_name, budgetFen: r.budget_fen, targetDate: r.target_date, progress: r.progress, status: r.status,
    supportCount: r.support_count, voteCount: r.vote_count, milestones: d.milestones.get(r.id) ?? [], updates: d.updates.get(r.id) ?? [], abilities: { manage: manage && r.manageable },
  };
}

export async function listProjects(db: Db, auth: AuthContext, collectionId?: string): Promise<ProposalProject[]> {
  const manageable = sql`(${scopePredicate(auth.scope, { org: sql`pr.owner_org_id` })} OR ${scopePredicate(auth.scope, { org: sql`c.org_id` })})`;
  const rows = await queryRows<ProjectRow>(db, sql`${PROJECT_SELECT(manageable)} WHERE ${projectScope(auth)} ${collectionId ? sql`AND pr.collection_id = ${collectionId}` : sql``} ORDER BY c.year DESC, pr.created_at`);
  const d = await projectDetails(db, rows.map((r) => r.id));
  return rows.map((r) => toProject(r, d, auth.permissions.has('proposal:project:manage')));
}

export async function getProject(db: Db, auth: AuthContext, id: string): Promise<ProposalProject> {
  const manageable = sql`(${scopePredicate(auth.scope, { org: sql`pr.owner_org_id` })} OR ${scopePredicate(auth.scope, { org: sql`c.org_id` })})`;
  const [row] = await queryRows<ProjectRow>(db, sql`${PROJECT_SELECT(manageable)} WHERE pr.id = ${id} AND ${projectScope(auth)}`);
  if (!row) throw notFound('办实事项目');
  return toProject(row, await projectDetails(db, [id]), auth.permissions.has('proposal:project:manage'));
}

/** 采纳: a feasible public proposal becomes a 办实事项目 with its owner union, budget (分) and target date. */
export async function adoptProposal(db: Db, auth: AuthContext, actor: Actor, proposalId: string, b: ProposalAdoptBody): Promise<ProposalProject> {
  const id = await db.transaction(async (tx) => {
    const p = await lockProposal(tx, auth, proposalId);
    if (!p.manageable) throw notFound('建议');
    if (!(await scopeIncludesOrg(tx, auth.scope, b.ownerOrgId))) throw invalidField('ownerOrgId', '责任单位不在您的管理范围内');
    if (p.project_id) throw conflict('该建议已采纳为办实事项目');
    if (p.status !== 'public' || p.assessment !== 'feasible') throw conflict('只有评估为可行的已公开建议可以采纳');
    if (!['assessing', 'voting', 'closed'].includes(p.collection_status)) throw conflict('征集活动当前阶段不能采纳');
    const [row] = await tx
      .insert(proposalProjects)
      .values({ proposalId, collectionId: p.collection_id, title: b.title, description: b.description, ownerOrgId: b.ownerOrgId, budgetFen: b.budgetFen, targetDate: b.targetDate, adoptedByName: auth.user.name })
      .returning({ id: proposalProjects.id });
    await tellProposer(tx, p, '您的建议已采纳为办实事项目', `「${p.title}」已采纳为办实事项目「${b.title}」,可在结果公示页查看实施进度。`);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'proposal_project', objectId: row!.id, detail: { proposalId, title: b.title, ownerOrgId: b.ownerOrgId, budgetFen: b.budgetFen, targetDate: b.targetDate } }, true);
    return row!.id;
  });
  return getProject(db, auth, id);
}

async function managedProject(db: Db, auth: AuthContext, id: string): Promise<ProposalProject> {
  const p = await getProject(db, auth, id);
  if (!p.abilities.manage) throw notFound('办实事项目');
  return p;
}

export async function saveMilestone(db: Db, auth: AuthContext, actor: Actor, projectId: string, milestoneId: string | null, b: MilestoneBody): Promise<ProposalProject> {
  await managedProject(db, auth, projectId);
  if (b.doneOn && b.progress < 100) throw invalidField('progress', '已完成的节点进度应为100');
  await db.transaction(async (tx) => {
    const values = { title: b.title, plannedOn: b.plannedOn, doneOn: b.doneOn ?? null, progress: b.progress, note: b.note };
    let id = milestoneId;
    let change: Record<string, unknown> = {};
    if (id) {
      const [old] = await tx.select().from(proposalMilestones).where(sql`id = ${id} AND project_id = ${projectId}`);
      change = old ? changeDetail(old, values) : {};
      const rows = await tx.update(proposalMilestones).set({ ...values, updatedAt: new Date() }).where(sql`id = ${id} AND project_id = ${projectId}`).returning({ id: proposalMilestones.id });
      if (rows.length === 0) throw notFound('实施节点');
    } else {
      const [row] = await tx.insert(proposalMilestones).values({ ...values, projectId }).returning({ id: proposalMilestones.id });
      id = row!.id;
    }
    await recordAudit(tx, actor, { action: milestoneId ? 'data.update' : 'data.create', objectType: 'proposal_milestone', objectId: id, detail: { projectId, ...values, ...change } }, true);
  });
  return getProject(db, auth, projectId);
}

/** A progress report: sets the project's overall progress (and completes it when asked at 100%). */
export async function reportProgress(db: Db, auth: AuthContext, actor: Actor, projectId: string, b: { progress: number; note: string; completed: boolean }): Promise<ProposalProject> {
  const p = await managedProject(db, auth, projectId);
  if (p.status === 'completed') throw conflict('项目已完成');
  if (b.completed && b.progress !== 100) throw invalidField('progress', '完成项目时总体进度应为100');
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(proposalProgressUpdates).values({ projectId, progress: b.progress, note: b.note, createdByName: `${auth.user.name}(${auth.user.orgName})` }).returning({ id: proposalProgressUpdates.id });
    await tx.update(proposalProjects).set({ progress: b.progress, status: b.completed ? 'completed' : 'implementing', updatedAt: new Date() }).where(sql`id = ${projectId}`);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'proposal_progress', objectId: row!.id, detail: { projectId, progress: b.progress, completed: b.completed } }, true);
  });
  return getProject(db, auth, projectId);
}
