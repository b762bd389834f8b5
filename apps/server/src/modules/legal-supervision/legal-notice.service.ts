import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  LEGAL_NOTICE_KIND_LABELS, LEGAL_NOTICE_NEXT, LEGAL_NOTICE_STATUS_LABELS, type LegalNotice, type LegalNoticeStatus, type LegalNoticeBody, type LegalNoticeKind,
  type legalDeliveryBodySchema, type legalNoticeListQuerySchema, type legalNoticeUpdateSchema, type legalReplyBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { addWorkdays, shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findEnterpriseInScope } from '../csr/csr.repository.js';
import { labourAuthorityOf, serialNoOf } from './legal-notice-template.js';
import { findNotice, nextSerialSeq, noticeRows, type NoticeRow } from './legal-notice.repository.js';
import { legalNotices } from './legal-notice.schema.js';
import { noticeAbilities, noticeListItem, noticeView, todayShanghai } from './legal-notice-view.js';
import { effectiveSettings, serialPrefixOf } from './legal-settings.service.js';

type Abilities = LegalNotice['abilities'];

export async function listNotices(db: Db, auth: AuthContext, q: z.infer<typeof legalNoticeListQuerySchema>) {
  const today = todayShanghai();
  const rows = await noticeRows(db, auth.scope, q, today, q.page, q.pageSize);
  return { items: rows.map((r) => noticeListItem(r, today)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function loadNotice(db: Db, auth: AuthContext, id: string, lock = false): Promise<NoticeRow> {
  const r = await findNotice(db, auth.scope, id, lock);
  if (!r) throw notFound('法律监督文书');
  return r;
}

export async function getNotice(db: Db, auth: AuthContext, id: string): Promise<LegalNotice> {
  return noticeView(auth, await loadNotice(db, auth, id), todayShanghai());
}

/** Loads the instrument locked and checks the caller may take the step now (403 / 409). */
async function loadFor(tx: Db, auth: AuthContext, id: string, ability: keyof Abilities, what: string): Promise<NoticeRow> {
  const r = await loadNotice(tx, auth, id, true);
  if (!auth.permissions.has('legal:notice:manage') || !r.issuer_in_scope) throw forbidden('只有制发单位可以办理此文书');
  if (!noticeAbilities(auth, r)[ability]) throw conflict(`文书当前为“${LEGAL_NOTICE_STATUS_LABELS[r.status as LegalNoticeStatus]}”,不能${what}`, 'ILLEGAL_TRANSITION');
  return r;
}

interface Draft {
  kind: LegalNoticeKind;
  enterprise: { id: string; name: string; org_id: string };
  b: Omit<LegalNoticeBody, 'kind' | 'enterpriseId'>;
  previousId?: string;
}

/** Inserts a draft issued by the caller's union; the reply period comes from the jurisdiction's settings. */
async function insertDraft(tx: Db, auth: AuthContext, actor: Actor, d: Draft): Promise<string> {
  const { days } = await effectiveSettings(tx, auth.user.orgId);
  let addressee = d.b.addressee ?? d.enterprise.name;
  if (d.kind === 'recommendation' && !d.b.addressee) {
    const [dist] = await queryRows<{ name: string }>(tx, sql`SELECT o.name FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id WHERE c.descendant_id = ${d.enterprise.org_id} AND c.relation = 'territorial' AND o.kind = 'district' LIMIT 1`);
    addressee = labourAuthorityOf(dist ? dist.name.replace(/总工会$/, '') : null);
  }
  const [row] = await tx
    .insert(legalNotices)
    .values({ orgId: auth.user.orgId, enterpriseId: d.enterprise.id, kind: d.kind, category: d.b.category, addressee, problem: d.b.problem, legalBasis: d.b.legalBasis, demand: d.b.demand, replyDays: days[d.kind], previousId: d.previousId ?? null, createdBy: auth.user.id })
    .returning({ id: legalNotices.id });
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'legal_notice', objectId: row!.id, detail: { kind: d.kind, enterprise: d.enterprise.name, category: d.b.category, previousId: d.previousId ?? null } }, true);
  return row!.id;
}

/** A draft from the kind's template, to an enterprise in the caller's scope. */
export async function createNotice(db: Db, auth: AuthContext, actor: Actor, b: LegalNoticeBody): Promise<LegalNotice> {
  const e = await findEnterpriseInScope(db, auth.scope, b.enterpriseId);
  if (!e) throw notFound('企业');
  const id = await db.transaction((tx) => insertDraft(tx, auth, actor, { kind: b.kind, enterprise: e, b }));
  return getNotice(db, auth, id);
}

export async function updateNotice(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof legalNoticeUpdateSchema>): Promise<LegalNotice> {
  await db.transaction(async (tx) => {
    const r = await loadFor(tx, auth, id, 'canEdit', '修改');
    const [old] = await tx.select().from(legalNotices).where(eq(legalNotices.id, id));
    const values = { category: b.category, problem: b.problem, legalBasis: b.legalBasis, demand: b.demand, addressee: b.addressee ?? r.addressee };
    await tx.update(legalNotices).set({ ...values, updatedAt: new Date(), version: r.version + 1 }).where(eq(legalNotices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'legal_notice', objectId: id, detail: { step: 'edit', ...changeDetail(old!, values) } }, true);
  });
  return getNotice(db, auth, id);
}

/** 签发: the 文号 of the issuing union and year (杭工法监〔2026〕12号), one sequence per union and year. */
export async function issueNotice(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<LegalNotice> {
  await db.transaction(async (tx) => {
    const r = await loadFor(tx, auth, id, 'canIssue', '签发');
    const year = shanghaiYear();
    const prefix = await serialPrefixOf(tx, { id: r.org_id, name: r.org_name, kind: r.org_kind });
    const seq = await nextSerialSeq(tx, r.org_id, year);
    const serialNo = serialNoOf(prefix, year, seq);
    await tx.update(legalNotices).set({ status: 'issued', serialPrefix: prefix, serialYear: year, serialSeq: seq, serialNo, issuedAt: new Date(), issuedBy: auth.user.id, updatedAt: new Date(), version: r.version + 1 }).where(eq(legalNotices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'legal_notice', objectId: id, detail: { step: 'issue', serialNo, status: { from: 'draft', to: 'issued' } } }, true);
  });
  return getNotice(db, auth, id);
}

/** 送达: how, when, to whom; the reply is due `reply_days` 工作日 after the delivery date. */
export async function deliverNotice(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof legalDeliveryBodySchema>): Promise<LegalNotice> {
  await db.transaction(async (tx) => {
    const r = await loadFor(tx, auth, id, 'canDeliver', '登记送达');
    if (b.deliveredOn > todayShanghai()) throw invalidField('deliveredOn', '送达日期不能晚于今天');
    if (r.issued_at && b.deliveredOn < shanghaiDate(new Date(r.issued_at))) throw invalidField('deliveredOn', '送达日期不能早于签发日期');
    const replyDueOn = addWorkdays(b.deliveredOn, r.reply_days);
    await tx.update(legalNotices).set({ status: 'delivered', deliveryMethod: b.method, deliveredOn: b.deliveredOn, receiver: b.receiver, replyDueOn, updatedAt: new Date(), version: r.version + 1 }).where(eq(legalNotices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'legal_notice', objectId: id, detail: { step: 'deliver', method: b.method, deliveredOn: b.deliveredOn, replyDueOn, status: { from: 'issued', to: 'delivered' } } }, true);
  });
  return getNotice(db, auth, id);
}

/** 回复与整改: accepted closes the instrument; not satisfactory leaves it for escalation. */
export async function replyNotice(db: Db, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof legalReplyBodySchema>): Promise<LegalNotice> {
  await db.transaction(async (tx) => {
    const r = await loadFor(tx, auth, id, 'canReply', '登记回复');
    if (b.repliedOn > todayShanghai()) throw invalidField('repliedOn', '回复日期不能晚于今天');
    if (r.delivered_on && b.repliedOn < r.delivered_on) throw invalidField('repliedOn', '回复日期不能早于送达日期');
    const status = b.verdict === 'accepted' ? 'closed' : 'unsatisfied';
    await tx
      .update(legalNotices)
      .set({ status, repliedOn: b.repliedOn, replyContent: b.content, rectification: b.rectification ?? null, verdict: b.verdict, verdictNote: b.verdictNote ?? null, closedAt: status === 'closed' ? new Date() : null, updatedAt: new Date(), version: r.version + 1 })
      .where(eq(legalNotices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'legal_notice', objectId: id, detail: { step: 'reply', repliedOn: b.repliedOn, verdict: b.verdict, late: r.reply_due_on !== null && b.repliedOn > r.reply_due_on, status: { from: r.status, to: status } } }, true);
  });
  return getNotice(db, auth, id);
}

/** 升级: the next instrument (提示函 → 意见书 → 建议书) as a draft linked to this one, which is marked escalated. */
export async function escalateNotice(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<LegalNotice> {
  const nextId = await db.transaction(async (tx) => {
    const r = await loadFor(tx, auth, id, 'canEscalate', '升级');
    const kind = LEGAL_NOTICE_NEXT[r.kind as LegalNoticeKind]!;
    const b = { category: r.category as LegalNoticeBody['category'], problem: r.problem, legalBasis: r.legal_basis, demand: r.demand, addressee: undefined };
    const created = await insertDraft(tx, auth, actor, { kind, enterprise: { id: r.enterprise_id, name: r.enterprise_name, org_id: r.district_id ?? r.org_id }, b, previousId: r.id });
    await tx.update(legalNotices).set({ status: 'escalated', escalatedAt: new Date(), updatedAt: new Date(), version: r.version + 1 }).where(eq(legalNotices.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'legal_notice', objectId: id, detail: { step: 'escalate', next: LEGAL_NOTICE_KIND_LABELS[kind], nextId: created, status: { from: r.status, to: 'escalated' } } }, true);
    return created;
  });
  return getNotice(db, auth, nextId);
}
