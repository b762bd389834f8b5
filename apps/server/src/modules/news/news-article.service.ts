import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  NEWS_STATUS_LABELS,
  newsCategoryLabel,
  type NewsArticle,
  type NewsCreateBody,
  type NewsListItem,
  type NewsListQuery,
  type NewsStatus,
  type Page,
  type newsActionBodySchema,
  type newsUpdateBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { actOnCase, createCase, findInstance, updateCaseFacts, userActor, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import { countNews, findNewsRow, newsRows, newsScope, type NewsArticleRow } from './news-article.repository.js';
import { newsArticles } from './news-article.schema.js';
import { NEWS_WORKFLOW_TYPE, newsWorkflow } from './news-workflow.js';

async function newsInstance(db: Db, id: string): Promise<WorkflowInstance> {
  const inst = await findInstance(db, NEWS_WORKFLOW_TYPE, id);
  if (!inst) throw new Error(`news article ${id} has no workflow case`);
  return inst;
}

async function abilitiesOf(db: Db, auth: AuthContext, r: NewsArticleRow): Promise<NewsArticle['abilities']> {
  const wf = await workflowAbilities(db, newsWorkflow, auth, await newsInstance(db, r.id));
  const staff = (auth.permissions.has('news:article:write') || auth.permissions.has('news:article:review')) && (await scopeIncludesOrg(db, auth.scope, r.org_id));
  return {
    canEdit: wf.canEdit,
    canSubmit: wf.canSubmit,
    canWithdraw: wf.canWithdraw,
    canApprove: wf.canApprove,
    canReturn: wf.canReturn,
    canTakeDown: r.status === 'published' && staff,
    canUpload: wf.canEdit,
  };
}

function listItem(r: NewsArticleRow): NewsListItem {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    categoryLabel: newsCategoryLabel(r.category),
    summary: r.summary,
    author: r.author,
    orgId: r.org_id,
    orgName: r.org_name,
    publishScope: r.publish_scope,
    pinned: r.pinned,
    status: r.status as NewsStatus,
    statusLabel: NEWS_STATUS_LABELS[r.status as NewsStatus],
    publishedAt: r.published_at,
    viewCount: r.view_count,
    coverFileId: r.cover[0]?.fileId ?? null,
    updatedAt: r.updated_at,
    reviewerOrgName: r.status === 'in_review' ? r.assignee_org_name : null,
  };
}

/** An article the caller (staff) sees, else 404. */
export async function visibleNews(db: Db, auth: AuthContext, id: string): Promise<NewsArticleRow> {
  const row = await findNewsRow(db, auth.scope, id);
  if (!row) throw notFound('稿件');
  return row;
}

export async function getNews(db: Db, auth: AuthContext, id: string): Promise<NewsArticle> {
  const r = await visibleNews(db, auth, id);
  const inst = await newsInstance(db, id);
  return {
    ...listItem(r),
    body: r.body,
    cover: r.cover,
    returnReason: r.return_reason,
    takeDownReason: r.take_down_reason,
    createdByName: r.created_by_name,
    timeline: await workflowTimeline(db, inst.id),
    abilities: await abilitiesOf(db, auth, r),
  };
}

