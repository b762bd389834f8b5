import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page, RatingBallot, RatingReplyItem, ratingBallotListQuerySchema, ratingExcludeBodySchema, ratingReplyListQuerySchema } from '@gonghui/contracts';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { loadCampaign } from './rating-campaign.service.js';

interface BallotRow {
  id: string;
  unit_name: string;
  group_name: string;
  rater_key: string;
  attitude: number;
  integrity: number;
  effect: number;
  comment: string | null;
  reply_requested: boolean;
  ip: string | null;
  flag_reasons: string[];
  excluded: boolean;
  excluded_reason: string | null;
  created_at: Date;
  total: number;
}

export const maskIp = (ip: string | null): string | null => {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/, '').split('.');
  return v4.length === 4 ? `${v4[0]}.${v4[1]}.*.*` : `${ip.split(':').slice(0, 3).join(':')}:*`;
};

/** The campaign's ballots for review (flagged first when filtered), with the raters' IPs masked. */
export async function listBallots(db: Db, auth: AuthContext, campaignId: string, q: z.infer<typeof ratingBallotListQuerySchema>): Promise<Page<RatingBallot>> {
  const c = await loadCampaign(db, auth, campaignId);
  const conds: SQL[] = [sql`b.campaign_id = ${campaignId}`];
  if (q.flagged) conds.push(q.flagged === 'true' ? sql`cardinality(b.flag_reasons) > 0` : sql`cardinality(b.flag_reasons) = 0`);
  if (q.excluded) conds.push(sql`b.excluded = ${q.excluded === 'true'}`);
  if (q.unitId) conds.push(sql`b.unit_id = ${q.unitId}`);
  if (q.groupId) conds.push(sql`b.group_id = ${q.groupId}`);
  const rows = await queryRows<BallotRow>(
    db,
    sql`SELECT b.id, u.name AS unit_name, g.name AS group_name, b.rater_key, b.attitude, b.integrity, b.effect, b.comment, b.reply_requested, b.ip,
               b.flag_reasons, b.excluded, b.excluded_reason, b.created_at, count(*) OVER ()::int AS total
          FROM rating_ballots b JOIN rating_units u ON u.id = b.unit_id JOIN rater_groups g ON g.id = b.group_id
         WHERE ${sql.join(conds, sql` AND `)} ORDER BY b.created_at DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const canExclude = auth.permissions.has('rating:ballot:review') && c.state !== 'published';
  const items = rows.map((r) => ({
    id: r.id,
    unitName: r.unit_name,
    groupName: r.group_name,
    raterKind: r.rater_key.startsWith('member:') ? ('member' as const) : ('code' as const),
    attitude: r.attitude,
    integrity: r.integrity,
    effect: r.effect,
    comment: r.comment,
    replyRequested: r.reply_requested,
    ipMasked: maskIp(r.ip),
    flagReasons: r.flag_reasons,
    excluded: r.excluded,
    excludedReason: r.excluded_reason,
    createdAt: new Date(r.created_at).toISOString(),
    canExclude,
  }));
  return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** 剔除 (or restore) ballots of the campaign with a reason, before the results are published; audited. */
export async function excludeBallots(db: Db, auth: AuthContext, actor: Actor, campaignId: string, b: z.infer<typeof ratingExcludeBodySchema>): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const c = await loadCampaign(tx, auth, campaignId, true);
    if (c.state === 'published') throw conflict('结果已发布,不能再剔除或恢复答卷', 'ILLEGAL_TRANSITION');
    const ids = sql.join(b.ballotIds.map((id) => sql`${id}::uuid`), sql`, `);
    const [n] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM rating_ballots WHERE id IN (${ids}) AND campaign_id = ${campaignId}`);
    if ((n?.n ?? 0) !== new Set(b.ballotIds).size) throw invalidField('ballotIds', '所选答卷不属于本次测评');
    const changed = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE rating_ballots SET excluded = ${b.excluded}, excluded_reason = ${b.excluded ? b.reason : null}, excluded_by = ${auth.user.id}, excluded_at = now()
           WHERE id IN (${ids}) AND campaign_id = ${campaignId} AND excluded <> ${b.excluded} RETURNING id`,
    );
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rating_campaign', objectId: campaignId, detail: { step: b.excluded ? 'exclude_ballots' : 'restore_ballots', reason: b.reason, ballots: changed.map((r) => r.id) } }, true);
    return { changed: changed.length };
  });
}

/** Reply requests a union may answer: those for its own rated units, or any of a campaign it runs. */
const replyScope = (auth: AuthContext): SQL =>
  sql`(${scopePredicate(auth.scope, { org: sql`u.org_id` })} OR ${scopePredicate(auth.scope, { org: sql`c.org_id` })})`;

interface ReplyRow {
  id: string;
  campaign_title: string;
  unit_name: string;
  comment: string | null;
  contact_masked: string | null;
  attitude: number;
  integrity: number;
  effect: number;
  reply_text: string | null;
  replied_at: Date | null;
  created_at: Date;
  total: number;
}

export async function listReplyRequests(db: Db, auth: AuthContext, q: z.infer<typeof ratingReplyListQuerySchema>): Promise<Page<RatingReplyItem>> {
  const conds: SQL[] = [sql`b.reply_requested`, sql`NOT b.excluded`, replyScope(auth)];
  if (q.campaignId) conds.push(sql`b.campaign_id = ${q.campaignId}`);
  if (q.answered) conds.push(q.answered === 'true' ? sql`b.replied_at IS NOT NULL` : sql`b.replied_at IS NULL`);
  const rows = await queryRows<ReplyRow>(
    db,
    sql`SELECT b.id, c.title AS campaign_title, u.name AS unit_name, b.comment, b.contact_masked, b.attitude, b.integrity, b.effect, b.reply_text, b.replied_at, b.created_at, count(*) OVER ()::int AS total
          FROM rating_ballots b JOIN rating_units u ON u.id = b.unit_id JOIN rating_campaigns c ON c.id = b.campaign_id
         WHERE ${sql.join(conds, sql` AND `)} ORDER BY (b.replied_at IS NULL) DESC, b.created_at DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const items = rows.map((r) => ({
    id: r.id,
    campaignTitle: r.campaign_title,
    unitName: r.unit_name,
    comment: r.comment,
    contactMasked: r.contact_masked,
    levels: [r.attitude, r.integrity, r.effect],
    replyText: r.reply_text,
    repliedAt: r.replied_at ? new Date(r.replied_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
  return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function answerReplyRequest(db: Db, auth: AuthContext, actor: Actor, ballotId: string, replyText: string): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; reply_text: string | null }>(
      tx,
      sql`SELECT b.id, b.reply_text FROM rating_ballots b JOIN rating_units u ON u.id = b.unit_id JOIN rating_campaigns c ON c.id = b.campaign_id
           WHERE b.id = ${ballotId} AND b.reply_requested AND ${replyScope(auth)} FOR UPDATE OF b`,
    );
    if (!row) throw notFound('测评意见');
    await tx.execute(sql`UPDATE rating_ballots SET reply_text = ${replyText}, replied_at = now(), replied_by = ${auth.user.id} WHERE id = ${ballotId}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rating_ballot', objectId: ballotId, detail: { step: 'reply', before: row.reply_text, after: replyText } }, true);
  });
  return { ok: true };
}
