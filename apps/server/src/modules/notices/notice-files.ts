import type { FastifyInstance } from 'fastify';
import { type Attachment, NOTICE_MAX_FILES, NOTICE_REPLY_FILE_TYPES, NOTICE_FILE_TYPES, noticeReceiptSchema, noticeSchema, receivedNoticeSchema } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { DOCUMENT_KINDS } from '../../platform/files/file-kind.js';
import { conflict, forbidden } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getNotice } from './notice.service.js';
import { getReceived, inboxAbilities, loadReceived } from './notice-inbox.service.js';
import { receiptView, senderReceipt } from './notice-receipt.service.js';
import { attachmentsOf } from './notice-view.js';

export const NOTICE_FILE_HOST: AttachmentHost = {
  table: 'notices',
  column: 'attachments',
  objectType: 'notice',
  purpose: 'notice_attachment',
  maxFiles: NOTICE_MAX_FILES,
  label: '通知附件',
  types: NOTICE_FILE_TYPES,
  kinds: DOCUMENT_KINDS,
  touch: true,
};

export const NOTICE_REPLY_FILE_HOST: AttachmentHost = {
  table: 'notice_receipts',
  column: 'reply_attachments',
  objectType: 'notice_receipt',
  purpose: 'notice_reply',
  maxFiles: NOTICE_MAX_FILES,
  label: '报送材料',
  types: NOTICE_REPLY_FILE_TYPES,
  kinds: DOCUMENT_KINDS,
  touch: true,
};

/**
 * 通知附件 (the sending union, while a draft; stored under the sender) and 报送材料 (the recipient
 * union while it may reply; stored under the recipient, viewed by it and by the sender).
 */
export function noticeFileRoutes(app: FastifyInstance, tags: string[]): void {
  const db = app.ctx.db;
  registerAttachmentRoutes(app, {
    host: NOTICE_FILE_HOST,
    base: '/api/notices',
    segment: 'attachments',
    tags,
    view: 'notice:notice:list',
    change: 'notice:notice:send',
    who: '发文单位,草稿时',
    access: async (req, id) => {
      const n = await getNotice(db, authOf(req), id);
      const check = () => {
        if (!n.abilities.canEdit) throw conflict('只有发文单位可以在草稿时修改附件', 'ILLEGAL_TRANSITION');
      };
      return { orgId: n.orgId, list: n.attachments, uploadedBy: `${authOf(req).user.name}(${authOf(req).user.orgName})`, checkUpload: check, checkDelete: check };
    },
    result: (req, id) => getNotice(db, authOf(req), id),
    resultSchema: noticeSchema,
  });
  registerAttachmentRoutes(app, {
    host: NOTICE_FILE_HOST,
    base: '/api/notice-inbox',
    segment: 'notice-files',
    tags,
    view: 'notice:inbox:handle',
    change: 'notice:notice:send',
    who: '不可修改',
    access: async (req, id) => {
      const r = await loadReceived(db, authOf(req), id);
      return readOnly(r.sender_org_id, attachmentsOf(r.attachments), '收文单位不能修改通知附件');
    },
    result: (req, id) => getReceived(db, authOf(req), id),
    resultSchema: receivedNoticeSchema,
  });
  registerAttachmentRoutes(app, {
    host: NOTICE_REPLY_FILE_HOST,
    base: '/api/notice-inbox',
    segment: 'reply-files',
    tags,
    view: 'notice:inbox:handle',
    change: 'notice:inbox:handle',
    who: '收文单位,报送期间',
    access: async (req, id) => {
      const auth = authOf(req);
      const r = await loadReceived(db, auth, id);
      const check = () => {
        if (!inboxAbilities(auth, r).canReply) throw conflict('当前不能修改报送材料', 'ILLEGAL_TRANSITION');
      };
      return { orgId: r.org_id, list: attachmentsOf(r.reply_attachments), uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
    },
    result: (req, id) => getReceived(db, authOf(req), id),
    resultSchema: receivedNoticeSchema,
  });
  registerAttachmentRoutes(app, {
    host: NOTICE_REPLY_FILE_HOST,
    base: '/api/notice-receipts',
    segment: 'reply-files',
    tags,
    view: 'notice:notice:list',
    change: 'notice:notice:send',
    who: '发文单位只能查看',
    access: async (req, id) => {
      const { r } = await senderReceipt(db, authOf(req), id);
      return readOnly(r.org_id, attachmentsOf(r.reply_attachments), '报送材料只能由收文单位修改');
    },
    result: async (req, id) => {
      const { n, r } = await senderReceipt(db, authOf(req), id);
      return receiptView(authOf(req), n, r);
    },
    resultSchema: noticeReceiptSchema,
  });
}

/** Files the caller may view but never change. */
function readOnly(orgId: string, list: Attachment[], why: string): AttachmentAccess {
  const refuse = () => {
    throw forbidden(why);
  };
  return { orgId, list, uploadedBy: '', checkUpload: refuse, checkDelete: refuse };
}
