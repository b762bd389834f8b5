import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_RATER_GROUPS, RATING_STATE_LABELS, type Page, type RatingCampaign, type RatingCampaignBody, type RatingCampaignListItem, type RatingState, type raterGroupsBodySchema, type ratingCampaignListQuerySchema, type ratingUnitsBodySchema } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalid, invalidField, notFound } from '../../platform/http/app-error.js';
import { campaignRows, findCampaign, groupRows, unitRows, type CampaignRow } from './rating-campaign.repository.js';
import { campaignListItem, campaignView } from './rating-campaign-view.js';
import { weightsValid } from './rating-rate.js';
import { ratingCampaigns, raterGroups, ratingUnits } from './rating.schema.js';

export async function listCampaigns(db: Db, auth: AuthContext, q: z.infer<typeof ratingCampaignListQuerySchema>): Promise<Page<RatingCampaignListItem>> {
  const rows = await campaignRows(db, auth.scope, q);
  return { items: rows.map(campaignListItem), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function loadCampaign(db: Db, auth: AuthContext, id: string, lock = false): Promise<CampaignRow> {
  const c = await findCampaign(db, auth.scope, id, lock);
  if (!c) throw notFound('测评活动');
  return c;
}

export async function getCampaign(db: Db, auth: AuthContext, id: string): Promise<RatingCampaign> {
  const c = await loadCampaign(db, auth, id);
  return campaignView(auth, c, await unitRows(db, id), await groupRows(db, id));
}

function checkBody(b: RatingCampaignBody): void {
  if (b.endsOn < b.startsOn) throw invalidField('endsOn', '结束日期不能早于开始日期');
  if (b.dissatisfiedBelowBp > b.satisfiedMinBp) throw invalidField('dissatisfiedBelowBp', '不满意单位线不能高于满意单位线');
}

const fields = (b: RatingCampaignBody) => ({
  year: b.year, title: b.title, startsOn: b.startsOn, endsOn: b.endsOn, description: b.description ?? null, allowMembers: b.allowMembers,
  satisfiedMinBp: b.satisfiedMinBp, dissatisfiedBelowBp: b.dissatisfiedBelowBp, burstWindowMinutes: b.burstWindowMinutes, burstIpLimit: b.burstIpLimit, burstSameAnswerLimit: b.burstSameAnswerLimit,
});

/** A draft owned by the caller's union, with the 9 usual rater groups and their default weights. */
export async function createCampaign(db: Db, auth: AuthContext, actor: Actor, b: RatingCampaignBody): Promise<RatingCampaign> {
  checkBody(b);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(ratingCampaigns).values({ ...fields(b), orgId: auth.user.orgId, createdBy: auth.user.id }).returning({ id: ratingCampaigns.id });
    await tx.insert(raterGroups).values(DEFAULT_RATER_GROUPS.map((g, i) => ({ campaignId: row!.id, name: g.name, weightBp: g.weightBp, sort: i })));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'rating_campaign', objectId: row!.id, detail: { title: b.title, year: b.year } }, true);
    return row!.id;
  });
  return getCampaign(db, auth, id);
}

async function loadForEdit(tx: Db, auth: AuthContext, id: string, draftOnly: boolean): Promise<CampaignRow> {
  if (!auth.permissions.has('rating:campaign:manage')) throw forbidden();
  const c = await loadCampaign(tx, auth, id, true);
  if (c.state === 'published' || (draftOnly && c.state !== 'draft')) throw conflict(`测评活动当前为“${RATING_STATE_LABELS[c.state]}”,不能修改${draftOnly ? '被测评单位和测评群体' : ''}`, 'ILLEGAL_TRANSITION');
  return c;
}

