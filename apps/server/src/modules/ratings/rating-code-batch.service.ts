import { and, eq, sql } from 'drizzle-orm';
import type { RatingCodeBatch, RatingCodeBatchBody } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { AppContext } from '../../platform/app-context.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField } from '../../platform/http/app-error.js';
import { loadCampaign } from './rating-campaign.service.js';
import { raterGroups, ratingCodeBatches } from './rating.schema.js';

export const RATING_CODES_JOB = 'ratings.codes.generate';

export interface CodeJobPayload {
  batchId: string;
  /** the pasted phones, encrypted (no phone in clear in the jobs table) */
  phonesEnc?: string;
}

/** Starts a batch: the job makes the codes and queues their text messages, showing progress. */
export async function startCodeBatch(ctx: AppContext, auth: AuthContext, actor: Actor, campaignId: string, b: RatingCodeBatchBody): Promise<{ batchId: string; jobId: string }> {
  if (!auth.permissions.has('rating:invite:manage')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, auth, campaignId, true);
    if (c.state !== 'draft' && c.state !== 'open') throw conflict('测评已结束,不能再生成邀请码', 'ILLEGAL_TRANSITION');
    const [g] = await tx.select({ id: raterGroups.id, name: raterGroups.name }).from(raterGroups).where(and(eq(raterGroups.id, b.groupId), eq(raterGroups.campaignId, campaignId)));
    if (!g) throw invalidField('groupId', '测评群体不属于本次测评');
    const phones = b.source === 'phones' ? [...new Set(b.phones ?? [])] : [];
    const requested = b.source === 'phones' ? phones.length : (b.count ?? 0);
    const [batch] = await tx.insert(ratingCodeBatches).values({ campaignId, groupId: g.id, source: b.source, requested, createdBy: auth.user.id }).returning({ id: ratingCodeBatches.id });
    const payload: CodeJobPayload = { batchId: batch!.id, ...(phones.length ? { phonesEnc: ctx.crypto.encrypt(JSON.stringify(phones)) } : {}) };
    const jobId = await ctx.jobs.enqueue(RATING_CODES_JOB, { ...payload }, { createdBy: auth.user.id, orgId: c.org_id, maxAttempts: 3 }, tx);
    await tx.update(ratingCodeBatches).set({ jobId }).where(eq(ratingCodeBatches.id, batch!.id));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'rating_code_batch', objectId: batch!.id, detail: { campaignId, group: g.name, source: b.source, requested } }, true);
    return { batchId: batch!.id, jobId };
  });
}

export async function listCodeBatches(db: Db, auth: AuthContext, campaignId: string): Promise<RatingCodeBatch[]> {
  await loadCampaign(db, auth, campaignId);
  const rows = await queryRows<{ id: string; group_name: string; source: string; requested: number; generated: number; job_id: string | null; created_at: Date }>(
    db,
    sql`SELECT b.id, g.name AS group_name, b.source, b.requested, b.generated, b.job_id, b.created_at FROM rating_code_batches b JOIN rater_groups g ON g.id = b.group_id
         WHERE b.campaign_id = ${campaignId} ORDER BY b.created_at DESC`,
  );
  return rows.map((r) => ({ id: r.id, groupName: r.group_name, source: r.source, requested: r.requested, generated: r.generated, jobId: r.job_id, createdAt: new Date(r.created_at).toISOString() }));
}
