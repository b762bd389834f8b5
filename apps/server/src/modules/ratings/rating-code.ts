import { randomInt } from 'node:crypto';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';

/** Code alphabet without look-alikes (0/O, 1/I/L): 31 symbols, 10 of them ≈ 49.5 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;
/** the part of a code the per-prefix limit counts failures by */
export const PREFIX_LENGTH = 3;

export function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** As typed: spaces and dashes dropped, upper case. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** The stored form: a keyed hash (the code itself is never stored). */
export function codeHash(crypto: FieldCrypto, code: string): string {
  return crypto.hmac(`rating-code:${normaliseCode(code)}`);
}

/** 4-3-3 groups for reading aloud / typing: ABCD-EFG-HJK */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 7)}-${code.slice(7)}`;
}
