import type { Writable } from 'node:stream';
import { MUTUAL_AID_ENROLMENT_STATE_LABELS, type MutualAidEnrolmentState } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { periodRowOrThrow, today, type MutualAidContext } from './mutual-aid-period.service.js';
import { contributionOf, unionInScope } from './mutual-aid-enrolment.service.js';
import { rosterRows } from './mutual-aid-roster.repository.js';

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '身份证号(脱敏)', key: 'idCard', width: 22 },
  { header: '参保状态', key: 'state', width: 16 },
  { header: '缴费(元)', key: 'contribution', width: 10 },
  { header: '逾期参保', key: 'late', width: 10 },
  { header: '保障起始日', key: 'coveredFrom', width: 12 },
  { header: '收据号', key: 'receipt', width: 18 },
];
const PAGE = 2000;

/** A union's roster for a period as an xlsx (masked identity numbers), audited. */
export async function exportRoster(ctx: MutualAidContext, auth: AuthContext, actor: Actor, periodId: string, orgId: string, state?: MutualAidEnrolmentState): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const period = await periodRowOrThrow(ctx.db, periodId);
  const org = await unionInScope(ctx.db, auth, orgId);
  const on = today();
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'mutual_aid_enrolment', objectId: `${periodId}:${orgId}`, detail: { periodId, orgId, state: state ?? null } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await rosterRows(ctx.db, periodId, org.id, on, { state }, PAGE, offset);
      for (const r of page) {
        yield {
          name: r.member_name,
          gender: r.gender === 'female' ? '女' : '男',
          idCard: r.id_card_masked,
          state: MUTUAL_AID_ENROLMENT_STATE_LABELS[r.state],
          contribution: (r.contribution_fen ?? contributionOf(period, r.gender)) / 100,
          late: r.late ? '是' : '',
          coveredFrom: r.covered_from ?? '',
          receipt: r.receipt_no ?? '',
        };
      }
      if (page.length < PAGE) return;
    }
  }
  const name = `${period.name}参保名单-${org.name}`;
  return { fileName: `${name}.xlsx`, write: (out) => writeXlsx(out, { name: name.slice(0, 31), columns: COLUMNS, rows: rows() }) };
}
