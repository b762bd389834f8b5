import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import { createNotice, sendNotice, withdrawNotice } from './notice.service.js';
import { DEMO_NOTICES, type DemoNotice, type DemoReceiptState } from './notice-demo.data.js';
import { deadlineOf } from './notice-view.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEMO_UNION = '杭州湖滨文旅发展有限公司工会';
const OFFICERS = ['李华', '周静', '吴婷', '郑凯', '钱晓燕', '何伟'];
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));

/** Dates of one recipient's steps, after the sending and never in the future. */
function stepTimes(sentAt: number, i: number) {
  const cap = (t: number) => new Date(Math.min(t, Date.now() - HOUR)).toISOString();
  return { read: cap(sentAt + (i + 2) * HOUR), signed: cap(sentAt + (i + 4) * HOUR), replied: cap(sentAt + DAY + i * 5 * HOUR), reviewed: cap(sentAt + 2 * DAY + i * HOUR) };
}

async function applyState(db: Db, id: string, state: DemoReceiptState, sentAt: number, i: number): Promise<void> {
  if (state === 'unread') return;
  const t = stepTimes(sentAt, i);
  const who = `${OFFICERS[i % OFFICERS.length]}`;
  await db.execute(sql`UPDATE notice_receipts SET first_read_at = ${t.read}::timestamptz, first_read_by_name = ${who} WHERE id = ${id}::uuid`);
  if (state === 'read') return;
  await db.execute(sql`UPDATE notice_receipts SET signed_at = ${t.signed}::timestamptz, signed_by_name = ${who} WHERE id = ${id}::uuid`);
  if (state === 'signed') return;
  const late = state === 'late';
  await db.execute(sql`UPDATE notice_receipts SET reply_status = 'submitted', reply_text = ${'本单位2016年度工作总结已整理完毕,会员人数、经费收支情况见正文,请审阅。'},
      reply_submitted_at = ${late ? new Date(Date.now() - 2 * HOUR).toISOString() : t.replied}::timestamptz, reply_submitted_by_name = ${who}, reply_late = ${late} WHERE id = ${id}::uuid`);
  if (state === 'accepted' || state === 'returned') {
    await db.execute(sql`UPDATE notice_receipts SET reply_status = ${state}, reply_reviewed_at = ${t.reviewed}::timestamptz, reply_reviewed_by_name = '办公室 陈敏',
        return_reason = ${state === 'returned' ? '缺少经费收支情况,请补充后重新报送' : null} WHERE id = ${id}::uuid`);
  }
}

async function seedOne(db: Db, n: DemoNotice): Promise<void> {
  const { auth, actor } = await demoAuth(db, n.sender);
  const body = {
    title: n.title,
    docNo: n.docNo,
    body: n.body,
    category: n.category,
    urgency: n.urgency,
    target: { mode: 'subtree' as const, rootId: auth.user.orgId, kinds: n.kinds, includeRoot: false },
    signDeadline: inDays(Math.max(n.signIn, 1)),
    replyRequired: n.replyIn !== undefined,
    replyDeadline: n.replyIn !== undefined ? inDays(Math.max(n.replyIn, n.signIn, 1)) : undefined,
    replyInstructions: n.replyInstructions,
  };
  const draft = await createNotice(db, auth, actor, body);
  if (n.state === 'draft') return;
  await sendNotice(db, auth, actor, draft.id);
  const sentAt = Date.now() - (n.sentAgo ?? 0) * DAY - 3 * HOUR;
  const sent = new Date(sentAt).toISOString();
  await db.execute(sql`UPDATE notices SET created_at = ${new Date(sentAt - DAY).toISOString()}::timestamptz, sent_at = ${sent}::timestamptz,
      sign_deadline = ${deadlineOf(inDays(n.signIn)).toISOString()}::timestamptz,
      reply_deadline = ${n.replyIn !== undefined ? deadlineOf(inDays(n.replyIn)).toISOString() : null}::timestamptz WHERE id = ${draft.id}::uuid`);
  await db.execute(sql`UPDATE notice_receipts SET created_at = ${sent}::timestamptz WHERE notice_id = ${draft.id}::uuid`);
  const receipts = await queryRows<{ id: string; name: string }>(db, sql`SELECT r.id, o.name FROM notice_receipts r JOIN orgs o ON o.id = r.org_id WHERE r.notice_id = ${draft.id}::uuid ORDER BY o.code`);
  const pattern = n.pattern ?? ['unread'];
  for (const [i, r] of receipts.entries()) {
    const state = r.name === DEMO_UNION && n.demoUnion ? n.demoUnion : pattern[i % pattern.length]!;
    await applyState(db, r.id, state, sentAt, i);
  }
  if (n.state === 'withdrawn') {
    await withdrawNotice(db, auth, actor, draft.id, n.withdrawReason ?? '另行下发');
    await db.execute(sql`UPDATE notices SET withdrawn_at = ${new Date(Math.min(sentAt + DAY, Date.now() - HOUR)).toISOString()}::timestamptz WHERE id = ${draft.id}::uuid`);
  }
}

/** 通知公告: ~10 notices of the city and 上城区 in every state, receipts read / signed / replied in part, some overdue. */
export async function seedNotices({ db }: DemoSeedContext): Promise<void> {
  for (const n of DEMO_NOTICES) await seedOne(db, n);
}

registerDemoSeeder('notices', seedNotices);
