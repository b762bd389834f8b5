import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamSchema, noticeBodySchema, noticeInboxItemSchema, noticeInboxQuerySchema, noticeListItemSchema, noticeListQuerySchema, noticeReceiptPageSchema, noticeReceiptQuerySchema,
  noticeReceiptSchema, noticeRemindBodySchema, noticeRemindResultSchema, noticeReplyBodySchema, noticeReviewBodySchema, noticeSchema, noticeTargetPreviewBodySchema,
  noticeTargetPreviewSchema, noticeWithdrawBodySchema, okSchema, pageOf, receivedNoticeSchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { writeXlsx } from '../../platform/import-export/xlsx-writer.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createNotice, deleteNotice, getNotice, listNotices, previewTarget, sendNotice, updateNotice, withdrawNotice } from './notice.service.js';
import { getReceived, listInbox, markRead, saveReply, signReceived, submitReply } from './notice-inbox.service.js';
import { MATRIX_COLUMNS, matrixExport, receiptMatrix, remindReceipts, reviewReply } from './notice-receipt.service.js';
import { noticeFileRoutes } from './notice-files.js';

const receiptParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), receiptId: z.uuid({ error: '编号格式不正确' }) });

/** 通知公告: 发文 (draft, send to an OrgTarget, withdraw, matrix, 催办, review 报送) and 收文 (read, 签收, 报送). */
export async function noticeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['通知公告'];
  const list = { permission: 'notice:notice:list' } as const;
  const send = { permission: 'notice:notice:send' } as const;
  const inbox = { permission: 'notice:inbox:handle' } as const;
  const base = '/api/notices';

  r.get(base, { config: list, schema: { tags, summary: '发文列表(本单位发文;或下级单位已下发的通知,只读)', querystring: noticeListQuerySchema, response: { 200: pageOf(noticeListItemSchema) } } }, (req) => listNotices(db, authOf(req), req.query));
  r.post(base, { config: send, schema: { tags, summary: '起草通知(本单位发文)', body: noticeBodySchema, response: { 201: noticeSchema } } }, async (req, reply) => reply.code(201).send(await createNotice(db, authOf(req), actorOf(req), req.body)));
  r.post(`${base}/target-preview`, { config: send, schema: { tags, summary: '预览下发范围:当前会收到的组织数与前20个', body: noticeTargetPreviewBodySchema, response: { 200: noticeTargetPreviewSchema } } }, (req) => previewTarget(db, authOf(req), req.body.target));
  r.get(`${base}/:id`, { config: list, schema: { tags, summary: '通知详情(含签收、报送汇总)', params: idParamSchema, response: { 200: noticeSchema } } }, (req) => getNotice(db, authOf(req), req.params.id));
  r.put(`${base}/:id`, { config: send, schema: { tags, summary: '修改草稿', params: idParamSchema, body: noticeBodySchema, response: { 200: noticeSchema } } }, (req) => updateNotice(db, authOf(req), actorOf(req), req.params.id, req.body));
  r.delete(`${base}/:id`, { config: send, schema: { tags, summary: '删除草稿', params: idParamSchema, response: { 200: okSchema } } }, async (req) => {
    await deleteNotice(db, authOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.post(`${base}/:id/send`, { config: send, schema: { tags, summary: '下发:按下发范围生成收文单位(一次性快照,之后新建的组织不会收到)', params: idParamSchema, response: { 200: noticeSchema } } }, (req) => sendNotice(db, authOf(req), actorOf(req), req.params.id));
  r.post(`${base}/:id/withdraw`, { config: send, schema: { tags, summary: '撤回已下发的通知(填写原因,收文单位可见)', params: idParamSchema, body: noticeWithdrawBodySchema, response: { 200: noticeSchema } } }, (req) =>
    withdrawNotice(db, authOf(req), actorOf(req), req.params.id, req.body.reason),
  );
  r.get(`${base}/:id/receipts`, { config: list, schema: { tags, summary: '签收矩阵:各收文单位阅读、签收、报送、逾期情况', params: idParamSchema, querystring: noticeReceiptQuerySchema, response: { 200: noticeReceiptPageSchema } } }, (req) =>
    receiptMatrix(db, authOf(req), req.params.id, req.query),
  );
  r.get(`${base}/:id/receipts/export.xlsx`, { config: list, schema: { tags, summary: '导出签收矩阵(xlsx)', params: idParamSchema } }, async (req, reply) => {
    const x = await matrixExport(db, authOf(req), actorOf(req), req.params.id);
    return sendXlsx(reply, `${x.name}.xlsx`, (out) => writeXlsx(out, { name: '签收情况', columns: MATRIX_COLUMNS, rows: x.rows }));
  });
  r.post(`${base}/:id/remind`, { config: send, schema: { tags, summary: '催办所选单位(未签收或未报送;每单位每天一次)', params: idParamSchema, body: noticeRemindBodySchema, response: { 200: noticeRemindResultSchema } } }, (req) =>
    remindReceipts(db, authOf(req), actorOf(req), req.params.id, req.body.receiptIds),
  );
  r.post(`${base}/:id/receipts/:receiptId/review`, { config: send, schema: { tags, summary: '审核报送材料:接收或退回(填写原因)', params: receiptParamSchema, body: noticeReviewBodySchema, response: { 200: noticeReceiptSchema } } }, (req) =>
    reviewReply(db, authOf(req), actorOf(req), req.params.id, req.params.receiptId, req.body.decision, req.body.reason),
  );

  const ib = '/api/notice-inbox';
  r.get(ib, { config: inbox, schema: { tags, summary: '收文(发给本单位的通知)', querystring: noticeInboxQuerySchema, response: { 200: pageOf(noticeInboxItemSchema) } } }, (req) => listInbox(db, authOf(req), req.query));
  r.get(`${ib}/:id`, { config: inbox, schema: { tags, summary: '收到的通知与本单位签收、报送情况', params: idParamSchema, response: { 200: receivedNoticeSchema } } }, (req) => getReceived(db, authOf(req), req.params.id));
  r.post(`${ib}/:id/read`, { config: inbox, schema: { tags, summary: '打开通知:记录首次阅读(时间、阅读人)', params: idParamSchema, response: { 200: receivedNoticeSchema } } }, (req) => markRead(db, authOf(req), actorOf(req), req.params.id));
  r.post(`${ib}/:id/sign`, { config: inbox, schema: { tags, summary: '签收(重复签收保留首次签收人和时间)', params: idParamSchema, response: { 200: receivedNoticeSchema } } }, (req) => signReceived(db, authOf(req), actorOf(req), req.params.id));
  r.put(`${ib}/:id/reply`, { config: inbox, schema: { tags, summary: '保存报送说明', params: idParamSchema, body: noticeReplyBodySchema, response: { 200: receivedNoticeSchema } } }, (req) => saveReply(db, authOf(req), actorOf(req), req.params.id, req.body.text));
  r.post(`${ib}/:id/reply/submit`, { config: inbox, schema: { tags, summary: '报送(逾期报送会被标记)', params: idParamSchema, response: { 200: receivedNoticeSchema } } }, (req) => submitReply(db, authOf(req), actorOf(req), req.params.id));
  noticeFileRoutes(app, tags);
}
