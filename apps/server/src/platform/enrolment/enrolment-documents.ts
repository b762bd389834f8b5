import { sql } from 'drizzle-orm';
import { ENROLMENT_DOCUMENT_LABELS, isLiveEnrolment, ENROLMENT_DOCUMENT_MAX_FILES, ENROLMENT_DOCUMENT_TYPES, REQUIRED_ENROLMENT_DOCUMENTS, type Attachment, type EnrolmentDocuments } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import { scopeIncludesOrg } from '../access/data-scope.js';
import { queryRows, type Db } from '../db/db-connection.js';
import type { AttachmentAccess, AttachmentHost } from '../files/attachment-list.js';
import { conflict, forbidden, notFound } from '../http/app-error.js';

/** 报名材料: the `documents` list of an enrolment. */
export const ENROLMENT_DOCUMENT_HOST: AttachmentHost = {
  table: 'enrolments',
  column: 'documents',
  objectType: 'enrolment',
  purpose: 'enrolment.document',
  maxFiles: ENROLMENT_DOCUMENT_MAX_FILES,
  label: '报名材料',
  types: ENROLMENT_DOCUMENT_TYPES,
};

interface DocumentRow {
  id: string;
  member_id: string;
  org_id: string;
  status: string;
  checked_in_at: string | null;
  documents: Attachment[];
  category: string;
  organiser_org_id: string;
  member_name: string;
}

async function documentRow(db: Db, kind: string, enrolmentId: string): Promise<DocumentRow | null> {
  const [row] = await queryRows<DocumentRow>(
    db,
    sql`SELECT e.id, e.member_id, e.org_id, e.status, e.checked_in_at::text AS checked_in_at, e.documents, o.category, o.org_id AS organiser_org_id, m.name AS member_name
        FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id JOIN members m ON m.id = e.member_id
        WHERE e.id = ${enrolmentId}::uuid AND o.kind = ${kind}`,
  );
  return row ?? null;
}

/** The labels of the documents an offering's category asks for and the list does not hold yet. */
export function missingDocuments(category: string, documents: readonly Attachment[]): string[] {
  const have = new Set(documents.map((d) => d.type));
  return (REQUIRED_ENROLMENT_DOCUMENTS[category] ?? []).filter((t) => !have.has(t)).map((t) => ENROLMENT_DOCUMENT_LABELS[t]);
}

/** Documents may change while the sign-up is live and the member has not checked in. */
function checkOpen(row: DocumentRow): void {
  if (!isLiveEnrolment(row.status)) throw conflict('报名已取消或未中签,不能再修改报名材料', 'ILLEGAL_TRANSITION');
  if (row.checked_in_at) throw conflict('已签到,不能再修改报名材料', 'ILLEGAL_TRANSITION');
}

function accessOf(row: DocumentRow, uploadedBy: string, mayChange: boolean): AttachmentAccess {
  const check = (): void => {
    if (!mayChange) throw forbidden('您没有修改报名材料的权限');
    checkOpen(row);
  };
  return { orgId: row.org_id, list: row.documents, uploadedBy, checkUpload: check, checkDelete: check };
}

/** The member's own sign-up of an offering of `kind` (else 404). */
export async function memberDocumentAccess(db: Db, auth: AuthContext, kind: string, enrolmentId: string): Promise<AttachmentAccess> {
  const row = await documentRow(db, kind, enrolmentId);
  if (!row || !auth.user.memberId || row.member_id !== auth.user.memberId) throw notFound('报名记录');
  return accessOf(row, `${row.member_name}(本人)`, true);
}

/** Staff: a sign-up of a member in their scope, or of an offering their scope organises (else 404). */
export async function staffDocumentAccess(db: Db, auth: AuthContext, kind: string, enrolmentId: string, mayChange: boolean): Promise<AttachmentAccess> {
  const row = await documentRow(db, kind, enrolmentId);
  if (!row || !((await scopeIncludesOrg(db, auth.scope, row.organiser_org_id)) || (await scopeIncludesOrg(db, auth.scope, row.org_id)))) throw notFound('报名记录');
  return accessOf(row, `${auth.user.name}(${auth.user.orgName})`, mayChange);
}

/** What the document routes answer after a change. */
export async function enrolmentDocuments(db: Db, kind: string, enrolmentId: string): Promise<EnrolmentDocuments> {
  const row = await documentRow(db, kind, enrolmentId);
  if (!row) throw notFound('报名记录');
  const open = isLiveEnrolment(row.status) && !row.checked_in_at && row.documents.length < ENROLMENT_DOCUMENT_MAX_FILES;
  return { enrolmentId: row.id, documents: row.documents, missingDocuments: missingDocuments(row.category, row.documents), canUpload: open };
}
