import { createHash, randomBytes } from 'node:crypto';

/** A fresh published seed: 32 hex digits. */
export const newLotterySeed = (): string => randomBytes(16).toString('hex');

const rankKey = (seed: string, offeringId: string, memberId: string): string => createHash('sha256').update(`${seed}:${offeringId}:${memberId}`).digest('hex');

/**
 * The draw order of an offering's entrants: each member's key is SHA-256(seed:offering:member), and
 * entrants are drawn by ascending key. The order depends on nothing but the published seed and who
 * entered (not on sign-up order, database order or the machine), so anyone holding the seed and
 * the entrant list can recompute the result.
 */
export function lotteryOrder<T extends { memberId: string }>(seed: string, offeringId: string, entrants: readonly T[]): T[] {
  return entrants
    .map((e) => ({ e, k: rankKey(seed, offeringId, e.memberId) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.e);
}

/** A digest of a draw's outcome (the selected members in draw order), published with the seed. */
export const drawDigest = (selectedMemberIds: readonly string[]): string => createHash('sha256').update(selectedMemberIds.join('\n')).digest('hex');
