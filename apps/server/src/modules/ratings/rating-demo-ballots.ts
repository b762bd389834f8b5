import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maskPhone } from '@gonghui/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { codeHash, newCode } from './rating-code.js';
import { fingerprintOf } from './rating-submit.service.js';
import { DEMO_COMMENTS } from './rating-demo.data.js';

export interface DemoCampaign {
  id: string;
  units: { id: string; quality: number }[];
  groups: { id: string; name: string; weightBp: number }[];
}

export interface SheetPlan {
  sheets: number;
  /** first and last moment of the submissions */
  from: Date;
  to: Date;
  /** one device sending `burst` identical all-满意 sheets within minutes (flagged) */
  burst?: { sheets: number; at: Date; excludedReason?: string };
  replies?: number;
}

/** A deterministic generator so the demo ranks the same on every fresh start. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const BIAS: Record<string, number> = { 媒体: -7, 特邀监督员: -5, 人大代表: -2, 劳模: 3, 基层工会干部: 2 };

function level(rnd: () => number, quality: number): number {
  const r = rnd() * 100;
  if (r < quality * 0.6) return 1;
  if (r < quality * 0.84) return 2;
  if (r < quality) return 3;
  return rnd() < 0.55 ? 4 : 5;
}

const CHUNK = 2000;

/** Codes (used), then one ballot per unit for each sheet, inserted in chunks; the burst flagged. */
export async function seedSheets(tx: Db, crypto: FieldCrypto, c: DemoCampaign, plan: SheetPlan, rnd: () => number): Promise<number> {
  type Row = Record<string, string | number | boolean | null | string[] | Date>;
  const rows: Row[] = [];
  const span = plan.to.getTime() - plan.from.getTime();
  const burst = plan.burst?.sheets ?? 0;
  let replies = plan.replies ?? 0;
  const total = plan.sheets + burst;
  const groupOf = Array.from({ length: total }, (_, s) => (s >= plan.sheets ? c.groups[6]! : c.groups[Math.floor(rnd() * c.groups.length)]!));
  // the sheets' codes, used, in one statement (hashes of fresh random codes: nobody can use them again)
  const codeRows = groupOf.map((g) => ({ campaign_id: c.id, group_id: g.id, code_hash: codeHash(crypto, newCode()) }));
  const inserted = await queryRows<{ id: string; group_id: string }>(
    tx,
    sql`INSERT INTO rating_codes (campaign_id, group_id, code_hash, used_at)
        SELECT campaign_id, group_id, code_hash, now() FROM jsonb_to_recordset(${JSON.stringify(codeRows)}::jsonb) AS x(campaign_id uuid, group_id uuid, code_hash text) RETURNING id, group_id`,
  );
  const pool = new Map<string, string[]>();
  for (const r of inserted) pool.set(r.group_id, [...(pool.get(r.group_id) ?? []), r.id]);
  for (let s = 0; s < total; s++) {
    const isBurst = s >= plan.sheets;
    const group = groupOf[s]!;
    const codeId = pool.get(group.id)!.pop()!;
    const at = isBurst ? new Date(plan.burst!.at.getTime() + (s - plan.sheets) * 25_000) : new Date(plan.from.getTime() + Math.floor(rnd() * span));
    const ip = isBurst ? '115.236.8.66' : `${[36, 60, 115, 183, 220][Math.floor(rnd() * 5)]}.${Math.floor(rnd() * 250)}.${Math.floor(rnd() * 250)}.${1 + Math.floor(rnd() * 250)}`;
    const submissionId = randomUUID();
    for (const u of c.units) {
      const q = Math.max(30, Math.min(99, u.quality + (BIAS[group.name] ?? 0)));
      const [a, i, e] = isBurst ? [1, 1, 1] : [level(rnd, q), level(rnd, q + 3), level(rnd, q - 2)];
      const unhappy = Math.max(a, i, e) >= 4;
      const wantsReply = !isBurst && unhappy && replies > 0 && rnd() < 0.3;
      if (wantsReply) replies--;
      const phone = `1386${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
      rows.push({
        campaign_id: c.id, unit_id: u.id, group_id: group.id, rater_key: `code:${codeId}`, submission_id: submissionId, code_id: codeId, attitude: a, integrity: i, effect: e,
        comment: wantsReply || (unhappy && rnd() < 0.15) ? DEMO_COMMENTS[Math.floor(rnd() * DEMO_COMMENTS.length)]! : null,
        reply_requested: wantsReply, contact_enc: wantsReply ? crypto.encrypt(phone) : null, contact_masked: wantsReply ? maskPhone(phone) : null,
        ip, fingerprint: fingerprintOf(ip, isBurst ? 'Mozilla/5.0 (Linux; Android 9)' : `ua-${s}`), created_at: at,
        flag_reasons: isBurst ? ['burst_device', 'same_answers'] : [],
        excluded: isBurst && !!plan.burst?.excludedReason, excluded_reason: isBurst ? (plan.burst?.excludedReason ?? null) : null, excluded_at: isBurst && plan.burst?.excludedReason ? plan.to : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    // one JSON parameter per chunk: far faster than thousands of bound parameters on PGlite
    await tx.execute(sql`INSERT INTO rating_ballots (campaign_id, unit_id, group_id, rater_key, submission_id, code_id, attitude, integrity, effect, comment, reply_requested,
        contact_enc, contact_masked, ip, fingerprint, created_at, flag_reasons, excluded, excluded_reason, excluded_at)
      SELECT campaign_id, unit_id, group_id, rater_key, submission_id, code_id, attitude, integrity, effect, comment, reply_requested,
        contact_enc, contact_masked, ip, fingerprint, created_at, flag_reasons, excluded, excluded_reason, excluded_at
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) AS x(campaign_id uuid, unit_id uuid, group_id uuid, rater_key text, submission_id uuid, code_id uuid,
          attitude smallint, integrity smallint, effect smallint, comment text, reply_requested boolean, contact_enc text, contact_masked text, ip text, fingerprint text,
          created_at timestamptz, flag_reasons text[], excluded boolean, excluded_reason text, excluded_at timestamptz)`);
  }
  return rows.length;
}
