import { and, eq, sql } from 'drizzle-orm';
import { HONOUR_LEVEL_LABELS, maskIdCard, maskPhone, parseIdCard, type ModelWorker, type ModelWorkerBody, type ModelWorkerListItem, type ModelWorkerListQuery, type UpdateModelWorkerBody } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { hmacIdCard } from '../members/member-search.js';
import { memberIdByIdCardHmac } from '../members/member.repository.js';
import { ageOn, careFlags, careToday } from './model-worker-care.js';
import { modelWorkerHonours, modelWorkers } from './model-worker.schema.js';
import { countModelWorkers, findModelWorkerRow, modelWorkerRows, modelWorkerWhere, type ModelWorkerRow } from './model-worker.repository.js';
import { placementRefusal, placementsOf } from './model-worker-placement.service.js';
import { visitsOf } from './model-worker-visit.js';

export type ModelWorkerContext = Pick<AppContext, 'db' | 'crypto'>;

export function modelWorkerItem(r: ModelWorkerRow, today: string): ModelWorkerListItem {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    districtName: r.district_name ?? '市本级',
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, r.deceased_on ?? today),
    idCard: r.id_card_masked,
    phone: r.phone_masked,
    memberId: r.member_id,
    unit: r.unit,
    retired: r.retired,
    deceasedOn: r.deceased_on,
    livesAlone: r.lives_alone,
    livingNote: r.living_note,
    address: r.address,
    honours: r.honours.map((h) => ({ ...h, levelLabel: HONOUR_LEVEL_LABELS[h.level] })),
    flags: careFlags(r, today),
    lastVisitedOn: r.last_visited_on,
    placementStatus: r.placement_status,
  };
}

export async function getModelWorker(ctx: ModelWorkerContext, auth: AuthContext, id: string): Promise<ModelWorker> {
  const row = await findModelWorkerRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('劳模');
  const today = careToday();
  const item = modelWorkerItem(row, today);
  const placements = await placementsOf(ctx.db, id);
  const [member] = row.member_id
    ? await queryRows<{ card_no: string; org_name: string }>(ctx.db, sql`SELECT m.card_no, o.name AS org_name FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = ${row.member_id}`)
    : [];
  const manage = auth.permissions.has('honours:model-worker:manage');
  const refusal = placementRefusal(item, placements);
  return {
    ...item,
    note: row.note,
    memberCardNo: member?.card_no ?? null,
    memberOrgName: member?.org_name ?? null,
    version: row.version,
    createdAt: row.created_at,
    visits: await visitsOf(ctx.db, id),
    placements: placements.map((p) => ({ ...p, next: manage ? p.next : [] })),
    abilities: { canEdit: manage, canApplyPlacement: manage && refusal === null, placementRefusal: refusal, canRecordVisit: auth.permissions.has('condolence:visit:record') && item.deceasedOn === null },
  };
}

export async function listModelWorkers(ctx: ModelWorkerContext, auth: AuthContext, q: ModelWorkerListQuery, order: 'registry' | 'care' = 'registry') {
  const today = careToday();
  const where = modelWorkerWhere(auth.scope, q, today);
  const rows = await modelWorkerRows(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize, order);
  return { items: rows.map((r) => modelWorkerItem(r, today)), total: await countModelWorkers(ctx.db, where), page: q.page, pageSize: q.pageSize };
}

