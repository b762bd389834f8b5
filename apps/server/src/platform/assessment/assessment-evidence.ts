import { EVIDENCE_MAX_FILES, EVIDENCE_TYPES } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import type { AttachmentAccess, AttachmentHost } from '../files/attachment-list.js';
import { conflict, forbidden, notFound } from '../http/app-error.js';
import type { AssessmentDefinition } from './assessment-definition.js';
import { findItemInScope } from './assessment.repository.js';
import { templateByCode } from './assessment-template.service.js';
import { abilitiesOf, loadAssessment } from './assessment.service.js';

/** 佐证材料: the `evidence` list of one criterion's self-assessment item. */
export const ASSESSMENT_EVIDENCE_HOST: AttachmentHost = {
  table: 'assessment_items',
  column: 'evidence',
  objectType: 'assessment_item',
  purpose: 'assessment.evidence',
  maxFiles: EVIDENCE_MAX_FILES,
  label: '佐证材料',
  types: EVIDENCE_TYPES,
  touch: true,
};

/** One document may evidence several criteria (a 自评材料汇编): it is kept while another item of the assessment lists it. */
async function citedByOtherItem(db: Db, assessmentId: string, itemId: string, fileId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM assessment_items WHERE assessment_id = ${assessmentId} AND id <> ${itemId} AND evidence @> ${JSON.stringify([{ fileId }])}::jsonb) AS ok`,
  );
  return row?.ok === true;
}

/**
 * Who may do what with an item's evidence: anyone with the list permission in scope views (404
 * outside); the subject's side adds and removes while the self-assessment is a draft or returned.
 */
export async function evidenceAccess(db: Db, def: AssessmentDefinition, auth: AuthContext, itemId: string): Promise<AttachmentAccess> {
  const t = await templateByCode(db, def.templateCode);
  const item = await findItemInScope(db, auth.scope, t.id, itemId);
  if (!item) throw notFound(ASSESSMENT_EVIDENCE_HOST.label);
  const l = await loadAssessment(db, def, auth, item.assessment_id);
  const can = await abilitiesOf(db, def, auth, l);
  const check = () => {
    if (!['draft', 'returned'].includes(l.row.status)) throw conflict('自评已提交,不能再修改佐证材料', 'ILLEGAL_TRANSITION');
    if (!can.canEdit) throw forbidden('只有被考评单位可以上传或删除佐证材料');
  };
  return { orgId: item.org_id, list: item.evidence, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check, cites: (d, fileId) => citedByOtherItem(d, item.assessment_id, item.id, fileId) };
}