export async function updateCampaign(db: Db, auth: AuthContext, actor: Actor, id: string, b: RatingCampaignBody): Promise<RatingCampaign> {
  checkBody(b);
  await db.transaction(async (tx) => {
    const c = await loadForEdit(tx, auth, id, false);
    await tx.update(ratingCampaigns).set({ ...fields(b), updatedAt: new Date(), version: c.version + 1 }).where(eq(ratingCampaigns.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rating_campaign', objectId: id, detail: { before: { title: c.title, satisfiedMinBp: c.satisfied_min_bp, dissatisfiedBelowBp: c.dissatisfied_below_bp }, after: fields(b) } }, true);
  });
  return getCampaign(db, auth, id);
}

/** Replaces the rated units (draft only): kept by id, new ones added, missing ones removed; org ids must be in scope. */
export async function saveUnits(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof ratingUnitsBodySchema>): Promise<RatingCampaign> {
  const names = b.units.map((u) => u.name);
  const dup = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (dup >= 0) throw invalidField(`units.${dup}.name`, `单位“${names[dup]}”重复`);
  await db.transaction(async (tx) => {
    await loadForEdit(tx, auth, id, true);
    const orgIds = [...new Set(b.units.flatMap((u) => (u.orgId ? [u.orgId] : [])))];
    if (orgIds.length) {
      const seen = await queryRows<{ id: string }>(tx, sql`SELECT o.id FROM orgs o WHERE o.id IN (${sql.join(orgIds.map((o) => sql`${o}::uuid`), sql`, `)}) AND ${scopePredicate(auth.scope, { org: sql`o.id` })}`);
      const bad = b.units.findIndex((u) => u.orgId && !seen.some((s) => s.id === u.orgId));
      if (bad >= 0) throw invalidField(`units.${bad}.orgId`, '对应组织不存在或不在您的数据范围内');
    }
    const before = await tx.select({ name: ratingUnits.name }).from(ratingUnits).where(eq(ratingUnits.campaignId, id)).orderBy(ratingUnits.sort);
    const keep = b.units.flatMap((u) => (u.id ? [u.id] : []));
    await tx.delete(ratingUnits).where(keep.length ? and(eq(ratingUnits.campaignId, id), notInArray(ratingUnits.id, keep)) : eq(ratingUnits.campaignId, id));
    for (const [i, u] of b.units.entries()) {
      const values = { name: u.name, orgId: u.orgId ?? null, category: u.category, sort: i };
      if (u.id) await tx.update(ratingUnits).set(values).where(and(eq(ratingUnits.id, u.id), eq(ratingUnits.campaignId, id)));
      else await tx.insert(ratingUnits).values({ ...values, campaignId: id });
    }
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rating_campaign', objectId: id, detail: { step: 'units', units: { before: before.map((u) => u.name), after: names } } }, true);
  });
  return getCampaign(db, auth, id);
}

/** Replaces the rater groups (draft only); weights in basis points must sum to 10000; at most one group for members. */
export async function saveGroups(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof raterGroupsBodySchema>): Promise<RatingCampaign> {
  const names = b.groups.map((g) => g.name);
  const dup = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (dup >= 0) throw invalidField(`groups.${dup}.name`, `群体“${names[dup]}”重复`);
  const sum = b.groups.reduce((a, g) => a + g.weightBp, 0);
  if (!weightsValid(b.groups.map((g) => g.weightBp))) throw invalid([{ path: 'groups', message: `各群体权重之和应为100%(当前${(sum / 100).toFixed(2)}%)` }]);
  if (b.groups.filter((g) => g.forMembers).length > 1) throw invalidField('groups', '只能指定一个会员登录测评所属群体');
  await db.transaction(async (tx) => {
    await loadForEdit(tx, auth, id, true);
    const keep = b.groups.flatMap((g) => (g.id ? [g.id] : []));
    const gone = await tx.select({ id: raterGroups.id }).from(raterGroups).where(keep.length ? and(eq(raterGroups.campaignId, id), notInArray(raterGroups.id, keep)) : eq(raterGroups.campaignId, id));
    if (gone.length) {
      const [used] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM rating_codes WHERE group_id IN (${sql.join(gone.map((g) => sql`${g.id}::uuid`), sql`, `)})`);
      if ((used?.n ?? 0) > 0) throw invalidField('groups', '已生成邀请码的群体不能删除');
      await tx.delete(raterGroups).where(inArray(raterGroups.id, gone.map((g) => g.id)));
    }
    let memberGroupId: string | null = null;
    for (const [i, g] of b.groups.entries()) {
      const values = { name: g.name, weightBp: g.weightBp, sort: i };
      let gid = g.id;
      if (gid) await tx.update(raterGroups).set(values).where(and(eq(raterGroups.id, gid), eq(raterGroups.campaignId, id)));
      else gid = (await tx.insert(raterGroups).values({ ...values, campaignId: id }).returning({ id: raterGroups.id }))[0]!.id;
      if (g.forMembers) memberGroupId = gid;
    }
    await tx.update(ratingCampaigns).set({ memberGroupId, updatedAt: new Date() }).where(eq(ratingCampaigns.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rating_campaign', objectId: id, detail: { step: 'groups', groups: b.groups.map((g) => ({ name: g.name, weightBp: g.weightBp })) } }, true);
  });
  return getCampaign(db, auth, id);
}

const NEXT: Record<'open' | 'close' | 'publish', { from: RatingState; to: RatingState; label: string }> = {
  open: { from: 'draft', to: 'open', label: '开始测评' },
  close: { from: 'open', to: 'closed', label: '结束测评' },
  publish: { from: 'closed', to: 'published', label: '发布结果' },
};

/** 开始 (units and valid weights needed) → 结束 (codes stop working) → 发布结果. */
export async function transitionCampaign(db: Db, auth: AuthContext, actor: Actor, id: string, step: keyof typeof NEXT): Promise<RatingCampaign> {
  const t = NEXT[step];
  await db.transaction(async (tx) => {
    if (!auth.permissions.has('rating:campaign:manage')) throw forbidden();
    const c = await loadCampaign(tx, auth, id, true);
    if (c.state !== t.from) throw conflict(`测评活动当前为“${RATING_STATE_LABELS[c.state]}”,不能${t.label}`, 'ILLEGAL_TRANSITION');
    if (step === 'open') {
      if (c.units === 0) throw invalidField('units', '请先设置被测评单位');
      const groups = await groupRows(tx, id);
      if (!weightsValid(groups.map((g) => g.weight_bp))) throw invalidField('groups', '各群体权重之和应为100%');
      if (c.allow_members && !c.member_group_id) throw invalidField('groups', '允许会员登录测评时请指定会员所属群体');
    }
    await tx.update(ratingCampaigns).set({ state: t.to, publishedAt: step === 'publish' ? new Date() : undefined, updatedAt: new Date(), version: c.version + 1 }).where(eq(ratingCampaigns.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rating_campaign', objectId: id, detail: { step, state: { from: t.from, to: t.to } } }, true);
  });
  return getCampaign(db, auth, id);
}
