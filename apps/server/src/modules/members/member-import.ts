import { sql } from 'drizzle-orm';
import { EDUCATIONS, SKILL_LEVELS, isValidMobile, parseIdCard } from '@gonghui/contracts';
import type { ColumnSpec, RowError } from '../../platform/import-export/column-spec.js';
import type { ImportDefinition, CellError } from '../../platform/import-export/import-runner.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { bankColumns, identityColumns, phoneColumns } from './member-record.js';
import { hmacIdCard } from './member-search.js';

export const MEMBER_IMPORT_COLUMNS: ColumnSpec[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'idCard', label: '身份证号', required: true, aliases: ['身份证号码', '公民身份号码', '身份证'] },
  { key: 'phone', label: '手机号', required: true, aliases: ['手机号码', '联系电话', '手机'] },
  { key: 'orgCode', label: '工会组织编码', required: true, aliases: ['工会编码', '组织编码'] },
  { key: 'joinedAt', label: '入会日期', required: false },
  { key: 'bankAccount', label: '银行卡号', required: false },
  { key: 'cardNo', label: '会员卡号', required: false },
  { key: 'migrantWorker', label: '农民工', required: false },
  { key: 'frontline', label: '一线职工', required: false },
  { key: 'newEmploymentForm', label: '新就业形态', required: false },
  { key: 'skillLevel', label: '技能等级', required: false },
  { key: 'education', label: '学历', required: false },
];

export interface MemberImportRow {
  name: string;
  idCard: string;
  phone: string;
  orgCode: string;
  joinedAt: string | null;
  bankAccount: string | null;
  cardNo: string | null;
  migrantWorker: boolean;
  frontline: boolean;
  newEmploymentForm: boolean;
  skillLevel: string | null;
  education: string | null;
}

const YES = new Set(['是', 'y', 'yes', '1', 'true', '√']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '']);

function flag(v: string, label: string, errors: CellError[]): boolean {
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (!NO.has(s)) errors.push({ column: label, message: `应填“是”或“否”,当前为“${v}”` });
  return false;
}

/** Row validation: the same rules as the form (GB 11643 身份证, mainland mobile), messages in Chinese. */
export function validateMemberRow(c: Record<string, string>): { ok: true; value: MemberImportRow; key: string } | { ok: false; errors: CellError[] } {
  const errors: CellError[] = [];
  const name = (c.name ?? '').trim();
  if (!name) errors.push({ column: '姓名', message: '姓名不能为空' });
  else if ([...name].length > 30) errors.push({ column: '姓名', message: '姓名不能超过30个字' });
  const id = parseIdCard(c.idCard ?? '');
  if (!id.ok) errors.push({ column: '身份证号', message: (c.idCard ?? '').trim() ? id.message : '身份证号不能为空' });
  const phone = (c.phone ?? '').trim();
  if (!isValidMobile(phone)) errors.push({ column: '手机号', message: phone ? '手机号应为11位中国大陆手机号' : '手机号不能为空' });
  const orgCode = (c.orgCode ?? '').trim();
  if (!/^[A-Za-z0-9-]{4,32}$/.test(orgCode)) errors.push({ column: '工会组织编码', message: orgCode ? '工会组织编码格式不正确' : '工会组织编码不能为空' });
  const joinedAt = (c.joinedAt ?? '').trim().replace(/[/.]/g, '-') || null;
  if (joinedAt && !/^\d{4}-\d{2}-\d{2}$/.test(joinedAt)) errors.push({ column: '入会日期', message: '日期格式应为 YYYY-MM-DD' });
  const bankAccount = (c.bankAccount ?? '').replace(/\s/g, '') || null;
  if (bankAccount && !/^\d{12,19}$/.test(bankAccount)) errors.push({ column: '银行卡号', message: '银行卡号应为12-19位数字' });
  const cardNo = (c.cardNo ?? '').trim() || null;
  if (cardNo && !/^[0-9A-Za-z]{6,20}$/.test(cardNo)) errors.push({ column: '会员卡号', message: '会员卡号应为6-20位字母或数字' });
  const skillLevel = (c.skillLevel ?? '').trim() || null;
  if (skillLevel && !(SKILL_LEVELS as readonly string[]).includes(skillLevel)) errors.push({ column: '技能等级', message: `应为 ${SKILL_LEVELS.join('、')} 之一` });
  const education = (c.education ?? '').trim() || null;
  if (education && !(EDUCATIONS as readonly string[]).includes(education)) errors.push({ column: '学历', message: `应为 ${EDUCATIONS.join('、')} 之一` });
  const value: MemberImportRow = {
    name,
    idCard: id.ok ? id.id.value : '',
    phone,
    orgCode,
    joinedAt,
    bankAccount,
    cardNo,
    migrantWorker: flag(c.migrantWorker ?? '', '农民工', errors),
    frontline: flag(c.frontline ?? '', '一线职工', errors),
    newEmploymentForm: flag(c.newEmploymentForm ?? '', '新就业形态', errors),
    skillLevel,
    education,
  };
  return errors.length ? { ok: false, errors } : { ok: true, value, key: value.idCard };
}