/** The rules the schema cannot check: the owning union in scope, 身份证 agreeing with birth date and gender, honour years, dates not in the future. */
async function checkBody(ctx: ModelWorkerContext, auth: AuthContext, body: ModelWorkerBody): Promise<void> {
  if (!(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '所选工会不存在或不在您的管理范围内');
  const today = careToday();
  if (body.birthDate > today) throw invalidField('birthDate', '出生日期不能晚于今天');
  if (body.deceasedOn && body.deceasedOn > today) throw invalidField('deceasedOn', '去世日期不能晚于今天');
  if (body.idCard) {
    const id = parseIdCard(body.idCard);
    if (!id.ok) throw invalidField('idCard', id.message);
    if (id.id.birthDate !== body.birthDate) throw invalidField('birthDate', `出生日期与身份证号不一致(身份证为 ${id.id.birthDate})`);
    if (id.id.gender !== body.gender) throw invalidField('gender', '性别与身份证号不一致');
  }
  const birthYear = Number(body.birthDate.slice(0, 4));
  const seen = new Set<string>();
  body.honours.forEach((h, i) => {
    if (h.year > Number(today.slice(0, 4))) throw invalidField(`honours.${i}.year`, '获得年份不能晚于今年');
    if (h.year < birthYear + 16) throw invalidField(`honours.${i}.year`, `获得年份不能早于${birthYear + 16}年(出生后16年)`);
    const key = `${h.title}:${h.year}`;
    if (seen.has(key)) throw invalidField(`honours.${i}.title`, `「${h.year}年${h.title}」重复`);
    seen.add(key);
  });
}

/** The stored columns of a body: 身份证 and phone encrypted, hashed and masked; linked to the member record with the same 身份证. */
async function columnsOf(ctx: ModelWorkerContext, body: ModelWorkerBody) {
  const id = body.idCard ? parseIdCard(body.idCard) : null;
  const idValue = id?.ok ? id.id.value : null;
  const hmac = idValue ? hmacIdCard(ctx.crypto, idValue) : null;
  const memberId = hmac ? await memberIdByIdCardHmac(ctx.db, hmac, ['active', 'retired']) : null;
  return {
    orgId: body.orgId,
    name: body.name,
    gender: body.gender,
    birthDate: body.birthDate,
    idCardEnc: idValue ? ctx.crypto.encrypt(idValue) : null,
    idCardHmac: hmac,
    idCardMasked: idValue ? maskIdCard(idValue) : null,
    memberId,
    phoneEnc: body.phone ? ctx.crypto.encrypt(body.phone) : null,
    phoneMasked: body.phone ? maskPhone(body.phone) : null,
    unit: body.unit ?? null,
    retired: body.retired,
    deceasedOn: body.deceasedOn ?? null,
    livesAlone: body.livesAlone,
    livingNote: body.livingNote ?? null,
    address: body.address ?? null,
    note: body.note ?? null,
  };
}

async function writeHonours(tx: Db, modelWorkerId: string, body: ModelWorkerBody): Promise<void> {
  await tx.delete(modelWorkerHonours).where(eq(modelWorkerHonours.modelWorkerId, modelWorkerId));
  await tx.insert(modelWorkerHonours).values(body.honours.map((h, sort) => ({ modelWorkerId, level: h.level, title: h.title, year: h.year, sort })));
}

const duplicateIdCard = (e: unknown): unknown => (isUniqueViolation(e, 'model_workers_id_card_unique') ? conflictField('idCard', '该身份证号已在劳模名册中登记') : e);

/** What an audit row says of a record: never the 身份证 or phone in full. */
const auditView = (c: Awaited<ReturnType<typeof columnsOf>>, body: ModelWorkerBody) => ({
  name: c.name, orgId: c.orgId, idCard: c.idCardMasked, memberId: c.memberId, retired: c.retired, deceasedOn: c.deceasedOn, livesAlone: c.livesAlone,
  honours: body.honours.map((h) => `${h.year} ${h.title}`),
});

export async function createModelWorker(ctx: ModelWorkerContext, auth: AuthContext, actor: Actor, body: ModelWorkerBody): Promise<ModelWorker> {
  await checkBody(ctx, auth, body);
  const values = await columnsOf(ctx, body);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(modelWorkers).values({ ...values, createdBy: auth.user.id }).returning({ id: modelWorkers.id });
      await writeHonours(tx, row!.id, body);
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'model_worker', objectId: row!.id, detail: auditView(values, body) }, true);
      return row!.id;
    });
    return await getModelWorker(ctx, auth, id);
  } catch (e) {
    throw duplicateIdCard(e);
  }
}

export async function updateModelWorker(ctx: ModelWorkerContext, auth: AuthContext, actor: Actor, id: string, body: UpdateModelWorkerBody): Promise<ModelWorker> {
  const before = await findModelWorkerRow(ctx.db, auth.scope, id);
  if (!before) throw notFound('劳模');
  // 身份证 and phone are shown masked: left empty in an edit, the stored ones stay
  const [stored] = await ctx.db.select({ id: modelWorkers.idCardEnc, phone: modelWorkers.phoneEnc }).from(modelWorkers).where(eq(modelWorkers.id, id));
  const plain = (enc: string | null | undefined) => (enc ? ctx.crypto.decrypt(enc) : undefined);
  const full = { ...body, idCard: body.idCard ?? plain(stored?.id), phone: body.phone ?? plain(stored?.phone) };
  await checkBody(ctx, auth, full);
  const values = await columnsOf(ctx, full);
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(modelWorkers)
        .set({ ...values, version: sql`${modelWorkers.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(modelWorkers.id, id), eq(modelWorkers.version, body.version)))
        .returning({ id: modelWorkers.id });
      if (!row) throw conflict('该劳模信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
      await writeHonours(tx, id, full);
      const after = auditView(values, full);
      const from = { name: before.name, orgId: before.org_id, idCard: before.id_card_masked, memberId: before.member_id, retired: before.retired, deceasedOn: before.deceased_on, livesAlone: before.lives_alone, honours: before.honours.map((h) => `${h.year} ${h.title}`) };
      const changes = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(from[k as keyof typeof from])).map(([k, v]) => [k, { from: from[k as keyof typeof from], to: v }]));
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'model_worker', objectId: id, detail: { changes } }, true);
    });
  } catch (e) {
    throw duplicateIdCard(e);
  }
  return getModelWorker(ctx, auth, id);
}
