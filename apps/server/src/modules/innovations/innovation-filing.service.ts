import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { maskName, type Innovation, type innovationCreateBodySchema, type innovationSelfBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { forbidden, invalidField } from '../../platform/http/app-error.js';
import { actOnCase, createCase, userActor } from '../../platform/workflow/workflow.service.js';
import { findMemberRow } from '../members/member.repository.js';
import { innovations } from './innovation.schema.js';
import { getInnovation, innovationInstance } from './innovation.service.js';
import { innovationWorkflow } from './innovation-workflow.js';

type CreateBody = z.infer<typeof innovationCreateBodySchema>;
type Fields = Pick<CreateBody, 'kind' | 'title' | 'problem' | 'proposal' | 'expectedBenefit'>;
interface TeamMember {
  name: string;
  memberId: string | null;
}

async function activeMember(db: Db, auth: AuthContext, memberId: string, field: string) {
  const m = await findMemberRow(db, auth.scope, memberId);
  if (!m || m.status !== 'active') throw invalidField(field, '会员不存在、不在册或不在您的管理范围内');
  return m;
}

/** Team members: a given member id must be an active member in scope; a bare name is linked when exactly one active member of the union bears it. */
async function linkTeam(db: Db, auth: AuthContext, orgId: string, team: { name?: string; memberId?: string | null }[]): Promise<TeamMember[]> {
  const out: TeamMember[] = [];
  for (const [i, t] of team.entries()) {
    if (t.memberId) {
      const m = await activeMember(db, auth, t.memberId, `teamMembers.${i}.memberId`);
      out.push({ name: m.name, memberId: m.id });
      continue;
    }
    const name = t.name ?? '';
    const found = await queryRows<{ id: string }>(db, sql`SELECT id FROM members WHERE org_id = ${orgId} AND name = ${name} AND status = 'active' LIMIT 2`);
    out.push({ name, memberId: found.length === 1 ? found[0]!.id : null });
  }
  return out;
}

interface Filer {
  memberId: string | null;
  orgId: string;
  teamName: string | null;
  team: TeamMember[];
  self: boolean;
}

async function insertInnovation(tx: Db, auth: AuthContext, actor: Actor, f: Fields, who: Filer, publicName: string): Promise<string> {
  const [row] = await tx
    .insert(innovations)
    .values({
      kind: f.kind,
      title: f.title,
      problem: f.problem,
      proposal: f.proposal,
      expectedBenefit: f.expectedBenefit,
      memberId: who.memberId,
      teamName: who.teamName,
      teamMembers: who.team,
      orgId: who.orgId,
      year: shanghaiYear(),
      filedBy: auth.user.id,
      filedByName: `${auth.user.name}${who.self ? '(本人)' : `(${auth.user.orgName})`}`,
      onBehalf: !who.self,
    })
    .returning({ id: innovations.id });
  const id = row!.id;
  await createCase(tx, innovationWorkflow, { businessId: id, orgId: who.orgId, amountFen: 0, publicName, publicSummary: f.title }, userActor(auth));
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'innovation', objectId: id, detail: { kind: f.kind, title: f.title, memberId: who.memberId, team: who.teamName, onBehalf: !who.self } }, true);
  return id;
}

/** Staff file for a worker or a team (a draft); the union is the worker's, or the team lead's, or the caller's own grassroots union. */
export async function createInnovation(db: Db, auth: AuthContext, actor: Actor, body: CreateBody): Promise<Innovation> {
  return getInnovation(db, auth, await fileInnovation(db, auth, actor, body));
}

/** Files it and answers its id (the demo seed files many without reading them back). */
export async function fileInnovation(db: Db, auth: AuthContext, actor: Actor, body: CreateBody): Promise<string> {
  const lead = body.memberId ? await activeMember(db, auth, body.memberId, 'memberId') : null;
  let orgId = lead?.org_id ?? null;
  let team: TeamMember[] = [];
  if (body.teamName) {
    const firstLinked = body.teamMembers?.find((t) => t.memberId);
    if (!orgId && firstLinked?.memberId) orgId = (await activeMember(db, auth, firstLinked.memberId, 'teamMembers')).org_id;
    if (!orgId) throw invalidField('teamMembers', '请至少选择一名在册会员作为班组负责人');
    team = await linkTeam(db, auth, orgId, body.teamMembers ?? []);
  }
  const who: Filer = { memberId: lead?.id ?? team.find((t) => t.memberId)?.memberId ?? null, orgId: orgId!, teamName: body.teamName ?? null, team, self: false };
  const fields: Fields = { kind: body.kind, title: body.title, problem: body.problem, proposal: body.proposal, expectedBenefit: body.expectedBenefit };
  return db.transaction((tx) => insertInnovation(tx, auth, actor, fields, who, body.teamName ?? maskName(lead!.name)));
}

/** A worker submits their own on the H5 form: attached to their union; submitted at once unless `submit: false` (to add attachments first). */
export async function submitOwnInnovation(db: Db, auth: AuthContext, actor: Actor, body: z.infer<typeof innovationSelfBodySchema>): Promise<Innovation> {
  return getInnovation(db, auth, await fileOwnInnovation(db, auth, actor, body));
}

/** The worker's own filing, answering its id. */
export async function fileOwnInnovation(db: Db, auth: AuthContext, actor: Actor, body: z.infer<typeof innovationSelfBodySchema>): Promise<string> {
  if (!auth.user.memberId) throw forbidden('您的账号未关联会员档案,请联系所在工会', 'NOT_A_MEMBER');
  const m = await findMemberRow(db, auth.scope, auth.user.memberId);
  if (!m || m.status !== 'active') throw forbidden('只有在册会员可以提交', 'NOT_A_MEMBER');
  const { submit, ...fields } = body;
  return db.transaction(async (tx) => {
    const newId = await insertInnovation(tx, auth, actor, fields, { memberId: m.id, orgId: m.org_id, teamName: null, team: [], self: true }, maskName(m.name));
    if (submit !== false) await actOnCase(tx, innovationWorkflow, auth, actor, await innovationInstance(tx, newId), { action: 'submit' });
    return newId;
  });
}
