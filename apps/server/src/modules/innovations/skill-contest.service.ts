import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { SKILL_CONTEST_LEVEL_LABELS, SKILL_LEVELS, type Contest, type SkillContestLevel, type contestBodySchema, type contestListQuerySchema, type contestResultBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findMemberRow } from '../members/member.repository.js';
import { members } from '../members/member.schema.js';
import { recordMemberChange } from '../members/member.service.js';
import { skillContestResults, skillContests } from './innovation.schema.js';
import { contestResultRows, contestRows, contestScope, findContestRow, type ContestRow } from './skill-contest.repository.js';

async function toDto(db: Db, auth: AuthContext, c: ContestRow, withResults: boolean): Promise<Contest> {
  const canManage = auth.permissions.has('contest:contest:manage') && (await scopeIncludesOrg(db, auth.scope, c.organiser_org_id));
  const results = withResults ? await contestResultRows(db, auth.scope, c.id) : [];
  return {
    id: c.id, name: c.name, trade: c.trade, level: c.level, levelLabel: SKILL_CONTEST_LEVEL_LABELS[c.level], heldOn: c.held_on, organiserOrgId: c.organiser_org_id, organiserName: c.organiser_name, resultCount: c.result_count,
    results: results.map((r) => ({ id: r.id, memberId: r.member_id, memberName: r.member_name, orgName: r.org_name, rank: r.rank, score: r.score_centi === null ? null : r.score_centi / 100, award: r.award, skillLevelBefore: r.skill_level_before, skillLevelAfter: r.skill_level_after })),
    abilities: { canManage },
  };
}

export async function getContest(db: Db, auth: AuthContext, id: string): Promise<Contest> {
  const row = await findContestRow(db, auth.scope, auth.user.orgId, id);
  if (!row) throw notFound('技能比武');
  return toDto(db, auth, row, true);
}

export async function listContests(db: Db, auth: AuthContext, q: z.infer<typeof contestListQuerySchema>) {
  const conds: SQL[] = [contestScope(auth.scope, auth.user.orgId)];
  if (q.level) conds.push(sql`c.level = ${q.level}`);
  if (q.year) conds.push(sql`extract(year FROM c.held_on) = ${q.year}`);
  const { rows, total } = await contestRows(db, sql.join(conds, sql` AND `), q.pageSize, (q.page - 1) * q.pageSize);
  const items = [];
  for (const r of rows) {
    const { results: _r, ...item } = await toDto(db, auth, r, false);
    items.push(item);
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A contest organised by a union in the caller's scope. */
export async function createContest(db: Db, auth: AuthContext, actor: Actor, body: z.infer<typeof contestBodySchema>): Promise<Contest> {
  if (!(await scopeIncludesOrg(db, auth.scope, body.organiserOrgId))) throw invalidField('organiserOrgId', '主办单位不存在或不在您的管理范围内');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(skillContests).values({ ...body, createdBy: auth.user.id }).returning({ id: skillContests.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'skill_contest', objectId: row!.id, detail: { name: body.name, level: body.level, trade: body.trade } }, true);
    return row!.id;
  });
  return getContest(db, auth, id);
}

/**
 * A member's result. `raiseSkillTo` raises the member's recorded 技能等级 (only upwards), recorded
 * in the member's history and the audit log in the same transaction as the result.
 */
export async function recordContestResult(db: Db, auth: AuthContext, actor: Actor, contestId: string, body: z.infer<typeof contestResultBodySchema>): Promise<Contest> {
  const c = await getContest(db, auth, contestId);
  if (!c.abilities.canManage) throw forbidden('成绩由比武主办单位登记');
  const m = await findMemberRow(db, auth.scope, body.memberId);
  if (!m) throw invalidField('memberId', '会员不存在或不在您的管理范围内');
  const before = m.skill_level;
  if (body.raiseSkillTo && before && SKILL_LEVELS.indexOf(body.raiseSkillTo) <= SKILL_LEVELS.indexOf(before as (typeof SKILL_LEVELS)[number])) {
    throw invalidField('raiseSkillTo', `${m.name}现为${before},晋升等级应高于现有等级`);
  }
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(skillContestResults)
        .values({ contestId, memberId: m.id, rank: body.rank, scoreCenti: body.score == null ? null : Math.round(body.score * 100), award: body.award ?? null, skillLevelBefore: before, skillLevelAfter: body.raiseSkillTo ?? null, createdBy: auth.user.id })
        .returning({ id: skillContestResults.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'skill_contest_result', objectId: row!.id, detail: { contest: c.name, memberId: m.id, rank: body.rank, award: body.award ?? null } }, true);
      if (body.raiseSkillTo) {
        await tx.update(members).set({ skillLevel: body.raiseSkillTo, version: sql`${members.version} + 1`, updatedAt: sql`now()` }).where(eq(members.id, m.id));
        await recordMemberChange(tx, actor, m.id, 'data.update', 'skill_contest', { skillLevel: { from: before, to: body.raiseSkillTo }, contest: c.name, rank: body.rank });
      }
    });
  } catch (e) {
    if (isUniqueViolation(e, 'skill_contest_results_unique')) throw invalidField('memberId', `${m.name}在本次比武中已有成绩`);
    throw e;
  }
  return getContest(db, auth, contestId);
}

export interface MemberContestResult {
  level: SkillContestLevel;
  rank: number;
  contestName: string;
  year: number;
}

/** A member's contest results, best level first (read by the 杭州工匠 eligibility check for its waiver). No scope: the caller has already checked the member. */
export async function contestResultsOfMember(db: Db, memberId: string): Promise<MemberContestResult[]> {
  const rows = await queryRows<{ level: SkillContestLevel; rank: number; contest_name: string; year: number }>(
    db,
    sql`SELECT c.level, r.rank, c.name AS contest_name, extract(year FROM c.held_on)::int AS year
        FROM skill_contest_results r JOIN skill_contests c ON c.id = r.contest_id
        WHERE r.member_id = ${memberId}
        ORDER BY array_position(ARRAY['world','national','province','city','district','enterprise'], c.level), r.rank, c.held_on DESC`,
  );
  return rows.map((r) => ({ level: r.level, rank: r.rank, contestName: r.contest_name, year: r.year }));
}
