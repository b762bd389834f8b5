import { sql, type SQL } from 'drizzle-orm';

/**
 * Trigram similarity that works for Chinese on every database.
 *
 * pg_trgm only keeps "alphanumeric" characters, and what is alphanumeric depends on the database's
 * LC_CTYPE: under `C` (a common production setting) every CJK character is dropped and
 * `similarity('职工疗休养', '职工疗休养')` is 0. So the trigrams are computed here, the way pg_trgm
 * computes them on a UTF-8 locale (lower-cased words of letters and digits, each padded with two
 * spaces in front and one behind, every 3 consecutive characters), stored in `proposals.grams`
 * (text[] with a GIN index for the `&&` pre-filter), and the similarity is pg_trgm's
 * |A ∩ B| / |A ∪ B|, computed in SQL over the arrays: identical on PGlite and PostgreSQL.
 */
export function trigrams(text: string): string[] {
  const out = new Set<string>();
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of words) {
    const chars = ['  ', ...Array.from(w), ' '].join('');
    const cps = Array.from(chars);
    for (let i = 0; i + 3 <= cps.length; i++) out.add(cps.slice(i, i + 3).join(''));
  }
  return [...out].sort();
}

/** The trigrams of a proposal: its title and its content. */
export const proposalGrams = (title: string, content: string): string[] => trigrams(`${title} ${content}`);

/** A text[] literal built from trigrams ('|' never occurs in a trigram: only letters, digits and spaces do). */
export const gramsArray = (grams: string[]): SQL => sql`string_to_array(${grams.join('|')}, '|')`;

/** pg_trgm's similarity between two gram arrays (both are sets). */
export const gramSimilarity = (a: SQL, b: SQL): SQL =>
  sql`coalesce((SELECT count(*) FROM unnest(${a}) x WHERE x = ANY(${b}))::float8 / NULLIF(cardinality(${a}) + cardinality(${b}) - (SELECT count(*) FROM unnest(${a}) x WHERE x = ANY(${b})), 0), 0)`;

/** Shown while typing: public proposals at least this similar (pg_trgm's default is 0.3; Chinese paraphrases score lower). */
export const SIMILAR_THRESHOLD = 0.15;
/** Likely duplicate pairs for staff. */
export const DUPLICATE_THRESHOLD = 0.25;
/** Proposal texts shorter than this (in trigrams) are not compared while typing. */
export const MIN_GRAMS = 4;

/** In-process reference of the same similarity (tests compare it with pg_trgm on a UTF-8 locale). */
export function similarity(a: string[], b: string[]): number {
  const sb = new Set(b);
  const common = a.filter((g) => sb.has(g)).length;
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}
