import type { Db } from '../db/db-connection.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';

/**
 * Other ways to name an account at login than its username, registered by modules (e.g. the
 * member registry resolves a member's mobile number to the member's account). Each answers a
 * username or null.
 */
export type LoginResolver = (db: Db, crypto: FieldCrypto, identifier: string) => Promise<string | null>;
const resolvers: LoginResolver[] = [];

export function registerLoginResolver(resolver: LoginResolver): void {
  resolvers.push(resolver);
}

export async function resolveLoginName(db: Db, crypto: FieldCrypto, identifier: string): Promise<string | null> {
  for (const r of resolvers) {
    const username = await r(db, crypto, identifier);
    if (username) return username;
  }
  return null;
}
