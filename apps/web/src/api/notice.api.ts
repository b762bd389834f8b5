import type {
  Notice, NoticeBodyInput, NoticeInboxItem, NoticeListItem, NoticeReceipt, OrgTarget, Page, ReceivedNotice, noticeInboxQuerySchema, noticeListQuerySchema, noticeReceiptQuerySchema,
} from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Output<S extends { _output: unknown }> = S['_output'];
export type NoticeListQuery = Partial<Output<typeof noticeListQuerySchema>>;
export type NoticeReceiptQuery = Partial<Output<typeof noticeReceiptQuerySchema>>;
export type NoticeInboxQuery = Partial<Output<typeof noticeInboxQuerySchema>>;
export type NoticeReceiptPage = Page<NoticeReceipt> & { totals: Notice['totals'] };

/** One prefix: a change refreshes the lists, the matrix and the inbox. */
export const noticeKeys = {
  all: ['notices'] as const,
  list: (q: object) => ['notices', 'list', q] as const,
  detail: (id: string) => ['notices', 'detail', id] as const,
  receipts: (id: string, q: object) => ['notices', 'receipts', id, q] as const,
  inbox: (q: object) => ['notices', 'inbox', q] as const,
  received: (id: string) => ['notices', 'received', id] as const,
};

const path = (id: string, rest = ''): string => `/notices/${encodeURIComponent(id)}${rest}`;
const inbox = (id: string, rest = ''): string => `/notice-inbox/${encodeURIComponent(id)}${rest}`;

/** 发文 (the sending union). */
export const noticeApi = {
  list: (q: NoticeListQuery): Promise<Page<NoticeListItem>> => api.get<Page<NoticeListItem>>('/notices', { ...q }),
  get: (id: string): Promise<Notice> => api.get<Notice>(path(id)),
  create: (body: NoticeBodyInput): Promise<Notice> => api.post<Notice>('/notices', body),
  update: (id: string, body: NoticeBodyInput): Promise<Notice> => api.put<Notice>(path(id), body),
  remove: (id: string): Promise<{ ok: true }> => api.delete<{ ok: true }>(path(id)),
  preview: (target: OrgTarget): Promise<{ count: number; sample: { id: string; name: string; kind: string }[] }> => api.post('/notices/target-preview', { target }),
  send: (id: string): Promise<Notice> => api.post<Notice>(path(id, '/send'), {}),
  withdraw: (id: string, reason: string): Promise<Notice> => api.post<Notice>(path(id, '/withdraw'), { reason }),
  receipts: (id: string, q: NoticeReceiptQuery): Promise<NoticeReceiptPage> => api.get<NoticeReceiptPage>(path(id, '/receipts'), { ...q }),
  exportMatrix: (id: string, title: string): Promise<void> => fileApi.download(path(id, '/receipts/export.xlsx'), `${title.slice(0, 20)}-签收情况.xlsx`),
  remind: (id: string, receiptIds: string[]): Promise<{ reminded: number; skipped: number }> => api.post(path(id, '/remind'), { receiptIds }),
  review: (id: string, receiptId: string, decision: 'accept' | 'return', reason?: string): Promise<NoticeReceipt> => api.post<NoticeReceipt>(path(id, `/receipts/${encodeURIComponent(receiptId)}/review`), { decision, reason }),
  files: attachmentApi<Notice, 'attachment'>('/notices', 'attachments'),
  replyFiles: attachmentApi<NoticeReceipt, 'material'>('/notice-receipts', 'reply-files'),
};

/** 收文 (a recipient union). */
export const noticeInboxApi = {
  list: (q: NoticeInboxQuery): Promise<Page<NoticeInboxItem>> => api.get<Page<NoticeInboxItem>>('/notice-inbox', { ...q }),
  get: (id: string): Promise<ReceivedNotice> => api.get<ReceivedNotice>(inbox(id)),
  read: (id: string): Promise<ReceivedNotice> => api.post<ReceivedNotice>(inbox(id, '/read'), {}),
  sign: (id: string): Promise<ReceivedNotice> => api.post<ReceivedNotice>(inbox(id, '/sign'), {}),
  saveReply: (id: string, text: string): Promise<ReceivedNotice> => api.put<ReceivedNotice>(inbox(id, '/reply'), { text }),
  submitReply: (id: string): Promise<ReceivedNotice> => api.post<ReceivedNotice>(inbox(id, '/reply/submit'), {}),
  noticeFiles: attachmentApi<ReceivedNotice, 'attachment'>('/notice-inbox', 'notice-files'),
  replyFiles: attachmentApi<ReceivedNotice, 'material'>('/notice-inbox', 'reply-files'),
};
