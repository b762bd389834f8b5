import type { FastifyInstance } from 'fastify';
import { enrolmentDocumentsSchema } from '@gonghui/contracts';
import { authOf } from '../../platform/http/request-helpers.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { ENROLMENT_DOCUMENT_HOST, enrolmentDocuments, memberDocumentAccess, staffDocumentAccess } from '../../platform/enrolment/enrolment-documents.js';

const tags = ['会员活动·报名材料'];

/**
 * 报名材料 of activity sign-ups (集体婚礼 结婚证, 圆梦计划 学历与社保证明 ...): the worker on the H5 for
 * their own sign-up, staff for sign-ups in their scope; while the sign-up is live and not checked in.
 */
export async function activityDocumentRoutes(app: FastifyInstance): Promise<void> {
  const result = (_req: unknown, id: string) => enrolmentDocuments(app.ctx.db, 'activity', id);
  registerAttachmentRoutes(app, {
    host: ENROLMENT_DOCUMENT_HOST,
    base: '/api/m/signups',
    segment: 'documents',
    tags,
    view: 'activity:signup:self',
    change: 'activity:signup:self',
    who: '会员本人,报名有效且未签到时',
    access: (req, id) => memberDocumentAccess(app.ctx.db, authOf(req), 'activity', id),
    result,
    resultSchema: enrolmentDocumentsSchema,
  });
  registerAttachmentRoutes(app, {
    host: ENROLMENT_DOCUMENT_HOST,
    base: '/api/enrolments',
    segment: 'documents',
    tags,
    view: 'activity:activity:list',
    change: 'activity:enrolment:manage',
    who: '活动组织方或会员所在工会,报名有效且未签到时',
    access: (req, id) => {
      const auth = authOf(req);
      return staffDocumentAccess(app.ctx.db, auth, 'activity', id, auth.permissions.has('activity:enrolment:manage'));
    },
    result,
    resultSchema: enrolmentDocumentsSchema,
  });
}
