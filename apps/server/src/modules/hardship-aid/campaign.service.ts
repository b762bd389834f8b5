import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AID_CATEGORIES, CAMPAIGN_STATUS_LABELS, type Campaign, type CampaignOptions, type CampaignStatus, type campaignBodySchema, type campaignStatusBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, forbidden, invalid, invalidField, notFound, type FieldError } from '../../platform/http/app-error.js';
import { aidCampaignTargets, aidCampaigns } from './campaign.schema.js';
import { findCampaignRow, listCampaignRows, orgInScope, scopeHoldsOrg, targetRows, type CampaignRow, type TargetRow } from './campaign.repository.js';

export type CampaignBody = z.infer<typeof campaignBodySchema>;

export const divisionNameOf = (ctx: AppContext, code: string): string => ctx.config.city.districts.find((d) => d.code === code)?.name ?? code;

function toDto(ctx: AppContext, auth: AuthContext, r: CampaignRow, targets: TargetRow[], canManage: boolean): Campaign {
  const status = r.status as CampaignStatus;
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    categories: AID_CATEGORIES.filter((c) => r.categories.includes(c)),
    lowEdgeIncluded: r.low_edge_included,
    incomeCeilingMultiplier: r.income_ceiling_percent / 100,
    fundId: r.fund_id,
    fundName: r.fund_name,
    orgId: r.org_id,
    orgName: r.org_name,
    status,
    statusLabel: CAMPAIGN_STATUS_LABELS[status],
    note: r.note,
    targets: targets.map((t) => ({ divisionCode: t.division_code, divisionName: divisionNameOf(ctx, t.division_code), households: t.households, amountFen: Number(t.amount_fen) })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    abilities: { canManage, canRecordDonation: status === 'active' && r.fund_id !== null && auth.permissions.has('aid:donation:record') },
  };
}

const mayManage = async (db: Db, auth: AuthContext, r: CampaignRow): Promise<boolean> => auth.permissions.has('aid:campaign:manage') && (await scopeHoldsOrg(db, auth.scope, r.org_id));

/** The campaign if the caller can see it; otherwise 404 (no existence leak). */
export async function visibleCampaign(ctx: AppContext, auth: AuthContext, id: string): Promise<CampaignRow> {
  const row = await findCampaignRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('春风行动');
  return row;
}

export async function getCampaign(ctx: AppContext, auth: AuthContext, id: string): Promise<Campaign> {
  const row = await visibleCampaign(ctx, auth, id);
  return toDto(ctx, auth, row, await targetRows(ctx.db, [row.id]), await mayManage(ctx.db, auth, row));
}

export async function listCampaigns(ctx: AppContext, auth: AuthContext): Promise<Campaign[]> {
  const rows = await listCampaignRows(ctx.db, auth.scope);
  const targets = await targetRows(
    ctx.db,
    rows.map((r) => r.id),
  );
  const out: Campaign[] = [];
  for (const r of rows) out.push(toDto(ctx, auth, r, targets.filter((t) => t.campaign_id === r.id), await mayManage(ctx.db, auth, r)));
  return out;
}

/** The checks a body needs beyond its schema: configured districts, a usable fund in scope. */
async function checkBody(ctx: AppContext, auth: AuthContext, body: CampaignBody): Promise<void> {
  const errors: FieldError[] = [];
  const known = new Set(ctx.config.city.districts.map((d) => d.code));
  body.targets.forEach((t, i) => {
    if (!known.has(t.divisionCode)) errors.push({ path: `targets.${i}.divisionCode`, message: `${t.divisionCode} 不是${ctx.config.city.cityName}的区县(市)代码` });
  });
  if (body.fundId) {
    const [fund] = await queryRows<{ status: string; in_scope: boolean }>(
      ctx.db,
      sql`SELECT f.status, ${orgInScope(auth.scope, sql`f.org_id`)} AS in_scope FROM funds f WHERE f.id = ${body.fundId}`,
    );
    if (!fund || !fund.in_scope) errors.push({ path: 'fundId', message: '资金不存在或不在您的管理范围内' });
    else if (fund.status !== 'active') errors.push({ path: 'fundId', message: '该资金已关闭,请选择其他资金' });
  }
  if (errors.length) throw invalid(errors);
}

const columnsOf = (body: CampaignBody) => ({
  year: body.year,
  name: body.name,
  startsOn: body.startsOn,
  endsOn: body.endsOn,
  categories: AID_CATEGORIES.filter((c) => body.categories.includes(c)),
  lowEdgeIncluded: body.lowEdgeIncluded,
  incomeCeilingPercent: Math.round(body.incomeCeilingMultiplier * 100),
  fundId: body.fundId ?? null,
  note: body.note ?? null,
});

async function replaceTargets(tx: Db, campaignId: string, body: CampaignBody): Promise<void> {
  await tx.delete(aidCampaignTargets).where(eq(aidCampaignTargets.campaignId, campaignId));
  if (body.targets.length) await tx.insert(aidCampaignTargets).values(body.targets.map((t) => ({ campaignId, divisionCode: t.divisionCode, households: t.households, amountFen: t.amountFen })));
}

const yearTaken = (year: number) => conflictField('year', `${year}年的春风行动已存在`);

async function guardYear(db: Db, year: number, exceptId: string | null): Promise<void> {
  const [row] = await queryRows<{ id: string }>(db, sql`SELECT id FROM aid_campaigns WHERE year = ${year}`);
  if (row && row.id !== exceptId) throw yearTaken(year);
}

async function withUniqueYear<T>(year: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e, 'aid_campaigns_year_unique')) throw yearTaken(year);
    throw e;
  }
}

