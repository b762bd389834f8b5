import type { Writable } from 'node:stream';
import { CADRE_POSITION_LABELS, CADRE_STATE_LABELS, ELECTION_METHOD_LABELS, TERM_DUE_LABELS, type CadreExportQuery } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { cadreRows, cadreWhere, countCadres } from './cadre.repository.js';
import { cadreItem, cadreQueryDay, type CadreContext } from './cadre.service.js';

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '身份证号(脱敏)', key: 'idCard', width: 20 },
  { header: '联系电话(脱敏)', key: 'phone', width: 14 },
  { header: '区县(市)', key: 'district', width: 14 },
  { header: '所属工会', key: 'org', width: 28 },
  { header: '职务', key: 'position', width: 12 },
  { header: '专职/兼职', key: 'employment', width: 9 },
  { header: '届次', key: 'term', width: 8 },
  { header: '届满日期', key: 'termEnd', width: 12 },
  { header: '换届状态', key: 'termDue', width: 12 },
  { header: '任职日期', key: 'officeStart', width: 12 },
  { header: '产生方式', key: 'electedHow', width: 10 },
  { header: '状态', key: 'state', width: 8 },
  { header: '离任日期', key: 'leftOn', width: 12 },
  { header: '离任原因', key: 'leftReason', width: 20 },
  { header: '本年学时', key: 'hours', width: 9 },
  { header: '本年目标', key: 'target', width: 9 },
];

const PAGE = 1000;

/** The register as an xlsx (身份证 and phones masked, as on screen), with the list's filter; audited with the row count. */
export async function exportCadres(ctx: CadreContext, auth: AuthContext, actor: Actor, f: CadreExportQuery): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { day, settings } = await cadreQueryDay(ctx);
  const where = cadreWhere(auth.scope, f, day);
  const total = await countCadres(ctx.db, where);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'cadre', objectId: 'all', detail: { ...f, q: f.q ? '(已记录)' : null, rows: total, masked: true } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await cadreRows(ctx.db, where, day, PAGE, offset);
      for (const r of page) {
        const k = cadreItem(r, settings, day.year);
        yield {
          name: k.name, gender: k.gender === 'male' ? '男' : '女', idCard: k.idCard, phone: k.phone, district: k.districtName, org: k.orgName,
          position: CADRE_POSITION_LABELS[k.position], employment: k.fullTime ? '专职' : '兼职', term: k.termNo ? `第${k.termNo}届` : null, termEnd: k.termEnd,
          termDue: k.termDueState ? TERM_DUE_LABELS[k.termDueState] : null, officeStart: k.officeStart, electedHow: ELECTION_METHOD_LABELS[k.electedHow],
          state: CADRE_STATE_LABELS[k.state], leftOn: k.leftOn, leftReason: k.leftReason, hours: k.yearHours, target: k.yearTarget,
        };
      }
      if (page.length < PAGE) return;
    }
  }
  return { fileName: '工会干部名册.xlsx', write: (out) => writeXlsx(out, { name: '工会干部名册', columns: COLUMNS, rows: rows() }) };
}
