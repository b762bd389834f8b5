import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agendaItemBodySchema, commitmentBodySchema, commitmentListQuerySchema, commitmentSchema, idParamSchema, jointMeetingBodySchema, jointMeetingListItemSchema, jointMeetingListQuerySchema,
  jointMeetingSchema, jointYearParamSchema, jointYearReportSchema, pageOf,
} from '@gonghui/contracts';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { listExportRoute } from '../../platform/import-export/list-export.js';
import { registerTrackingRoutes } from '../../platform/tracking/tracking.routes.js';
import { COMMITMENT_KIND } from './joint-commitment-kind.js';
import { COMMITMENT_EXPORT, getCommitment, listCommitments } from './joint-commitment.service.js';
import { yearReport, yearReportPdf } from './joint-meeting-report.js';
import { addAgendaItem, addCommitment, createMeeting, getMeeting, listMeetings, updateAgendaItem, updateMeeting } from './joint-meeting.service.js';

/** 政府与工会联席会议: meetings, agenda items, commitments tracked to closure, the published yearly report. */
export async function jointMeetingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['联席会议'];
  const list = { permission: 'joint:meeting:list' } as const;
  const manage = { permission: 'joint:meeting:manage' } as const;
  r.get('/api/joint-meetings', { config: list, schema: { tags, summary: '联席会议列表(本单位召开或有本单位责任事项)', querystring: jointMeetingListQuerySchema, response: { 200: pageOf(jointMeetingListItemSchema) } } }, (req) => listMeetings(db, authOf(req), req.query));
  r.post('/api/joint-meetings', { config: manage, schema: { tags, summary: '登记联席会议(本单位)', body: jointMeetingBodySchema, response: { 201: jointMeetingSchema } } }, async (req, reply) =>
    reply.code(201).send(await createMeeting(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/joint-meetings/:id', { config: list, schema: { tags, summary: '联席会议详情:参会人员、议题、议定事项', params: idParamSchema, response: { 200: jointMeetingSchema } } }, (req) => getMeeting(db, authOf(req), req.params.id));
  r.put('/api/joint-meetings/:id', { config: manage, schema: { tags, summary: '修改联席会议', params: idParamSchema, body: jointMeetingBodySchema, response: { 200: jointMeetingSchema } } }, (req) =>
    updateMeeting(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/joint-meetings/:id/agenda-items', { config: manage, schema: { tags, summary: '增加议题', params: idParamSchema, body: agendaItemBodySchema, response: { 200: jointMeetingSchema } } }, (req) =>
    addAgendaItem(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.put('/api/joint-meetings/agenda-items/:id', { config: manage, schema: { tags, summary: '修改议题', params: idParamSchema, body: agendaItemBodySchema, response: { 200: jointMeetingSchema } } }, (req) =>
    updateAgendaItem(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/joint-meetings/agenda-items/:id/commitments', { config: manage, schema: { tags, summary: '增加议定事项(政府责任部门、工会责任单位、完成时限)', params: idParamSchema, body: commitmentBodySchema, response: { 200: jointMeetingSchema } } }, (req) =>
    addCommitment(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/joint-commitments', { config: list, schema: { tags, summary: '议定事项列表(督办单位全部,责任单位本单位)', querystring: commitmentListQuerySchema, response: { 200: z.array(commitmentSchema) } } }, (req) => listCommitments(db, authOf(req), req.query));
  r.get('/api/joint-commitments/:id', { config: list, schema: { tags, summary: '议定事项详情', params: idParamSchema, response: { 200: commitmentSchema } } }, (req) => getCommitment(db, authOf(req), req.params.id));
  listExportRoute(app, COMMITMENT_EXPORT, { url: '/api/joint-commitments/export', tags, summary: '导出议定事项(按当前筛选,xlsx)', body: commitmentListQuerySchema });
  registerTrackingRoutes(app, { kind: COMMITMENT_KIND, base: '/api/joint-commitments/tracking', tags, view: 'joint:meeting:list' });
  r.get('/api/public/joint-meetings/:year', { config: { permission: 'public' }, schema: { tags, summary: '公开:年度联席会议议定事项落实情况', params: jointYearParamSchema, response: { 200: jointYearReportSchema } } }, (req) => yearReport(db, req.params.year));
  r.get('/api/public/joint-meetings/:year/report.pdf', { config: { permission: 'public' }, schema: { tags, summary: '公开:年度落实情况 PDF', params: jointYearParamSchema } }, async (req, reply) => {
    const d = await yearReportPdf(db, req.params.year);
    return reply.header('content-type', 'application/pdf').header('content-disposition', inlineHeader(d.fileName)).send(d.pdf);
  });
}
