import { eq, sql } from 'drizzle-orm';
import { NOTICE_CATEGORY_LABELS, type Notice, type NoticeBody, type NoticeListQuery, type OrgTarget } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { notifications } from '../../platform/notify/notification.schema.js';
import { resolveOrgTarget } from '../../platform/org/org-target.js';
import { findNotice, noticeRows, type NoticeRow } from './notice.repository.js';
import { noticeReceipts, notices } from './notice.schema.js';
import { dayOf, deadlineOf, isOwnSender, noticeListItem, noticeView } from './notice-view.js';

const OBJECT = 'notice';
const CHUNK = 1000;

export async function listNotices(db: Db, auth: AuthContext, q: NoticeListQuery) {
  const rows = await noticeRows(db, auth, q);
  return { items: rows.map(noticeListItem), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function loadNotice(db: Db, auth: AuthContext, id: string, lock = false): Promise<NoticeRow> {
  const r = await findNotice(db, auth, id, lock);
  if (!r) throw notFound('通知');
  return r;
}

export async function getNotice(db: Db, auth: AuthContext, id: string): Promise<Notice> {
  return noticeView(auth, await loadNotice(db, auth, id));
}

/** Loads the notice locked; only the sending union acts on it, in the state named (403 / 409). */
export async function loadOwn(tx: Db, auth: AuthContext, id: string, status: string, what: string): Promise<NoticeRow> {
  const r = await loadNotice(tx, auth, id, true);
  if (!isOwnSender(auth, r.org_id)) throw forbidden('只有发文单位可以办理此通知');
  if (r.status !== status) throw conflict(`通知当前状态不能${what}`, 'ILLEGAL_TRANSITION');
  return r;
}

/** The recipients a target names now, in the caller's scope (422 on an org outside it). */
export async function previewTarget(db: Db, auth: AuthContext, target: OrgTarget) {
  const ids = await resolveOrgTarget(db, auth.scope, target);
  const sample = ids.length
    ? await queryRows<{ id: string; name: string; kind: string }>(db, sql`SELECT id, name, kind FROM orgs WHERE id IN (${sql.join(ids.slice(0, 20).map((i) => sql`${i}::uuid`), sql`, `)}) ORDER BY code`)
    : [];
  return { count: ids.length, sample };
}

function columns(b: NoticeBody) {
  return {
    title: b.title,
    docNo: b.docNo ?? null,
    body: b.body,
    category: b.category,
    urgency: b.urgency,
    target: b.target,
    signDeadline: deadlineOf(b.signDeadline),
    replyRequired: b.replyRequired,
    replyDeadline: b.replyRequired && b.replyDeadline ? deadlineOf(b.replyDeadline) : null,
    replyInstructions: b.replyRequired ? (b.replyInstructions ?? null) : null,
  };
}

/** A draft of the caller's union; the target is checked against the caller's scope now and resolved again at sending. */
export async function createNotice(db: Db, auth: AuthContext, actor: Actor, b: NoticeBody): Promise<Notice> {
  await resolveOrgTarget(db, auth.scope, b.target);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notices)
      .values({ ...columns(b), orgId: auth.user.orgId, createdBy: auth.user.id, createdByName: auth.user.name })
      .returning({ id: notices.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: OBJECT, objectId: row!.id, detail: { title: b.title, category: b.category, target: b.target } }, true);
    return row!.id;
  });
  return getNotice(db, auth, id);
}

export async function updateNotice(db: Db, auth: AuthContext, actor: Actor, id: string, b: NoticeBody): Promise<Notice> {
  await loadNotice(db, auth, id);
  await resolveOrgTarget(db, auth.scope, b.target);
  await db.transaction(async (tx) => {
    await loadOwn(tx, auth, id, 'draft', '修改');
    const [old] = await tx.select().from(notices).where(eq(notices.id, id));
    await tx.update(notices).set({ ...columns(b), updatedAt: new Date() }).where(eq(notices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'edit', ...changeDetail(old!, columns(b)) } }, true);
  });
  return getNotice(db, auth, id);
}

export async function deleteNotice(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await loadOwn(tx, auth, id, 'draft', '删除');
    await tx.delete(notices).where(eq(notices.id, id));
    await recordAudit(tx, actor, { action: 'data.delete', objectType: OBJECT, objectId: id, detail: { title: r.title } }, true);
  });
}

/**
 * 下发: resolves the target ONCE into one receipt per recipient org (a snapshot: orgs created later
 * do not receive it) and tells each recipient union's staff.
 */
export async function sendNotice(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<Notice> {
  await db.transaction(async (tx) => {
    const r = await loadOwn(tx, auth, id, 'draft', '下发');
    if (new Date(r.sign_deadline).getTime() < Date.now()) throw invalidField('signDeadline', '签收期限已过,请修改后再下发');
    if (r.reply_required && r.reply_deadline && new Date(r.reply_deadline).getTime() < Date.now()) throw invalidField('replyDeadline', '报送期限已过,请修改后再下发');
    const orgIds = await resolveOrgTarget(tx, auth.scope, r.target as OrgTarget);
    if (orgIds.length === 0) throw invalidField('target', '下发范围内没有可接收的组织');
    const title = `收到${NOTICE_CATEGORY_LABELS[r.category as keyof typeof NOTICE_CATEGORY_LABELS]}:${r.title}`;
    for (let i = 0; i < orgIds.length; i += CHUNK) {
      const part = orgIds.slice(i, i + CHUNK);
      const rows = await tx.insert(noticeReceipts).values(part.map((orgId) => ({ noticeId: id, orgId }))).returning({ id: noticeReceipts.id, orgId: noticeReceipts.orgId });
      await tx.insert(notifications).values(rows.map((x) => ({ orgId: x.orgId, kind: 'notice.received', title, body: `${r.org_name}下发,请于${dayOf(r.sign_deadline)}前签收。`, link: `/notice-inbox/${x.id}` })));
    }
    await tx.update(notices).set({ status: 'sent', sentAt: new Date(), sentBy: auth.user.id, sentByName: auth.user.name, recipientCount: orgIds.length, updatedAt: new Date() }).where(eq(notices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'send', recipients: orgIds.length, status: { from: 'draft', to: 'sent' } } }, true);
  });
  return getNotice(db, auth, id);
}

/** 撤回 with a reason: recipients see it withdrawn and can no longer sign or reply. */
export async function withdrawNotice(db: Db, auth: AuthContext, actor: Actor, id: string, reason: string): Promise<Notice> {
  await db.transaction(async (tx) => {
    const r = await loadOwn(tx, auth, id, 'sent', '撤回');
    await tx.update(notices).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnByName: auth.user.name, withdrawReason: reason, updatedAt: new Date() }).where(eq(notices.id, id));
    await tx.execute(sql`INSERT INTO notifications (org_id, kind, title, body, link)
      SELECT org_id, 'notice.withdrawn', ${`通知已撤回:${r.title}`}, ${`撤回原因:${reason}`}, '/notice-inbox/' || id FROM notice_receipts WHERE notice_id = ${id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: OBJECT, objectId: id, detail: { step: 'withdraw', reason, status: { from: 'sent', to: 'withdrawn' } } }, true);
  });
  return getNotice(db, auth, id);
}
