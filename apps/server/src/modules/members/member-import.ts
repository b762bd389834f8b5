import { sql } from 'drizzle-orm';
import { EDUCATIONS, SKILL_LEVELS, isValidMobile, parseIdCard } from '@gonghui/contracts';
import type { ColumnSpec, RowError } from '../../platform/import-export/column-spec.js';
import type { ImportDefinition, CellError } from '../../platform/import-export/import-runner.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows } from '../../platform/db/db-connection.js';
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
  code: string;
  kind: string;
  visible: boolean;
  org_id: string;
}

/** The stored form of an import row: encrypted, keyed-hashed, masked, with its search keys. */
export interface StoredMemberRow {
  org_code: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  name_grams: string[];
  id_card_enc: string;
  id_card_hmac: string;
  id_card_masked: string;
  gender: string;
  birth_date: string;
  phone_enc: string | null;
  phone_hmac: string | null;
  phone_masked: string | null;
  phone_tail: string | null;
  bank_account_enc: string | null;
  bank_account_masked: string | null;
  card_no: string | null;
  joined_at: string | null;
  migrant_worker: boolean;
  frontline: boolean;
  new_employment_form: boolean;
  skill_level: string | null;
  education: string | null;
}

const csv = (values: string[]) => [...new Set(values)].join(',');

/**
 * The member import: rows must name a grassroots union inside the importing user's scope; a
 * person already 在册 in the same union is skipped (or updated when asked), one 在册 in another
 * union is an error (that is a 会员关系接转, not an import). Encryption and search keys are
 * computed in `prepare`, off the write path.
 */
