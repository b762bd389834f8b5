import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { BuiltinRoleCode } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { appendAttachment, storeAttachment, type AttachmentAccess } from '../../platform/files/attachment-list.js';
import { demoPhotoPng } from '../hazards/hazard-demo-photo.js';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, staffAuth } from '../../seed/demo-helpers.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-orgs.data.js';
import { applyNewsAction, insertNews } from './news-article.service.js';
import { NEWS_COVER_HOST } from './news-cover.js';
import { DEMO_NEWS, DEMO_NEWS_RETURN_REASON, DEMO_NEWS_TAKE_DOWN_REASON, type DemoNews } from './news-demo.data.js';
import { NEWS_WORKFLOW_TYPE } from './news-workflow.js';

type Side = { auth: AuthContext; actor: Actor };
const ROLE_BY_KIND: Record<string, BuiltinRoleCode> = { city: 'city_admin', district: 'district_admin', street: 'street_admin', industry: 'street_admin', grassroots: 'grassroots_admin' };

const sides = new Map<string, Promise<Side>>();

/** The union's demo account where there is one (staff only), else a named officer of it (loaded once per seed). */
function sideOf(db: Db, org: { id: string; name: string; kind: string }, officer: string): Promise<Side> {
  const key = `${org.id}:${officer}`;
  if (!sides.has(key)) {
    const account = DEMO_ACCOUNTS.find((a) => a.org === org.name && a.role !== 'member');
    sides.set(key, account ? demoAuth(db, account.username) : Promise.resolve(staffAuth(org, ROLE_BY_KIND[org.kind] ?? 'grassroots_admin', officer)));
  }
  return sides.get(key)!;
}

async function orgNamed(db: Db, name: string): Promise<{ id: string; name: string; kind: string } | null> {
  const [o] = await queryRows<{ id: string; name: string; kind: string }>(db, sql`SELECT id, name, kind FROM orgs WHERE name = ${name} LIMIT 1`);
  return o ?? null;
}

/** The union whose turn it is to review the article. */
async function reviewerOf(db: Db, id: string): Promise<Side> {
  const [o] = await queryRows<{ id: string; name: string; kind: string }>(
    db,
    sql`SELECT o.id, o.name, o.kind FROM workflow_instances w JOIN orgs o ON o.id = w.assignee_org_id WHERE w.business_type = ${NEWS_WORKFLOW_TYPE} AND w.business_id = ${id}`,
  );
  if (!o) throw new Error(`news ${id} has no reviewer`);
  return sideOf(db, o, '宣传审核员');
}

const COLOURS: [number, number, number][] = [[200, 22, 29], [22, 119, 255], [82, 196, 26], [250, 140, 22], [114, 46, 209], [19, 194, 194]];

/** A demo cover image (a small generated PNG) through the attachment mechanism. */
async function addCover(db: Db, side: Side, id: string, orgId: string, seed: number): Promise<void> {
  const access: AttachmentAccess = { orgId, list: [], uploadedBy: `${side.auth.user.name}(${side.auth.user.orgName})`, checkUpload: () => undefined, checkDelete: () => undefined };
  const file = await storeAttachment(db, NEWS_COVER_HOST, access, side.auth.user.id, Readable.from([demoPhotoPng(COLOURS[seed % COLOURS.length]!, seed)]), '封面.png');
  await appendAttachment(db, NEWS_COVER_HOST, side.actor, id, file, 'cover', async () => access);
}

async function seedOne(db: Db, n: DemoNews, seed: number): Promise<void> {
  const org = await orgNamed(db, n.org);
  if (!org) return;
  const writer = await sideOf(db, org, '宣传干事');
  const body = { title: n.title, category: n.category, summary: n.summary, body: n.paras.join('\n\n'), author: n.author, publishScope: n.scope, pinned: n.pinned ?? false };
  const id = await insertNews(db, writer.auth, writer.actor, body);
  if (n.state === 'published' || n.state === 'in_review') await addCover(db, writer, id, org.id, seed);
  if (n.state === 'draft') return;
  await applyNewsAction(db, writer.auth, writer.actor, id, { action: n.state === 'withdrawn' ? 'withdraw' : 'submit' });
  if (n.state === 'withdrawn' || n.state === 'in_review') return;
  const reviewer = await reviewerOf(db, id);
  if (n.state === 'returned') {
    await applyNewsAction(db, reviewer.auth, reviewer.actor, id, { action: 'return', opinion: DEMO_NEWS_RETURN_REASON });
    return;
  }
  await applyNewsAction(db, reviewer.auth, reviewer.actor, id, { action: 'approve', opinion: '同意发布' });
  // the demo's history: published some days ago, read by this many
  await db.execute(sql`UPDATE news_articles SET published_at = now() - make_interval(days => ${n.daysAgo}, hours => 3), view_count = ${n.views} WHERE id = ${id}`);
  if (n.state === 'taken_down') await applyNewsAction(db, reviewer.auth, reviewer.actor, id, { action: 'take_down', opinion: DEMO_NEWS_TAKE_DOWN_REASON });
}

/** ~25 articles of the city, districts, a street and a grassroots union in every state, with view counts. */
export async function seedNews({ db }: DemoSeedContext): Promise<void> {
  sides.clear();
  for (const [i, n] of DEMO_NEWS.entries()) await seedOne(db, n, i);
  sides.clear();
}

registerDemoSeeder('news', seedNews);
