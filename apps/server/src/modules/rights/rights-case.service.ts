import { sql } from 'drizzle-orm';
import {
  RIGHTS_CATEGORY_LABELS,
  maskName,
  maskPhone,
  type HotlineRightsCaseBody,
  type MemberRightsCaseBody,
  type RightsCase,
  type RightsCaseListItem,
  type RightsChannel,
  type RightsListQuery,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { forbidden, notFound } from '../../platform/http/app-error.js';
import { notify } from '../../platform/notify/notify.service.js';
import { actOnCase, createCase, userActor } from '../../platform/workflow/workflow.service.js';
import { hmacPhone } from '../members/member-search.js';
import { findRightsCaseRow, listRightsCaseRows, rightsWhere, type RightsCaseRow } from './rights-case.repository.js';
import { rightsCases } from './rights-case.schema.js';
import { toRightsDto, type RightsContext } from './rights-case-view.js';
import { decideUrgency, routeEmployer } from './rights-routing.js';
import { RIGHTS_WORKFLOWS } from './rights-workflow.js';

export type { RightsContext } from './rights-case-view.js';
export { rightsInstance, workflowOf } from './rights-case-view.js';

/** A case the caller can see (else 404). */
export async function visibleRightsRow(db: Db, auth: AuthContext, id: string): Promise<RightsCaseRow> {
  const row = await findRightsCaseRow(db, auth.scope, id);
  if (!row) throw notFound('维权案件');
  return row;
}

export async function getRightsCase(ctx: RightsContext, auth: AuthContext, id: string): Promise<RightsCase> {
  return toRightsDto(ctx.db, auth, await visibleRightsRow(ctx.db, auth, id), true);
}

/** The worker's own case (H5): only cases they filed, 404 for any other. */
export async function getMyRightsCase(ctx: RightsContext, auth: AuthContext, id: string): Promise<RightsCase> {
  const row = await visibleRightsRow(ctx.db, auth, id);
  if (row.worker_user_id !== auth.user.id) throw notFound('维权案件');
  return toRightsDto(ctx.db, auth, row, true);
}

export function rightsListItem(c: RightsCase): RightsCaseListItem {
  const { steps: _s, timeline: _t, workflow: _w, description: _d, closingNote: _c, satisfactionComment: _sc, ...item } = c;
  return item;
}

export async function listRightsCases(ctx: RightsContext, auth: AuthContext, q: RightsListQuery, mine = false) {
  const where = mine ? sql`${rightsWhere(auth.scope, q)} AND c.worker_user_id = ${auth.user.id}::uuid` : rightsWhere(auth.scope, q);
  const { rows, total } = await listRightsCaseRows(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize);
  const items: RightsCaseListItem[] = [];
  for (const r of rows) items.push(rightsListItem(await toRightsDto(ctx.db, auth, r, false)));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

interface Party {
  channel: RightsChannel;
  workerUserId: string | null;
  memberId: string | null;
  name: string;
  phone: { enc: string | null; hmac: string | null; masked: string | null };
}

async function fileCase(ctx: RightsContext, auth: AuthContext, actor: Actor, party: Party, body: MemberRightsCaseBody | HotlineRightsCaseBody): Promise<string> {
  const employer = await routeEmployer(ctx.db, body);
  const now = new Date();
  const { urgency, reason } = decideUrgency(body, now);
  return ctx.db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const caseNo = `WQ${shanghaiDate(now).replaceAll('-', '')}-${id.slice(0, 6).toUpperCase()}`;
    await tx.insert(rightsCases).values({
      id,
      caseNo,
      channel: party.channel,
      category: body.category,
      urgency,
      urgencyReason: reason,
      description: body.description,
      workerUserId: party.workerUserId,
      memberId: party.memberId,
      callerName: party.name,
      callerPhoneEnc: party.phone.enc,
      callerPhoneHmac: party.phone.hmac,
      callerPhoneMasked: party.phone.masked,
      ...employer,
      workersAffected: body.workersAffected,
      amountClaimedFen: body.amountClaimedFen,
      receivedAt: now,
      createdBy: auth.user.id,
      createdByName: auth.user.name,
    });
    const def = RIGHTS_WORKFLOWS[urgency];
    const summary = `${RIGHTS_CATEGORY_LABELS[body.category]} ${employer.enterpriseName}`;
    const inst = await createCase(tx, def, { businessId: id, orgId: employer.orgId, amountFen: body.amountClaimedFen, publicName: maskName(party.name), publicSummary: summary }, userActor(auth));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'rights_case', objectId: id, detail: { caseNo, channel: party.channel, category: body.category, urgency, orgId: employer.orgId, workersAffected: body.workersAffected, amountClaimedFen: body.amountClaimedFen } }, true);
    await actOnCase(tx, def, auth, actor, inst, { action: 'submit', opinion: party.channel === 'hotline' ? '12351热线来电登记' : '职工网上求助' });
    const due = urgency === 'urgent' ? `【紧急】` : '';
    await notify(tx, { orgId: employer.orgId, kind: 'rights.case', title: `${due}新维权求助待受理:${summary}`, body: `${body.workersAffected}人,请于1个工作日内受理(${caseNo})`, link: `/rights/${id}` });
    return id;
  });
}

const phoneColumns = (ctx: RightsContext, phone: string | undefined): Party['phone'] =>
  phone ? { enc: ctx.crypto.encrypt(phone), hmac: hmacPhone(ctx.crypto, phone), masked: maskPhone(phone) } : { enc: null, hmac: null, masked: null };

/** A worker asks for help on H5: the case is theirs, filed and waiting for acceptance at once. */
export async function fileMemberCase(ctx: RightsContext, auth: AuthContext, actor: Actor, body: MemberRightsCaseBody): Promise<RightsCase> {
  if (!auth.user.memberId) throw forbidden('您的账号未关联会员档案,请拨打12351职工服务热线', 'NOT_A_MEMBER');
  const [m] = await queryRows<{ name: string; phone_enc: string | null; phone_hmac: string | null; phone_masked: string | null }>(
    ctx.db,
    sql`SELECT name, phone_enc, phone_hmac, phone_masked FROM members WHERE id = ${auth.user.memberId}`,
  );
  const phone = body.contactPhone ? phoneColumns(ctx, body.contactPhone) : { enc: m?.phone_enc ?? null, hmac: m?.phone_hmac ?? null, masked: m?.phone_masked ?? null };
  const id = await fileCase(ctx, auth, actor, { channel: 'h5', workerUserId: auth.user.id, memberId: auth.user.memberId, name: m?.name ?? auth.user.name, phone }, body);
  return getMyRightsCase(ctx, auth, id);
}

/** Staff take a 12351 call: the caller's phone is stored encrypted, shown masked. */
export async function fileHotlineCase(ctx: RightsContext, auth: AuthContext, actor: Actor, body: HotlineRightsCaseBody): Promise<RightsCase> {
  const id = await fileCase(ctx, auth, actor, { channel: 'hotline', workerUserId: null, memberId: null, name: body.callerName, phone: phoneColumns(ctx, body.callerPhone) }, body);
  // the call may concern another district: the one who took it sees what they entered once, then the case is that district's
  const row = await findRightsCaseRow(ctx.db, { ...auth.scope, all: true }, id);
  return toRightsDto(ctx.db, auth, row!, true);
}