/** 新建春风行动 (draft), owned by the caller's union. */
export async function createCampaign(ctx: AppContext, auth: AuthContext, actor: Actor, body: CampaignBody): Promise<Campaign> {
  await checkBody(ctx, auth, body);
  await guardYear(ctx.db, body.year, null);
  const id = await withUniqueYear(body.year, () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(aidCampaigns)
        .values({ ...columnsOf(body), orgId: auth.user.orgId, createdBy: auth.user.id })
        .returning({ id: aidCampaigns.id });
      await replaceTargets(tx, row!.id, body);
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'aid_campaign', objectId: row!.id, detail: { ...columnsOf(body), targets: body.targets } }, true);
      return row!.id;
    }),
  );
  return getCampaign(ctx, auth, id);
}

async function manageable(ctx: AppContext, auth: AuthContext, id: string): Promise<CampaignRow> {
  const row = await visibleCampaign(ctx, auth, id);
  if (!(await mayManage(ctx.db, auth, row))) throw forbidden('只有发起单位可以修改该活动');
  return row;
}

const donationCount = async (db: Db, campaignId: string): Promise<number> =>
  (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM aid_donations WHERE campaign_id = ${campaignId}`))[0]?.n ?? 0;

const pick = (r: CampaignRow) => ({ year: r.year, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, categories: r.categories, lowEdgeIncluded: r.low_edge_included, incomeCeilingPercent: r.income_ceiling_percent, fundId: r.fund_id, note: r.note });

/** 修改活动设置: the whole form (targets replaced). A closed campaign is read-only; the fund is fixed once donations are booked. */
export async function updateCampaign(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: CampaignBody): Promise<Campaign> {
  const row = await manageable(ctx, auth, id);
  if (row.status === 'closed') throw conflict('活动已结束,不能修改设置;如需修改请先重新启动', 'ILLEGAL_TRANSITION');
  await checkBody(ctx, auth, body);
  if (row.status === 'active' && !body.fundId) throw invalidField('fundId', '进行中的活动须指定支出资金');
  if ((body.fundId ?? null) !== row.fund_id && (await donationCount(ctx.db, id)) > 0) throw conflictField('fundId', '已有捐款计入原资金,不能更换支出资金', 'FUND_LOCKED');
  await guardYear(ctx.db, body.year, id);
  const before = { ...pick(row), targets: (await targetRows(ctx.db, [id])).map((t) => ({ divisionCode: t.division_code, households: t.households, amountFen: Number(t.amount_fen) })) };
  await withUniqueYear(body.year, () =>
    ctx.db.transaction(async (tx) => {
      await tx
        .update(aidCampaigns)
        .set({ ...columnsOf(body), updatedAt: sql`now()` })
        .where(eq(aidCampaigns.id, id));
      await replaceTargets(tx, id, body);
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'aid_campaign', objectId: id, detail: { before, after: { ...columnsOf(body), targets: body.targets } } }, true);
    }),
  );
  return getCampaign(ctx, auth, id);
}

const LEGAL: Record<CampaignStatus, CampaignStatus[]> = { draft: ['active'], active: ['closed'], closed: ['active'] };

/** 启动 (draft/closed → active: a fund is required, one campaign runs at a time) and 结束 (active → closed). */
export async function setCampaignStatus(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof campaignStatusBodySchema>): Promise<Campaign> {
  const row = await manageable(ctx, auth, id);
  const from = row.status as CampaignStatus;
  if (!LEGAL[from].includes(body.status)) throw conflict(`${CAMPAIGN_STATUS_LABELS[from]}的活动不能${body.status === 'active' ? '启动' : '结束'}`, 'ILLEGAL_TRANSITION');
  if (body.status === 'active') {
    if (!row.fund_id) throw invalidField('fundId', '启动前须在活动设置中指定支出资金');
    if (row.fund_status !== 'active') throw invalidField('fundId', '支出资金已关闭,请更换资金后再启动');
    const [running] = await queryRows<{ name: string }>(ctx.db, sql`SELECT name FROM aid_campaigns WHERE status = 'active' AND id <> ${id}`);
    if (running) throw conflict(`「${running.name}」正在进行中,同一时间只能进行一个春风行动,请先结束它`, 'ANOTHER_ACTIVE');
  }
  try {
    await ctx.db.transaction(async (tx) => {
      const done = await tx
        .update(aidCampaigns)
        .set({ status: body.status, updatedAt: sql`now()` })
        .where(and(eq(aidCampaigns.id, id), eq(aidCampaigns.status, from)))
        .returning({ id: aidCampaigns.id });
      if (done.length !== 1) throw conflict('活动状态已被他人修改,请刷新后重试', 'STALE');
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'aid_campaign', objectId: id, detail: { status: { from, to: body.status } } }, true);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'aid_campaigns_one_active')) throw conflict('已有正在进行的春风行动,同一时间只能进行一个', 'ANOTHER_ACTIVE');
    throw e;
  }
  return getCampaign(ctx, auth, id);
}

/** The settings form's choices: the city's districts and the active funds in the caller's scope. */
export async function campaignOptions(ctx: AppContext, auth: AuthContext): Promise<CampaignOptions> {
  const funds = await queryRows<{ id: string; code: string; name: string; org_name: string }>(
    ctx.db,
    sql`SELECT f.id, f.code, f.name, o.name AS org_name FROM funds f JOIN orgs o ON o.id = f.org_id
        WHERE f.status = 'active' AND ${orgInScope(auth.scope, sql`f.org_id`)} ORDER BY f.code LIMIT 500`,
  );
  return {
    divisions: ctx.config.city.districts.map((d) => ({ code: d.code, name: d.name })),
    funds: funds.map((f) => ({ id: f.id, code: f.code, name: f.name, orgName: f.org_name })),
  };
}
