import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { ACTIVITY_TYPE_LABELS, ENROLMENT_DOCUMENT_MAX_FILES, ENROLMENT_STATUS_LABELS, isLiveEnrolment, type Attachment, type ActivityType, type CheckInCode, type EnrolmentMode, type EnrolmentStatus, type MemberActivity } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { describeRules } from '../../platform/enrolment/enrolment-eligibility.js';
import { offeringById, offeringsByIds, offeringFigures, offeringPhase, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { cancelEnrolment, signupRefusal } from '../../platform/enrolment/enrolment-signup.js';
import { waitlistPosition } from '../../platform/enrolment/enrolment-pool.js';
import { checkInPayload } from '../../platform/enrolment/enrolment-checkin.js';
import { missingDocuments } from '../../platform/enrolment/enrolment-documents.js';
import { findActivityWithOffering, memberActivityRows, type ActivityRow } from './activity.repository.js';
import type { ActivityContext } from './activity.service.js';

function memberOf(auth: AuthContext): string {
  if (!auth.user.memberId) throw notFound('与账号关联的会员档案');
  return auth.user.memberId;
}

async function memberOrg(ctx: ActivityContext, memberId: string): Promise<string> {
  const [m] = await queryRows<{ org_id: string }>(ctx.db, sql`SELECT org_id FROM members WHERE id = ${memberId}::uuid`);
  if (!m) throw notFound('会员档案');
  return m.org_id;
}

interface MineRow {
  id: string;
  status: EnrolmentStatus;
  seat_no: number | null;
  checked_in_at: string | null;
  documents: Attachment[];
}

async function toMemberDto(ctx: ActivityContext, memberId: string, row: ActivityRow, offering: OfferingRow): Promise<MemberActivity> {
  const figures = (await offeringFigures(ctx.db, [offering.id])).get(offering.id)!;
  const [mine] = await queryRows<MineRow>(
    ctx.db,
    sql`SELECT id, status, seat_no, checked_in_at::text AS checked_in_at, documents FROM enrolments WHERE offering_id = ${offering.id}::uuid AND member_id = ${memberId}::uuid
        ORDER BY (status IN ('confirmed','waitlisted','pending_lottery')) DESC, created_at DESC LIMIT 1`,
  );
  const live = mine && isLiveEnrolment(mine.status);
  const refusal = live ? null : ((await signupRefusal(ctx.db, offering, memberId))?.reason ?? null);
  const cancelOpen = !offering.cancelUntil || new Date() <= offering.cancelUntil;
  return {
    id: row.id,
    title: row.title,
    type: row.type as ActivityType,
    typeLabel: ACTIVITY_TYPE_LABELS[row.type as ActivityType],
    orgName: row.org_name,
    phase: offeringPhase(offering),
    mode: offering.mode as EnrolmentMode,
    waitlist: offering.waitlist,
    capacity: offering.capacity,
    confirmed: figures.confirmed,
    signupOpensAt: offering.opensAt.toISOString(),
    signupClosesAt: offering.closesAt.toISOString(),
    cancelUntil: offering.cancelUntil?.toISOString() ?? null,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    venue: row.venue,
    description: row.description,
    rulesText: describeRules(offering.rules),
    details: row.details,
    myEnrolment: mine
      ? {
          id: mine.id,
          status: mine.status,
          statusLabel: ENROLMENT_STATUS_LABELS[mine.status],
          seatNo: mine.seat_no,
          waitlistPosition: mine.status === 'waitlisted' ? await waitlistPosition(ctx.db, mine.id) : null,
          checkedInAt: mine.checked_in_at ? new Date(mine.checked_in_at).toISOString() : null,
          canCancel: Boolean(live) && cancelOpen && !mine.checked_in_at,
          documents: mine.documents,
          missingDocuments: live ? missingDocuments(row.type, mine.documents) : [],
          canUploadDocuments: Boolean(live) && !mine.checked_in_at && mine.documents.length < ENROLMENT_DOCUMENT_MAX_FILES,
        }
      : null,
    refusal,
  };
}

/** Open (and recently closed) activities the member's union or one above it organises. */
export async function memberActivities(ctx: ActivityContext, auth: AuthContext): Promise<MemberActivity[]> {
  const memberId = memberOf(auth);
  const rows = await memberActivityRows(ctx.db, await memberOrg(ctx, memberId));
  const out: MemberActivity[] = [];
  const offerings = await offeringsByIds(ctx.db, rows.map((r) => r.offering_id));
  for (const r of rows) out.push(await toMemberDto(ctx, memberId, r, offerings.get(r.offering_id)!));
  return out;
}

async function memberActivityRow(ctx: ActivityContext, memberId: string, id: string): Promise<{ row: ActivityRow; offering: OfferingRow }> {
  const orgId = await memberOrg(ctx, memberId);
  const found = await findActivityWithOffering(ctx.db, id, sql`a.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${orgId}::uuid)`);
  if (!found || found.offering.status === 'draft') throw notFound('活动');
  return found;
}

export async function memberActivity(ctx: ActivityContext, auth: AuthContext, id: string): Promise<MemberActivity> {
  const memberId = memberOf(auth);
  const { row, offering } = await memberActivityRow(ctx, memberId, id);
  return toMemberDto(ctx, memberId, row, offering);
}

/** The member's own sign-ups, newest first, as activities. */
export async function mySignups(ctx: ActivityContext, auth: AuthContext): Promise<MemberActivity[]> {
  const memberId = memberOf(auth);
  const ids = await queryRows<{ subject_id: string }>(
    ctx.db,
    sql`SELECT o.subject_id FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id
        WHERE e.member_id = ${memberId}::uuid AND o.kind = 'activity' GROUP BY o.subject_id ORDER BY max(e.created_at) DESC LIMIT 100`,
  );
  const out: MemberActivity[] = [];
  for (const { subject_id } of ids) {
    const { row, offering } = await memberActivityRow(ctx, memberId, subject_id).catch(() => ({ row: null, offering: null }));
    if (row && offering) out.push(await toMemberDto(ctx, memberId, row, offering));
  }
  return out;
}

export async function cancelMySignup(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string): Promise<MemberActivity> {
  const memberId = memberOf(auth);
  const { row, offering } = await memberActivityRow(ctx, memberId, activityId);
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM enrolments WHERE offering_id = ${offering.id}::uuid AND member_id = ${memberId}::uuid AND status IN ('confirmed','waitlisted','pending_lottery')`);
  if (!e) throw notFound('报名记录');
  await cancelEnrolment(ctx.db, actor, offering, e.id, 'member', '本人取消');
  return toMemberDto(ctx, memberId, row, (await offeringById(ctx.db, offering.id))!);
}

/** The check-in QR code of the member's confirmed place (an SVG drawn on the server). */
export async function myCheckInCode(ctx: ActivityContext, auth: AuthContext, activityId: string): Promise<CheckInCode> {
  const memberId = memberOf(auth);
  const { row, offering } = await memberActivityRow(ctx, memberId, activityId);
  const [e] = await queryRows<{ check_in_code: string; name: string }>(
    ctx.db,
    sql`SELECT e.check_in_code, m.name FROM enrolments e JOIN members m ON m.id = e.member_id WHERE e.offering_id = ${offering.id}::uuid AND e.member_id = ${memberId}::uuid AND e.status = 'confirmed'`,
  );
  if (!e) throw notFound('报名成功的记录(只有报名成功才有签到码)');
  const payload = checkInPayload(e.check_in_code);
  const qrSvg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { code: payload, qrSvg, title: row.title, memberName: e.name };
}
