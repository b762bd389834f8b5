import type { FastifyInstance } from 'fastify';
import { INNOVATION_ATTACHMENT_MAX_FILES, INNOVATION_ATTACHMENT_TYPES, innovationSchema, type PermissionCode } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { conflict } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getInnovation } from './innovation.service.js';

export const INNOVATION_ATTACHMENT_HOST: AttachmentHost = {
  table: 'innovations',
  column: 'attachments',
  objectType: 'innovation',
  purpose: 'innovation.attachment',
  maxFiles: INNOVATION_ATTACHMENT_MAX_FILES,
  label: '附件',
  types: INNOVATION_ATTACHMENT_TYPES,
  touch: true,
};

/** 附件 of an innovation: the filer side while a draft or returned, staff adding the adoption proof after the district's approval. */
export function registerInnovationAttachmentRoutes(app: FastifyInstance, side: { base: string; view: PermissionCode; change: PermissionCode; tags: string[] }): void {
  const db = app.ctx.db;
  registerAttachmentRoutes(app, {
    host: INNOVATION_ATTACHMENT_HOST,
    base: side.base,
    segment: 'attachments',
    tags: side.tags,
    view: side.view,
    change: side.change,
    who: '申报人或代办工会(草稿、退回时),采纳登记时的工会',
    access: async (req, id): Promise<AttachmentAccess> => {
      const auth = authOf(req);
      const inv = await getInnovation(db, auth, id);
      const check = () => {
        if (!inv.abilities.canUpload) throw conflict('审核中或已办结的项目不能修改附件', 'ILLEGAL_TRANSITION');
      };
      const self = auth.user.memberId !== null && inv.memberId === auth.user.memberId;
      return { orgId: inv.orgId, list: inv.attachments, uploadedBy: `${auth.user.name}(${self ? '本人' : auth.user.orgName})`, checkUpload: check, checkDelete: check };
    },
    result: (req, id) => getInnovation(db, authOf(req), id),
    resultSchema: innovationSchema,
  });
}
