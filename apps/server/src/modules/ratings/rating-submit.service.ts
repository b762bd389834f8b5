import { createHash, randomUUID } from 'node:crypto';
import type { RatingAnswer } from '@gonghui/contracts';
import { maskPhone } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField } from '../../platform/http/app-error.js';
import { unitRows, type CampaignRow } from './rating-campaign.repository.js';
import { flagBursts } from './rating-flags.js';
import { ratingBallots } from './rating.schema.js';

export interface Rater {
  groupId: string;
  /** `code:<id>` or `member:<id>`: one vote per unit and campaign for each */
  raterKey: string;
  codeId: string | null;
  memberId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** A device fingerprint: IP and user agent, hashed (the raw user agent is not kept). */
export const fingerprintOf = (ip: string | null, ua: string | null): string | null => (ip ? createHash('sha256').update(`${ip}|${ua ?? ''}`).digest('hex').slice(0, 32) : null);

const maskContact = (c: string): string => (/^1\d{10}$/.test(c) ? maskPhone(c) : c.length <= 2 ? '**' : `${c.slice(0, 1)}***${c.slice(-1)}`);

/**
 * Stores one rater's sheet (one ballot per unit; every unit of the campaign rated exactly once) in
 * the caller's transaction. A second sheet from the same rater hits the unique index: nothing is
 * stored and the answer is 409 (the rows inserted so far roll back with the transaction).
 */
export async function storeSheet(tx: Db, crypto: FieldCrypto, c: CampaignRow, rater: Rater, answers: RatingAnswer[], actor: Actor): Promise<number> {
  const units = await unitRows(tx, c.id);
  const ids = new Set(units.map((u) => u.id));
  const seen = new Set<string>();
  for (const [i, a] of answers.entries()) {
    if (!ids.has(a.unitId)) throw invalidField(`answers.${i}.unitId`, '被测评单位不属于本次测评');
    if (seen.has(a.unitId)) throw invalidField(`answers.${i}.unitId`, '同一单位只能评价一次');
    seen.add(a.unitId);
  }
  const missing = units.find((u) => !seen.has(u.id));
  if (missing) throw invalidField('answers', `请为“${missing.name}”打分`);
  const submissionId = randomUUID();
  const fingerprint = fingerprintOf(rater.ip, rater.userAgent);
  const rows = answers.map((a) => ({
    campaignId: c.id,
    unitId: a.unitId,
    groupId: rater.groupId,
    raterKey: rater.raterKey,
    submissionId,
    codeId: rater.codeId,
    memberId: rater.memberId,
    attitude: a.attitude,
    integrity: a.integrity,
    effect: a.effect,
    comment: a.comment ?? null,
    replyRequested: a.replyRequested,
    contactEnc: a.replyRequested && a.contact ? crypto.encrypt(a.contact) : null,
    contactMasked: a.replyRequested && a.contact ? maskContact(a.contact) : null,
    ip: rater.ip,
    fingerprint,
  }));
  const inserted = await tx.insert(ratingBallots).values(rows).onConflictDoNothing().returning({ id: ratingBallots.id });
  if (inserted.length !== rows.length) throw conflict('您已参加过本次测评,每个单位只能评价一次', 'ALREADY_RATED');
  await flagBursts(tx, c.id, submissionId, fingerprint, c);
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'rating_submission', objectId: submissionId, detail: { campaignId: c.id, groupId: rater.groupId, rater: rater.raterKey.split(':')[0], ballots: rows.length } }, true);
  return rows.length;
}
