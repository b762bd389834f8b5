import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { appendAttachment, type AttachmentAccess } from '../../platform/files/attachment-list.js';
import { storeFile } from '../../platform/files/file-store.js';
import { plainPdf } from '../../platform/files/plain-pdf.js';
import { EVIDENCE_KINDS } from '../../platform/files/file-kind.js';
import { ENROLMENT_DOCUMENT_HOST } from '../../platform/enrolment/enrolment-documents.js';

/**
 * Demo: the couples who won a 集体婚礼 place uploaded their 结婚证 (a scanned PDF), all but the last
 * `missing` of them, so the roster shows both a complete sign-up and one still asking for it.
 */
export async function seedWeddingCertificates(db: Db, actor: Actor, offeringId: string, missing: number): Promise<void> {
  const rows = await queryRows<{ id: string; org_id: string; name: string; user_id: string | null }>(
    db,
    sql`SELECT e.id, e.org_id, m.name, (SELECT u.id FROM users u WHERE u.member_id = e.member_id LIMIT 1) AS user_id
        FROM enrolments e JOIN members m ON m.id = e.member_id
        WHERE e.offering_id = ${offeringId}::uuid AND e.status = 'confirmed' ORDER BY e.seat_no`,
  );
  for (const r of rows.slice(0, Math.max(0, rows.length - missing))) {
    const file = await storeFile(db, plainPdf(`Marriage certificate ${r.id.slice(0, 8)}`), {
      name: `${r.name}-结婚证.pdf`,
      purpose: ENROLMENT_DOCUMENT_HOST.purpose,
      kinds: EVIDENCE_KINDS,
      maxBytes: 1024 * 1024,
      createdBy: r.user_id ?? actor.userId,
      orgId: r.org_id,
    });
    const access: AttachmentAccess = { orgId: r.org_id, list: [], uploadedBy: `${r.name}(本人)`, checkUpload: () => undefined, checkDelete: () => undefined };
    await appendAttachment(db, ENROLMENT_DOCUMENT_HOST, actor, r.id, file, 'marriage_certificate', async () => access);
  }
}
