import type { FastifyInstance } from 'fastify';
import { LEGAL_FILES_MAX, LEGAL_PROOF_TYPES, LEGAL_REPLY_TYPES, legalNoticeSchema } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { conflict, forbidden } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { noticeAbilities } from './legal-notice-view.js';
import { getNotice, loadNotice } from './legal-notice.service.js';

/** 送达凭证: the receipt, the post slip or a screenshot of the electronic delivery. */
export const DELIVERY_PROOF_HOST: AttachmentHost = {
  table: 'legal_notices',
  column: 'delivery_proof',
  objectType: 'legal_notice',
  purpose: 'legal.delivery-proof',
  maxFiles: LEGAL_FILES_MAX,
  label: '送达凭证',
  types: LEGAL_PROOF_TYPES,
  touch: true,
};

/** 回复与整改材料: the enterprise's written reply, proof of rectification, the authority's 立案 notice. */
export const REPLY_FILES_HOST: AttachmentHost = {
  table: 'legal_notices',
  column: 'reply_files',
  objectType: 'legal_notice',
  purpose: 'legal.reply',
  maxFiles: LEGAL_FILES_MAX,
  label: '回复与整改材料',
  types: LEGAL_REPLY_TYPES,
  touch: true,
};

/** Both lists: viewed in scope; added and removed by the issuing union once the instrument is issued. */
export function registerNoticeFileRoutes(app: FastifyInstance, tags: string[]): void {
  const db = app.ctx.db;
  for (const [host, segment] of [[DELIVERY_PROOF_HOST, 'delivery-proof'], [REPLY_FILES_HOST, 'reply-files']] as const) {
    registerAttachmentRoutes(app, {
      host,
      base: '/api/legal-notices',
      segment,
      tags,
      view: 'legal:notice:list',
      change: 'legal:notice:manage',
      who: '制发单位,签发后',
      access: async (req, id): Promise<AttachmentAccess> => {
        const auth = authOf(req);
        const r = await loadNotice(db, auth, id);
        const check = () => {
          if (!auth.permissions.has('legal:notice:manage') || !r.issuer_in_scope) throw forbidden('只有制发单位可以上传或删除材料');
          if (!noticeAbilities(auth, r).canAttach) throw conflict('草稿或已升级的文书不能修改材料', 'ILLEGAL_TRANSITION');
        };
        return { orgId: r.org_id, list: host === DELIVERY_PROOF_HOST ? r.delivery_proof : r.reply_files, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
      },
      result: (req, id) => getNotice(db, authOf(req), id),
      resultSchema: legalNoticeSchema,
    });
  }
}