interface OrgRef {
  id: string;
  code: string;
  kind: string;
  visible: boolean;
}

async function resolveOrgs(db: Db, scope: DataScope, codes: string[]): Promise<Map<string, OrgRef>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<OrgRef>(
    db,
    sql`SELECT o.id, o.code, o.kind, ${scopePredicate(scope, { org: sql`o.id` })} AS visible FROM orgs o
        WHERE o.status = 'active' AND o.code IN (${sql.join(unique.map((c) => sql`${c}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Active members already holding these 身份证 numbers: hmac → their union. */
async function existing(db: Db, hmacs: string[]): Promise<Map<string, string>> {
  if (hmacs.length === 0) return new Map();
  const rows = await queryRows<{ h: string; org_id: string }>(
    db,
    sql`SELECT id_card_hmac AS h, org_id FROM members WHERE status = 'active' AND id_card_hmac IN (${sql.join(hmacs.map((h) => sql`${h}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.h, r.org_id]));
}

/**
 * The member import: rows must name a grassroots union inside the importing user's scope; a
 * person already 在册 in the same union is skipped (or updated when asked), one 在册 in another
 * union is an error (that is a 会员关系接转, not an import).
 */
export function memberImportDefinition(opts: { crypto: FieldCrypto; scope: DataScope; actor: Actor }): ImportDefinition<MemberImportRow> {
  const { crypto, scope, actor } = opts;
  const problems = async (db: Db, rows: { row: number; value: MemberImportRow }[]) => {
    const orgs = await resolveOrgs(db, scope, rows.map((r) => r.value.orgCode));
    const present = await existing(db, rows.map((r) => hmacIdCard(crypto, r.value.idCard)));
    const errors: RowError[] = [];
    for (const r of rows) {
      const org = orgs.get(r.value.orgCode);
      if (!org || !org.visible) errors.push({ row: r.row, column: '工会组织编码', message: `找不到编码为 ${r.value.orgCode} 的工会,或不在您的管理范围内` });
      else if (org.kind !== 'grassroots') errors.push({ row: r.row, column: '工会组织编码', message: '会员只能登记在基层工会' });
      else {
        const at = present.get(hmacIdCard(crypto, r.value.idCard));
        if (at && at !== org.id) errors.push({ row: r.row, column: '身份证号', message: '该身份证号已是其他工会的在册会员,请办理会员关系接转' });
      }
    }
    return { errors, orgs, present };
  };
  return {
    columns: MEMBER_IMPORT_COLUMNS,
    batchSize: 1000,
    keyColumn: '身份证号',
    validate: (cells) => validateMemberRow(cells),
    check: async (db, rows) => (await problems(db, rows)).errors,
    persist: async (tx, rows, { updateExisting, jobId }) => {
      const { errors, orgs, present } = await problems(tx, rows);
      const bad = new Set(errors.map((e) => e.row));
      const fresh: Record<string, unknown>[] = [];
      const updates: { hmac: string; row: MemberImportRow }[] = [];
      for (const { row, value } of rows) {
        if (bad.has(row)) continue;
        const hmac = hmacIdCard(crypto, value.idCard);
        if (present.has(hmac)) {
          if (updateExisting) updates.push({ hmac, row: value });
          continue;
        }
        const id = identityColumns(crypto, value);
        const ph = phoneColumns(crypto, value.phone);
        const bank = bankColumns(crypto, value.bankAccount);
        fresh.push({
          org_id: orgs.get(value.orgCode)!.id, name: id.name, name_pinyin: id.namePinyin, name_initials: id.nameInitials, name_grams: id.nameGrams,
          id_card_enc: id.idCardEnc, id_card_hmac: id.idCardHmac, id_card_masked: id.idCardMasked, gender: id.gender, birth_date: id.birthDate,
          phone_enc: ph.phoneEnc, phone_hmac: ph.phoneHmac, phone_masked: ph.phoneMasked, phone_tail: ph.phoneTail,
          bank_account_enc: bank.bankAccountEnc, bank_account_masked: bank.bankAccountMasked, card_no: value.cardNo,
          joined_at: value.joinedAt, migrant_worker: value.migrantWorker, frontline: value.frontline, new_employment_form: value.newEmploymentForm,
          skill_level: value.skillLevel, education: value.education, import_job_id: jobId, created_by: actor.userId,
        });
      }
      let imported = 0;
      if (fresh.length) {
        const inserted = await queryRows<{ id: string }>(
          tx,
          sql`INSERT INTO members (org_id, name, name_pinyin, name_initials, name_grams, id_card_enc, id_card_hmac, id_card_masked, gender, birth_date,
                phone_enc, phone_hmac, phone_masked, phone_tail, bank_account_enc, bank_account_masked, card_no, joined_at, migrant_worker, frontline,
                new_employment_form, skill_level, education, import_job_id, created_by)
              SELECT r.org_id, r.name, r.name_pinyin, r.name_initials, r.name_grams, r.id_card_enc, r.id_card_hmac, r.id_card_masked, r.gender, r.birth_date,
                r.phone_enc, r.phone_hmac, r.phone_masked, r.phone_tail, r.bank_account_enc, r.bank_account_masked,
                coalesce(r.card_no, '33' || lpad(nextval('member_card_seq')::text, 12, '0')), r.joined_at, r.migrant_worker, r.frontline,
                r.new_employment_form, r.skill_level, r.education, r.import_job_id, r.created_by
              FROM json_populate_recordset(NULL::members, ${JSON.stringify(fresh)}::json) r
              ON CONFLICT DO NOTHING RETURNING id`,
        );
        imported = inserted.length;
      }
      for (const u of updates) {
        const ph = phoneColumns(crypto, u.row.phone);
        await tx.execute(sql`UPDATE members SET phone_enc = ${ph.phoneEnc}, phone_hmac = ${ph.phoneHmac}, phone_masked = ${ph.phoneMasked}, phone_tail = ${ph.phoneTail},
            migrant_worker = ${u.row.migrantWorker}, frontline = ${u.row.frontline}, new_employment_form = ${u.row.newEmploymentForm},
            skill_level = coalesce(${u.row.skillLevel}, skill_level), education = coalesce(${u.row.education}, education), version = version + 1, updated_at = now()
          WHERE id_card_hmac = ${u.hmac} AND status = 'active'`);
      }
      const skipped = rows.length - bad.size - imported - updates.length;
      if (imported || updates.length) {
        await recordAudit(tx, actor, { action: 'data.import', objectType: 'member', objectId: jobId, detail: { firstRow: rows[0]?.row, lastRow: rows[rows.length - 1]?.row, imported, updated: updates.length } }, true);
      }
      return { imported, updated: updates.length, skipped };
    },
  };
}