/** The staff list's filters over the caller's scope (inbox: awaiting the caller's union's review). */
export function newsWhere(auth: AuthContext, q: Partial<NewsListQuery>): SQL {
  const conds: SQL[] = [newsScope(auth.scope)];
  if (q.box === 'inbox') conds.push(sql`w.status = 'in_review' AND w.assignee_org_id = ${auth.user.orgId}`);
  if (q.status) conds.push(sql`a.status = ${q.status}`);
  if (q.category) conds.push(sql`a.category = ${q.category}`);
  if (q.orgId) conds.push(sql`a.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${q.orgId}::uuid)`);
  if (q.from) conds.push(sql`COALESCE(a.published_at, a.updated_at) >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (q.to) conds.push(sql`COALESCE(a.published_at, a.updated_at) < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(a.title LIKE ${like} OR a.author LIKE ${like} OR a.summary LIKE ${like})`);
  }
  return sql.join(conds, sql` AND `);
}

export async function listNews(db: Db, auth: AuthContext, q: NewsListQuery): Promise<Page<NewsListItem>> {
  if (q.from && q.to && q.from > q.to) throw invalidField('to', '结束日期不能早于开始日期');
  const where = newsWhere(auth, q);
  const rows = await newsRows(db, where, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(listItem), total: await countNews(db, where), page: q.page, pageSize: q.pageSize };
}

/** A new draft of the caller's union (the source org is always the writer's own union). */
export async function createNews(db: Db, auth: AuthContext, actor: Actor, body: NewsCreateBody): Promise<NewsArticle> {
  return getNews(db, auth, await insertNews(db, auth, actor, body));
}

/** The draft itself, without reading it back (the demo seed writes many). */
export async function insertNews(db: Db, auth: AuthContext, actor: Actor, body: NewsCreateBody): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsArticles)
      .values({ ...body, orgId: auth.user.orgId, createdBy: auth.user.id, createdByName: auth.user.name })
      .returning({ id: newsArticles.id });
    await createCase(tx, newsWorkflow, { businessId: row!.id, orgId: auth.user.orgId, amountFen: 0, publicName: body.title, publicSummary: body.title }, userActor(auth));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'news_article', objectId: row!.id, detail: { title: body.title, category: body.category, publishScope: body.publishScope } }, true);
    return row!.id;
  });
}

/** Edits a draft or a returned article (the writer's side only). */
export async function updateNews(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof newsUpdateBodySchema>): Promise<NewsArticle> {
  await visibleNews(db, auth, id);
  await db.transaction(async (tx) => {
    const inst = await newsInstance(tx, id);
    const can = await workflowAbilities(tx, newsWorkflow, auth, inst);
    if (!can.canEdit) throw inst.status === 'draft' || inst.status === 'returned' ? forbidden('只有撰稿单位可以修改') : conflict('待审核、已发布或已撤回的稿件不能修改', 'ILLEGAL_TRANSITION');
    const [old] = await tx.select().from(newsArticles).where(eq(newsArticles.id, id));
    await tx.update(newsArticles).set({ ...body, updatedAt: sql`now()` }).where(eq(newsArticles.id, id));
    if (body.title) await updateCaseFacts(tx, inst, { publicName: body.title, publicSummary: body.title });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'news_article', objectId: id, detail: changeDetail(old!, body) }, true);
  });
  return getNews(db, auth, id);
}

/** 撤下: a published article leaves the public page and the feed (source union or its reviewers, with a reason). */
async function takeDown(db: Db, auth: AuthContext, actor: Actor, r: NewsArticleRow, reason: string | undefined): Promise<void> {
  if (!(await abilitiesOf(db, auth, r)).canTakeDown) throw r.status === 'published' ? forbidden('您不能撤下该稿件') : conflict('只有已发布的稿件可以撤下', 'ILLEGAL_TRANSITION');
  if (!reason) throw invalidField('opinion', '撤下须填写原因');
  await db.transaction(async (tx) => {
    const done = await tx
      .update(newsArticles)
      .set({ status: 'withdrawn', takenDownAt: sql`now()`, takeDownReason: reason, updatedAt: sql`now()` })
      .where(sql`${newsArticles.id} = ${r.id} AND ${newsArticles.status} = 'published'`)
      .returning({ id: newsArticles.id });
    if (done.length === 0) throw conflict('该稿件已被他人处理,请刷新后再试', 'ILLEGAL_TRANSITION');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'news_article', objectId: r.id, detail: { takenDown: true, reason } }, true);
  });
}

/** submit / withdraw / approve (发布) / return (退回, reason required) / take_down (撤下, reason required). */
export async function actOnNews(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof newsActionBodySchema>): Promise<NewsArticle> {
  await applyNewsAction(db, auth, actor, id, body);
  return getNews(db, auth, id);
}

/** The action itself, without reading the article back (the demo seed runs many). */
export async function applyNewsAction(db: Db, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof newsActionBodySchema>): Promise<void> {
  const r = await visibleNews(db, auth, id);
  const opinion = body.opinion?.trim() || undefined;
  const action = body.action;
  if (action === 'take_down') await takeDown(db, auth, actor, r, opinion);
  else await db.transaction(async (tx) => actOnCase(tx, newsWorkflow, auth, actor, await newsInstance(tx, id), { action, opinion }));
}
