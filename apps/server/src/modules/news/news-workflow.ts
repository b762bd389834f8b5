import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notify } from '../../platform/notify/notify.service.js';
import { defineWorkflow, type WorkflowLevel } from '../../platform/workflow/workflow-definition.js';

export const NEWS_WORKFLOW_TYPE = 'news.article';

type Levels = ReadonlySet<WorkflowLevel>;
/** The article's own union is the lowest level of its chain (a grassroots union sits below its street or district). */
const own = (levels: Levels): WorkflowLevel => (['grassroots', 'street', 'district', 'city'] as const).find((l) => levels.has(l)) ?? 'city';
const streetReviews = (levels: Levels) => own(levels) === 'grassroots' && levels.has('street');
const districtReviews = (levels: Levels) => !streetReviews(levels) && ['grassroots', 'street'].includes(own(levels)) && levels.has('district');

/** The workflow's statuses as the article's (the approval is the publication). */
const ARTICLE_STATUS: Record<string, string> = { in_review: 'in_review', returned: 'returned', approved: 'published', withdrawn: 'withdrawn', rejected: 'returned' };

/** The reviewing union hears of a submitted article; the writer of its publication or return. */
async function tell(tx: Db, id: string, to: string): Promise<void> {
  if (!['in_review', 'returned', 'published'].includes(to)) return;
  const [a] = await queryRows<{ created_by: string | null; title: string; assignee: string | null }>(
    tx,
    sql`SELECT a.created_by, a.title, w.assignee_org_id AS assignee FROM news_articles a JOIN workflow_instances w ON w.business_type = ${NEWS_WORKFLOW_TYPE} AND w.business_id = a.id WHERE a.id = ${id}`,
  );
  if (!a) return;
  const link = `/news/${id}`;
  if (to === 'in_review') {
    if (a.assignee) await notify(tx, { orgId: a.assignee, kind: 'news.review', title: `待审核稿件:${a.title}`, link });
    return;
  }
  if (a.created_by) await notify(tx, { userId: a.created_by, kind: 'news.review', title: `稿件「${a.title}」${to === 'published' ? '已审核发布' : '被退回修改,请查看退回原因'}`, link });
}

/**
 * 宣传稿件 review: ONE step, by the parent union of the article's union (a grassroots union's by its
 * street, or its district where no street sits above it; a street's by its district; a district's
 * by the city). The city's own articles are reviewed by the city itself (staff holding
 * news:article:review). Approval publishes the article in the same transaction.
 */
export const newsWorkflow = defineWorkflow({
  type: NEWS_WORKFLOW_TYPE,
  objectType: 'news_article',
  approvePermission: 'news:article:review',
  filePermission: 'news:article:write',
  steps: [
    { key: 'street_review', label: '街道总工会审核', level: 'street', when: (c) => streetReviews(c.levels), slaWorkdays: 3 },
    { key: 'district_review', label: '区县(市)总工会审核', level: 'district', when: (c) => districtReviews(c.levels), slaWorkdays: 3 },
    { key: 'city_review', label: '市总工会审核', level: 'city', when: (c) => !streetReviews(c.levels) && !districtReviews(c.levels), slaWorkdays: 3 },
  ],
  escalateAfterWorkdays: 3,
  onStatusChange: async (tx, change) => {
    const status = ARTICLE_STATUS[change.to];
    if (!status) return;
    const published = status === 'published' ? sql`, published_at = now()` : sql``;
    await tx.execute(sql`UPDATE news_articles SET status = ${status}, updated_at = now() ${published} WHERE id = ${change.businessId}`);
    await tell(tx, change.businessId, status);
  },
});
