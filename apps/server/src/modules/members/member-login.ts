import { sql } from 'drizzle-orm';
import { isValidMobile } from '@gonghui/contracts';
import { registerLoginResolver } from '../../platform/auth/login-resolvers.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { hmacPhone } from './member-search.js';

/** A worker may log in with the mobile number of their 在册 member record instead of the username. */
registerLoginResolver(async (db, crypto, identifier) => {
  if (!isValidMobile(identifier)) return null;
  const rows = await queryRows<{ username: string }>(
    db,
    sql`SELECT u.username FROM members m JOIN users u ON u.member_id = m.id
        WHERE m.phone_hmac = ${hmacPhone(crypto, identifier.trim())} AND m.status = 'active' AND u.status = 'active' LIMIT 2`,
  );
  return rows.length === 1 ? rows[0]!.username : null;
});
