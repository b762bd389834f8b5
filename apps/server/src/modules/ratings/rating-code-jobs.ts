import { eq, sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { queueSms } from '../../platform/notify/sms-outbox.service.js';
import { codeHash, displayCode, newCode } from './rating-code.js';
import { RATING_CODES_JOB, type CodeJobPayload } from './rating-code-batch.service.js';
import { ratingCodeBatches } from './rating.schema.js';

const CHUNK = 2000;
export const SMS_TEMPLATE = 'rating_invitation';

interface BatchInfo {
  id: string;
  campaign_id: string;
  group_id: string;
  group_name: string;
  org_id: string;
  title: string;
  ends_on: string;
  source: string;
  requested: number;
  generated: number;
}

/** Inserts `n` fresh codes (a hash collision is drawn again) and returns them in clear, once, for the messages. */
export async function insertCodes(tx: Db, crypto: FieldCrypto, ref: { campaignId: string; groupId: string; batchId: string | null }, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const codes = Array.from({ length: n - out.length }, newCode);
    const byHash = new Map(codes.map((c) => [codeHash(crypto, c), c]));
    const inserted = await queryRows<{ code_hash: string }>(
      tx,
      sql`INSERT INTO rating_codes (campaign_id, group_id, batch_id, code_hash)
          SELECT ${ref.campaignId}::uuid, ${ref.groupId}::uuid, ${ref.batchId}::uuid, h FROM jsonb_array_elements_text(${JSON.stringify([...byHash.keys()])}::jsonb) AS h
          ON CONFLICT DO NOTHING RETURNING code_hash`,
    );
    for (const r of inserted) out.push(byHash.get(r.code_hash)!);
  }
  return out;
}

export const invitationText = (b: Pick<BatchInfo, 'title' | 'group_name' | 'ends_on'>, code: string): string =>
  `【杭州市总工会】您受邀以“${b.group_name}”身份参加${b.title}。测评码:${code},请于${b.ends_on}前在“杭州工会”移动端“满意度测评”输入测评码完成评价。测评码仅限使用一次,请勿转告他人。`;

/** The phones of a batch: the pasted list, or members with a phone in the campaign org's tree, drawn at random. */
async function phonesOf(db: Db, crypto: FieldCrypto, b: BatchInfo, p: CodeJobPayload): Promise<string[]> {
  if (p.phonesEnc) return JSON.parse(crypto.decrypt(p.phonesEnc)) as string[];
  const rows = await queryRows<{ phone_enc: string }>(
    db,
    sql`SELECT m.phone_enc FROM members m WHERE m.status = 'active' AND m.phone_enc IS NOT NULL
          AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${b.org_id}) ORDER BY random() LIMIT ${b.requested}`,
  );
  return rows.map((r) => crypto.decrypt(r.phone_enc));
}

/**
 * Generates a batch in chunks of 2,000: each chunk's codes, its queued messages and the batch's
 * count commit together, so a job that dies resumes after the last committed chunk.
 */
export function registerRatingJobs(jobs: JobRunner, deps: { crypto: FieldCrypto }): void {
  jobs.register(RATING_CODES_JOB, async (ctx) => {
    const p = ctx.job.payload as unknown as CodeJobPayload;
    const [b] = await queryRows<BatchInfo>(
      ctx.db,
      sql`SELECT k.id, k.campaign_id, k.group_id, g.name AS group_name, c.org_id, c.title, c.ends_on::text AS ends_on, k.source, k.requested, k.generated
            FROM rating_code_batches k JOIN rater_groups g ON g.id = k.group_id JOIN rating_campaigns c ON c.id = k.campaign_id WHERE k.id = ${p.batchId}`,
    );
    if (!b) return { generated: 0 };
    const phones = await phonesOf(ctx.db, deps.crypto, b, p);
    await ctx.progress(b.generated, phones.length);
    for (let done = b.generated; done < phones.length; ) {
      const slice = phones.slice(done, done + CHUNK);
      await ctx.db.transaction(async (tx) => {
        const codes = await insertCodes(tx, deps.crypto, { campaignId: b.campaign_id, groupId: b.group_id, batchId: b.id }, slice.length);
        await queueSms(
          tx,
          deps.crypto,
          slice.map((phone, i) => ({ orgId: b.org_id, phone, template: SMS_TEMPLATE, body: invitationText(b, displayCode(codes[i]!)), bodyMasked: invitationText(b, '**********'), sourceType: 'rating_code_batch', sourceId: b.id })),
        );
        await tx.update(ratingCodeBatches).set({ generated: done + slice.length }).where(eq(ratingCodeBatches.id, b.id));
      });
      done += slice.length;
      await ctx.progress(done, phones.length);
    }
    return { generated: phones.length, requested: b.requested };
  });
}
