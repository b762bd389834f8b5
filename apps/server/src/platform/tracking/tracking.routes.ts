import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { closeBodySchema, deadlineBodySchema, idParamSchema, progressBodySchema, supervisionBoardSchema, supervisionQuerySchema, trackedDetailSchema, type PermissionCode } from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import type { TrackingKind } from './tracking-kind.js';
import { registerProgressAttachmentRoutes } from './tracking-attachments.js';
import { supervisionBoard } from './tracking-board.js';
import { closeTracked, reportProgress, rescheduleTracked, trackedDetail } from './tracking.service.js';

export interface TrackingRouteSpec {
  kind: TrackingKind;
  /** e.g. /api/joint-meetings/tracking: GET :id, POST :id/progress, POST :id/close */
  base: string;
  tags: string[];
  view: PermissionCode;
}

/** The routes every kind of tracked item shares: detail with the progress timeline, report progress (owner), close (supervisor), files with a report. */
export function registerTrackingRoutes(app: FastifyInstance, spec: TrackingRouteSpec): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const { kind, tags } = spec;
  r.get(`${spec.base}/:id`, { config: { permission: spec.view }, schema: { tags, summary: `${kind.label}督办详情与进展记录`, params: idParamSchema, response: { 200: trackedDetailSchema } } }, (req) =>
    trackedDetail(db, authOf(req), kind, req.params.id),
  );
  r.post(`${spec.base}/:id/progress`, { config: { permission: kind.reportPermission }, schema: { tags, summary: `报告${kind.label}进展(责任单位;100% 即完成)`, params: idParamSchema, body: progressBodySchema, response: { 200: trackedDetailSchema } } }, (req) =>
    reportProgress(db, authOf(req), actorOf(req), kind, req.params.id, req.body),
  );
  r.post(`${spec.base}/:id/close`, { config: { permission: kind.closePermission }, schema: { tags, summary: `关闭${kind.label}(督办单位,填写办结说明)`, params: idParamSchema, body: closeBodySchema, response: { 200: trackedDetailSchema } } }, (req) =>
    closeTracked(db, authOf(req), actorOf(req), kind, req.params.id, req.body),
  );
  r.post(`${spec.base}/:id/deadline`, { config: { permission: kind.closePermission }, schema: { tags, summary: `调整${kind.label}完成时限(督办单位,说明原因;延后则重新提醒)`, params: idParamSchema, body: deadlineBodySchema, response: { 200: trackedDetailSchema } } }, (req) =>
    rescheduleTracked(db, authOf(req), actorOf(req), kind, req.params.id, req.body),
  );
  registerProgressAttachmentRoutes(app, spec);
}

/** GET url: the 督办 board over every kind of tracked item in the caller's scope. */
export function supervisionBoardRoute(app: FastifyInstance, url: string, permission: PermissionCode, tags: string[]): void {
  app.withTypeProvider<ZodTypeProvider>().get(url, { config: { permission }, schema: { tags, summary: '督办看板:逾期、临期、正常推进的事项,按责任单位统计', querystring: supervisionQuerySchema, response: { 200: supervisionBoardSchema } } }, (req) =>
    supervisionBoard(app.ctx.db, authOf(req), req.query),
  );
}
