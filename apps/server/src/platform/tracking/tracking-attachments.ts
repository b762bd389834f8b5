import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { PROGRESS_ATTACHMENT_TYPES, trackedDetailSchema } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import type { Db } from '../db/db-connection.js';
import type { AttachmentAccess, AttachmentHost } from '../files/attachment-list.js';
import { registerAttachmentRoutes } from '../files/attachment.routes.js';
import { forbidden, notFound } from '../http/app-error.js';
import { authOf } from '../http/request-helpers.js';
import type { TrackingRouteSpec } from './tracking.routes.js';
import { trackedProgressReports } from './tracking.schema.js';
import { trackedDetail } from './tracking.service.js';

export const PROGRESS_ATTACHMENT_HOST: AttachmentHost = {
  table: 'tracked_progress_reports',
  column: 'attachments',
  objectType: 'tracked_progress',
  purpose: 'tracked_progress',
  maxFiles: 10,
  label: '进展材料',
  types: PROGRESS_ATTACHMENT_TYPES,
};

/** The report's item must be visible to the caller (else 404); only the reporting org adds or removes files while the item is open. */
async function reportAccess(db: Db, auth: AuthContext, spec: TrackingRouteSpec, reportId: string): Promise<{ itemId: string; access: AttachmentAccess }> {
  const [rep] = await db.select({ itemId: trackedProgressReports.itemId, orgId: trackedProgressReports.orgId }).from(trackedProgressReports).where(eq(trackedProgressReports.id, reportId));
  if (!rep) throw notFound('进展报告');
  const detail = await trackedDetail(db, auth, spec.kind, rep.itemId).catch(() => {
    throw notFound('进展报告');
  });
  const mine = detail.reports.find((r) => r.id === reportId)!;
  const check = () => {
    if (!mine.canAttach) throw forbidden('只有报告单位可以在事项办结前修改进展材料');
  };
  return { itemId: rep.itemId, access: { orgId: rep.orgId, list: mine.attachments, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check } };
}

/** `{base}/reports/:id/attachments`: photos and documents with a progress report. */
export function registerProgressAttachmentRoutes(app: FastifyInstance, spec: TrackingRouteSpec): void {
  const db = app.ctx.db;
  registerAttachmentRoutes(app, {
    host: PROGRESS_ATTACHMENT_HOST,
    base: `${spec.base}/reports`,
    segment: 'attachments',
    tags: spec.tags,
    view: spec.view,
    change: spec.kind.reportPermission,
    who: '报告进展的责任单位',
    access: async (req, id) => (await reportAccess(db, authOf(req), spec, id)).access,
    result: async (req, id) => trackedDetail(db, authOf(req), spec.kind, (await reportAccess(db, authOf(req), spec, id)).itemId),
    resultSchema: trackedDetailSchema,
  });
}
