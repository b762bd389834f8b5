import { pinyin } from 'pinyin-pro';
import { sql, type SQL } from 'drizzle-orm';
import { ID_CARD_SHAPE, MOBILE_PATTERN, parseIdCard } from '@gonghui/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';

/** Keyed-hash namespaces, so a phone number never matches an 身份证 hash and so on. */
export const hmacIdCard = (c: FieldCrypto, normalised: string) => c.hmac(`id:${normalised}`);
export const hmacPhone = (c: FieldCrypto, phone: string) => c.hmac(`ph:${phone}`);

export interface NameSearchFields {
  namePinyin: string;
  nameInitials: string;
  nameGrams: string[];
}

/**
 * The search columns written when a name is saved (never computed per query): full 拼音 and
 * 首字母 with surnames read as surnames (单 shan, 曾 zeng, 解 xie), and every 1- and 2-character
 * piece of the name so a 1-2 character search uses an index instead of a scan.
 */
export function nameSearchFields(name: string): NameSearchFields {
  // ü is typed as v (吕 lv, 绿 lv), as every Chinese input method does
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true })
    .map((s) => s.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z]/g, ''))
    .filter(Boolean);
  const chars = [...name.replace(/\s+/g, '')];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    grams.add(chars[i]!);
    if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
  }
  return { namePinyin: syllables.join(''), nameInitials: syllables.map((s) => s[0]).join(''), nameGrams: [...grams] };
}

const CJK = /[\u3400-\u9fff]/;
const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/**
 * What a search box query means: an 身份证 number (exact, by HMAC), a mobile number (exact), the
 * last four digits of a phone, 拼音 or 首字母 (prefix), a 1-2 character name piece (gram index), a
 * longer name part (trigram index), or a member card number.
 */
export function memberSearchPredicate(q: string, crypto: FieldCrypto): SQL {
  const s = q.trim();
  if (ID_CARD_SHAPE.test(s)) {
    const id = parseIdCard(s);
    return id.ok ? sql`m.id_card_hmac = ${hmacIdCard(crypto, id.id.value)}` : sql`false`;
  }
  if (MOBILE_PATTERN.test(s)) return sql`m.phone_hmac = ${hmacPhone(crypto, s)}`;
  if (/^\d{4}$/.test(s)) return sql`m.phone_tail = ${s}`;
  if (/^\d{6,20}$/.test(s)) return sql`m.card_no = ${s}`;
  if (/^[a-zA-Z]+$/.test(s)) {
    const p = `${escapeLike(s.toLowerCase())}%`;
    return sql`(m.name_initials LIKE ${p} OR m.name_pinyin LIKE ${p})`;
  }
  const name = s.replace(/\s+/g, '');
  if (CJK.test(name) && [...name].length <= 2) return sql`m.name_grams @> ARRAY[${name}]::text[]`;
  return sql`m.name LIKE ${`%${escapeLike(name)}%`}`;
}