export function memberImportDefinition(opts: { crypto: FieldCrypto; scope: DataScope; actor: Actor }): ImportDefinition<MemberImportRow, StoredMemberRow> {
  const { crypto, scope, actor } = opts;
  return {
    columns: MEMBER_IMPORT_COLUMNS,
    batchSize: 2000,
    keyColumn: '身份证号',
    validate: (cells) => validateMemberRow(cells),
    prepare: (value) => {
      const id = identityColumns(crypto, value);
      const ph = phoneColumns(crypto, value.phone);
      const bank = bankColumns(crypto, value.bankAccount);
      return {
        org_code: value.orgCode, name: id.name, name_pinyin: id.namePinyin, name_initials: id.nameInitials, name_grams: id.nameGrams,
        id_card_enc: id.idCardEnc, id_card_hmac: id.idCardHmac, id_card_masked: id.idCardMasked, gender: id.gender, birth_date: id.birthDate,
        phone_enc: ph.phoneEnc ?? null, phone_hmac: ph.phoneHmac ?? null, phone_masked: ph.phoneMasked ?? null, phone_tail: ph.phoneTail ?? null,
        bank_account_enc: bank.bankAccountEnc ?? null, bank_account_masked: bank.bankAccountMasked ?? null, card_no: value.cardNo,
        joined_at: value.joinedAt, migrant_worker: value.migrantWorker, frontline: value.frontline, new_employment_form: value.newEmploymentForm,
        skill_level: value.skillLevel, education: value.education,
      };
    },
    check: async (db, rows) => {
      const orgs = await queryRows<OrgRef>(
        db,
        sql`SELECT o.id AS org_id, o.code, o.kind, ${scopePredicate(scope, { org: sql`o.id` })} AS visible FROM orgs o
            WHERE o.status = 'active' AND o.code = ANY(string_to_array(${csv(rows.map((r) => r.value.orgCode))}, ','))`,
      );
      const byCode = new Map(orgs.map((o) => [o.code, o]));
      const hmacs = rows.map((r) => hmacIdCard(crypto, r.value.idCard));
      const present = new Map(
        (
          await queryRows<{ h: string; org_id: string }>(
            db,
            sql`SELECT id_card_hmac AS h, org_id FROM members WHERE status = 'active' AND id_card_hmac = ANY(string_to_array(${csv(hmacs)}, ','))`,
          )
        ).map((r) => [r.h, r.org_id]),
      );
      const errors: RowError[] = [];
      rows.forEach((r, i) => {
        const org = byCode.get(r.value.orgCode);
        if (!org || !org.visible) errors.push({ row: r.row, column: '工会组织编码', message: `找不到编码为 ${r.value.orgCode} 的工会,或不在您的管理范围内` });
        else if (org.kind !== 'grassroots') errors.push({ row: r.row, column: '工会组织编码', message: '会员只能登记在基层工会' });
        else {
          const at = present.get(hmacs[i]!);
          if (at && at !== org.org_id) errors.push({ row: r.row, column: '身份证号', message: '该身份证号已是其他工会的在册会员,请办理会员关系接转' });
        }
      });
      return errors;
    },
    // runs after `check` in the same transaction: every row names a visible grassroots union and
    // is either new or already 在册 in that same union
    persist: async (tx, rows, { updateExisting, jobId }) => {
      const json = JSON.stringify(rows.map((r) => r.value));
      const inserted = await queryRows<{ n: number }>(
        tx,
        sql`WITH r AS (SELECT * FROM json_to_recordset(${json}::json) AS x(org_code text, name text, name_pinyin text, name_initials text, name_grams text[],
                id_card_enc text, id_card_hmac text, id_card_masked text, gender text, birth_date date, phone_enc text, phone_hmac text, phone_masked text,
                phone_tail text, bank_account_enc text, bank_account_masked text, card_no text, joined_at date, migrant_worker boolean, frontline boolean,
                new_employment_form boolean, skill_level text, education text)),
            ins AS (
              INSERT INTO members (org_id, name, name_pinyin, name_initials, name_grams, id_card_enc, id_card_hmac, id_card_masked, gender, birth_date,
                phone_enc, phone_hmac, phone_masked, phone_tail, bank_account_enc, bank_account_masked, card_no, joined_at, migrant_worker, frontline,
                new_employment_form, skill_level, education, import_job_id, created_by)
              SELECT o.id, r.name, r.name_pinyin, r.name_initials, r.name_grams, r.id_card_enc, r.id_card_hmac, r.id_card_masked, r.gender, r.birth_date,
                r.phone_enc, r.phone_hmac, r.phone_masked, r.phone_tail, r.bank_account_enc, r.bank_account_masked,
                coalesce(r.card_no, '33' || lpad(nextval('member_card_seq')::text, 12, '0')), r.joined_at, r.migrant_worker, r.frontline,
                r.new_employment_form, r.skill_level, r.education, ${jobId}::uuid, ${actor.userId}::uuid
              FROM r JOIN orgs o ON o.code = r.org_code
              ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*)::int AS n FROM ins`,
      );
      const imported = inserted[0]?.n ?? 0;
      let updated = 0;
      if (updateExisting && imported < rows.length) {
        const u = await queryRows<{ n: number }>(
          tx,
          sql`WITH upd AS (
                UPDATE members m SET phone_enc = r.phone_enc, phone_hmac = r.phone_hmac, phone_masked = r.phone_masked, phone_tail = r.phone_tail,
                  migrant_worker = r.migrant_worker, frontline = r.frontline, new_employment_form = r.new_employment_form,
                  skill_level = coalesce(r.skill_level, m.skill_level), education = coalesce(r.education, m.education), version = m.version + 1, updated_at = now()
                FROM json_to_recordset(${json}::json) AS r(id_card_hmac text, phone_enc text, phone_hmac text, phone_masked text, phone_tail text,
                  migrant_worker boolean, frontline boolean, new_employment_form boolean, skill_level text, education text)
                -- rows this very transaction inserted (stamped now()) are not "existing"
                WHERE m.id_card_hmac = r.id_card_hmac AND m.status = 'active' AND m.created_at < now() RETURNING 1)
              SELECT count(*)::int AS n FROM upd`,
        );
        updated = u[0]?.n ?? 0;
      }
      if (imported || updated) {
        await recordAudit(tx, actor, { action: 'data.import', objectType: 'member', objectId: jobId, detail: { firstRow: rows[0]?.row, lastRow: rows[rows.length - 1]?.row, imported, updated } }, true);
      }
      return { imported, updated, skipped: rows.length - imported - updated };
    },
  };
}
