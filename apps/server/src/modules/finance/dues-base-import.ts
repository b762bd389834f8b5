import { sql } from 'drizzle-orm';
import { DUES_WAGE_ITEMS, EMPLOYER_TYPE_LABELS, EMPLOYER_TYPES, monthlyDuesFen, type EmployerType } from '@gonghui/contracts';
import type { ColumnSpec, RowError } from '../../platform/import-export/column-spec.js';
import type { CellError, ImportDefinition } from '../../platform/import-export/import-runner.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { DuesWageItemValue } from './dues.schema.js';

/** Every wage item label of any employer type is a column (岗位工资 once: enterprise and institution share the code). */
const ITEM_COLUMNS = [...new Map(EMPLOYER_TYPES.flatMap((t) => DUES_WAGE_ITEMS[t]).map((i) => [i.code, i.label])).entries()];
export const DUES_BASE_IMPORT_COLUMNS: ColumnSpec[] = [
  { key: 'cardNo', label: '会员卡号', required: true, aliases: ['卡号'] },
  { key: 'name', label: '姓名', required: false },
  { key: 'year', label: '年度', required: true },
  { key: 'employerType', label: '单位类型', required: true },
  ...ITEM_COLUMNS.map(([code, label]) => ({ key: `item_${code}`, label, required: false })),
];

export interface DuesBaseImportRow {
  cardNo: string;
  year: number;
  employerType: EmployerType;
  items: DuesWageItemValue[];
}

const TYPE_BY_LABEL = new Map(EMPLOYER_TYPES.map((t) => [EMPLOYER_TYPE_LABELS[t], t]));

/** 元 with at most two decimals → 分, or null when not a valid amount. */
function fenOf(text: string): number | null {
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) return null;
  const [yuan, dec = ''] = text.split('.');
  return Number(yuan) * 100 + Number(dec.padEnd(2, '0'));
}

export function validateDuesBaseRow(c: Record<string, string>): { ok: true; value: DuesBaseImportRow; key: string } | { ok: false; errors: CellError[] } {
  const errors: CellError[] = [];
  const cardNo = (c.cardNo ?? '').trim();
  if (!cardNo) errors.push({ column: '会员卡号', message: '会员卡号不能为空' });
  const year = Number((c.year ?? '').trim());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push({ column: '年度', message: '年度应为四位年份,如 2026' });
  const employerType = TYPE_BY_LABEL.get((c.employerType ?? '').trim());
  if (!employerType) errors.push({ column: '单位类型', message: `单位类型应为 ${[...TYPE_BY_LABEL.keys()].join('、')} 之一` });
  const items: DuesWageItemValue[] = [];
  for (const [code, label] of ITEM_COLUMNS) {
    const text = (c[`item_${code}`] ?? '').trim().replace(/,/g, '');
    if (!text) continue;
    const amountFen = fenOf(text);
    if (amountFen === null) errors.push({ column: label, message: `${label}应为金额(元,最多两位小数)` });
    else if (employerType && !DUES_WAGE_ITEMS[employerType].some((i) => i.code === code)) {
      if (amountFen > 0) errors.push({ column: label, message: `${label}不计入${EMPLOYER_TYPE_LABELS[employerType]}的会费基数` });
    } else if (amountFen > 0) items.push({ code, amountFen });
  }
  if (!errors.length && items.length === 0) errors.push({ column: '单位类型', message: '请至少填写一项计入会费基数的工资' });
  if (errors.length || !employerType) return { ok: false, errors };
  return { ok: true, key: `${cardNo}:${year}`, value: { cardNo, year, employerType, items } };
}

/** The members of these card numbers: active and in scope, or why not. */
async function membersOf(db: Db, scope: DataScope, rows: DuesBaseImportRow[]): Promise<Map<string, { id: string; org_id: string; ok: boolean }>> {
  const cards = [...new Set(rows.map((r) => r.cardNo))];
  const found = await queryRows<{ id: string; org_id: string; card_no: string; ok: boolean }>(
    db,
    sql`SELECT id, org_id, card_no, (status = 'active' AND ${scopePredicate(scope, { org: sql`members.org_id` })}) AS ok FROM members
        WHERE card_no IN (${sql.join(cards.map((c) => sql`${c}`), sql`, `)})`,
  );
  return new Map(found.map((m) => [m.card_no, m]));
}

/** 会费基数 import: one row per member and year; an existing base is skipped, or replaced when asked. */
export function duesBaseImportDefinition(opts: { scope: DataScope; actor: Actor }): ImportDefinition<DuesBaseImportRow> {
  return {
    columns: DUES_BASE_IMPORT_COLUMNS,
    keyColumn: '会员卡号',
    validate: (cells) => validateDuesBaseRow(cells),
    prepare: (value) => value,
    check: async (db, rows): Promise<RowError[]> => {
      const members = await membersOf(db, opts.scope, rows.map((r) => r.value));
      return rows.flatMap((r) => (members.get(r.value.cardNo)?.ok ? [] : [{ row: r.row, column: '会员卡号', message: '找不到该会员卡号的在册会员,或不在您的管理范围内' }]));
    },
    persist: async (tx, rows, { updateExisting, jobId }) => {
      const members = await membersOf(tx, opts.scope, rows.map((r) => r.value));
      const records = rows.flatMap((r) => {
        const m = members.get(r.value.cardNo);
        if (!m?.ok) return [];
        const wage = r.value.items.reduce((s, i) => s + i.amountFen, 0);
        return [{ member_id: m.id, org_id: m.org_id, year: r.value.year, employer_type: r.value.employerType, items: r.value.items, wage_fen: wage, monthly_dues_fen: monthlyDuesFen(wage), created_by: opts.actor.userId }];
      });
      if (!records.length) return { imported: 0, updated: 0, skipped: rows.length };
      const json = JSON.stringify(records);
      const inserted = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO dues_wage_bases (member_id, org_id, year, employer_type, items, wage_fen, monthly_dues_fen, created_by)
            SELECT member_id, org_id, year, employer_type, items, wage_fen, monthly_dues_fen, created_by FROM json_populate_recordset(NULL::dues_wage_bases, ${json}::json)
            ON CONFLICT (member_id, year) DO NOTHING RETURNING id`,
      );
      let updated = 0;
      if (updateExisting && inserted.length < records.length) {
        const u = await queryRows<{ id: string }>(
          tx,
          sql`UPDATE dues_wage_bases b SET employer_type = r.employer_type, items = r.items, wage_fen = r.wage_fen, monthly_dues_fen = r.monthly_dues_fen, version = b.version + 1, updated_at = now()
              FROM json_populate_recordset(NULL::dues_wage_bases, ${json}::json) r
              WHERE b.member_id = r.member_id AND b.year = r.year AND b.created_at < now() RETURNING b.id`,
        );
        updated = u.length;
      }
      if (inserted.length || updated) await recordAudit(tx, opts.actor, { action: 'data.import', objectType: 'dues_wage_base', objectId: jobId, detail: { imported: inserted.length, updated } }, true);
      return { imported: inserted.length, updated, skipped: rows.length - inserted.length - updated };
    },
  };
}
