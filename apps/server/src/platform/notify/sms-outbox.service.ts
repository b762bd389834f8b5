import { sql } from 'drizzle-orm';
import { maskPhone, type Page, type SmsOutboxItem, type smsOutboxQuerySchema } from '@gonghui/contracts';
import type { z } from 'zod';
import { scopePredicate } from '../access/data-scope.js';
import type { AuthContext } from '../auth/session.service.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { queryRows, type Db } from '../db/db-connection.js';

/** A text message to queue: `body` is stored encrypted, `bodyMasked` (no secrets) is what staff see. */
export interface SmsMessage {
  orgId: string;
  phone: string;
  template: string;
  body: string;
  bodyMasked: string;
  sourceType: string;
  sourceId?: string | null;
}

const CHUNK = 2000;

/**
 * Queues messages (no real sending): phone and text encrypted, masked copies for display. Each chunk
 * is one statement with one JSON parameter (200,000 invitations stay fast, also on PGlite).
 */
export async function queueSms(db: Db, crypto: FieldCrypto, messages: SmsMessage[]): Promise<number> {
  for (let i = 0; i < messages.length; i += CHUNK) {
    const rows = messages.slice(i, i + CHUNK).map((m) => ({
      org_id: m.orgId,
      phone_enc: crypto.encrypt(m.phone),
      phone_masked: maskPhone(m.phone),
      template: m.template,
      body_enc: crypto.encrypt(m.body),
      body_masked: m.bodyMasked,
      source_type: m.sourceType,
      source_id: m.sourceId ?? null,
    }));
    await db.execute(sql`INSERT INTO sms_outbox (org_id, phone_enc, phone_masked, template, body_enc, body_masked, source_type, source_id)
      SELECT org_id, phone_enc, phone_masked, template, body_enc, body_masked, source_type, source_id
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS x(org_id uuid, phone_enc text, phone_masked text, template text, body_enc text, body_masked text, source_type text, source_id uuid)`);
  }
  return messages.length;
}

interface OutboxRow {
  id: string;
  phone_masked: string;
  template: string;
  body_masked: string;
  status: 'queued' | 'sent';
  source_type: string;
  created_at: Date;
  sent_at: Date | null;
  total: number;
}

/** The queue as staff see it (masked phones and texts), the messages of orgs in their scope, newest first. */
export async function listSms(db: Db, auth: AuthContext, q: z.infer<typeof smsOutboxQuerySchema>): Promise<Page<SmsOutboxItem>> {
  const where = sql`${scopePredicate(auth.scope, { org: sql`s.org_id` })}${q.status ? sql` AND s.status = ${q.status}` : sql``}`;
  const rows = await queryRows<OutboxRow>(
    db,
    sql`SELECT s.id, s.phone_masked, s.template, s.body_masked, s.status, s.source_type, s.created_at, s.sent_at, count(*) OVER ()::int AS total
          FROM sms_outbox s WHERE ${where} ORDER BY s.created_at DESC, s.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const items = rows.map((r) => ({
    id: r.id,
    phoneMasked: r.phone_masked,
    template: r.template,
    bodyMasked: r.body_masked,
    status: r.status,
    sourceType: r.source_type,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  }));
  return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
