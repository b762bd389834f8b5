import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db-connection.js';

export interface BurstSettings {
  burst_window_minutes: number;
  burst_ip_limit: number;
  burst_same_answer_limit: number;
}

/**
 * Flags a burst after a submission is stored (same transaction): more than `burst_ip_limit` sheets
 * from one fingerprint (IP + user agent) within the window flags all of them; `burst_same_answer_limit`
 * or more ballots for one unit with the same level on all three dimensions within the window flags
 * those. Flagged ballots still count until staff exclude them.
 */
export async function flagBursts(tx: Db, campaignId: string, submissionId: string, fingerprint: string | null, s: BurstSettings): Promise<void> {
  const since = sql`now() - make_interval(mins => ${s.burst_window_minutes})`;
  if (fingerprint) {
    await tx.execute(sql`UPDATE rating_ballots x SET flag_reasons = array_append(x.flag_reasons, 'burst_device')
       WHERE x.campaign_id = ${campaignId} AND x.fingerprint = ${fingerprint} AND x.created_at > ${since} AND NOT ('burst_device' = ANY (x.flag_reasons))
         AND (SELECT count(DISTINCT y.submission_id) FROM rating_ballots y WHERE y.campaign_id = ${campaignId} AND y.fingerprint = ${fingerprint} AND y.created_at > ${since}) > ${s.burst_ip_limit}`);
  }
  await tx.execute(sql`WITH hit AS (
        SELECT b.unit_id, b.attitude AS lvl FROM rating_ballots b
         WHERE b.submission_id = ${submissionId} AND b.attitude = b.integrity AND b.integrity = b.effect
      ), burst AS (
        SELECT h.unit_id, h.lvl FROM hit h
         WHERE (SELECT count(*) FROM rating_ballots y WHERE y.campaign_id = ${campaignId} AND y.unit_id = h.unit_id AND y.attitude = h.lvl AND y.integrity = h.lvl AND y.effect = h.lvl AND y.created_at > ${since}) >= ${s.burst_same_answer_limit}
      )
      UPDATE rating_ballots x SET flag_reasons = array_append(x.flag_reasons, 'same_answers') FROM burst
       WHERE x.campaign_id = ${campaignId} AND x.unit_id = burst.unit_id AND x.attitude = burst.lvl AND x.integrity = burst.lvl AND x.effect = burst.lvl
         AND x.created_at > ${since} AND NOT ('same_answers' = ANY (x.flag_reasons))`);
}
