import type { FastifyInstance } from 'fastify';
import { CRAFTSMAN_EVIDENCE_TYPES, craftsmanNominationSchema } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { forbidden } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { getNomination } from './craftsman-nomination.service.js';

/** 推荐材料: certificates of skill level, contest awards, patents, the union's recommendation form. */
export const CRAFTSMAN_EVIDENCE_HOST: AttachmentHost = {
  table: 'craftsman_nominations',
  column: 'evidence',
  objectType: 'craftsman_nomination',
  purpose: 'craftsman_evidence',
  maxFiles: 20,
  label: '推荐材料',
  types: CRAFTSMAN_EVIDENCE_TYPES,
  touch: true,
};

/** A nomination the caller sees (else 404): files are stored under the nominating union; changed while draft or returned. */
async function evidenceAccess(db: Db, auth: AuthContext, id: string): Promise<AttachmentAccess> {
  const n = await getNomination(db, auth, id);
  const check = () => {
    if (!n.abilities.canEditEvidence) throw forbidden('只有推荐单位可以在提交前修改推荐材料');
  };
  return { orgId: n.nominatingOrgId, list: n.evidence, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
}

/** 推荐材料 of a nomination: upload (multipart `type` + `file`), view, delete. */
export function craftsmanEvidenceRoutes(app: FastifyInstance, tags: string[]): void {
  registerAttachmentRoutes(app, {
    host: CRAFTSMAN_EVIDENCE_HOST,
    base: '/api/honours/craftsman/nominations',
    segment: 'evidence',
    tags,
    view: 'honours:craftsman:list',
    change: 'honours:craftsman:nominate',
    who: '推荐单位(提交前)',
    access: (req, id) => evidenceAccess(app.ctx.db, authOf(req), id),
    result: (req, id) => getNomination(app.ctx.db, authOf(req), id),
    resultSchema: craftsmanNominationSchema,
  });
}
