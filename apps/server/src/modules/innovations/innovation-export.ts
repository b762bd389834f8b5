import type { Writable } from 'node:stream';
import { INNOVATION_KIND_LABELS, WORKFLOW_STATUS_LABELS, type InnovationKind, type InnovationListQuery, type WorkflowStatusCode } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { countInnovations, innovationRows } from './innovation.repository.js';
import { innovationWhere } from './innovation.service.js';

const COLUMNS = [
  { header: '年度', key: 'year', width: 8 },
  { header: '类别', key: 'kind', width: 12 },
  { header: '项目名称', key: 'title', width: 36 },
  { header: '申报人/班组', key: 'who', width: 24 },
  { header: '所在工会', key: 'org', width: 30 },
  { header: '区县', key: 'district', width: 14 },
  { header: '状态', key: 'status', width: 12 },
  { header: '当前环节', key: 'step', width: 18 },
  { header: '采纳单位', key: 'adoptedBy', width: 26 },
  { header: '采纳日期', key: 'adoptedOn', width: 12 },
  { header: '核定年创效(元)', key: 'value', width: 16 },
  { header: '奖励(元)', key: 'reward', width: 12 },
  { header: '证书编号', key: 'certificate', width: 20 },
];
const STEP_LABELS: Record<string, string> = { grassroots_review: '基层工会初审', district_review: '区县(市)总工会审核', city_recognition: '市总工会认定' };
const PAGE = 1000;

/** The filtered list as xlsx (the caller's scope), audited with its filters and row count. */
export async function exportInnovations(db: Db, auth: AuthContext, actor: Actor, q: InnovationListQuery): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const where = innovationWhere(auth, q);
  const total = await countInnovations(db, where);
  await recordAudit(db, actor, { action: 'data.export', objectType: 'innovation', objectId: 'list', detail: { kind: q.kind ?? null, status: q.status ?? null, districtId: q.districtId ?? null, year: q.year ?? null, rows: total } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await innovationRows(db, where, PAGE, offset);
      for (const r of page) {
        yield {
          year: r.year, kind: INNOVATION_KIND_LABELS[r.kind as InnovationKind], title: r.title, who: r.team_name ? `${r.team_name}(${r.team_members.map((t) => t.name).join('、')})` : (r.member_name ?? ''),
          org: r.org_name, district: r.district_name ?? '', status: WORKFLOW_STATUS_LABELS[r.status as WorkflowStatusCode], step: r.status === 'in_review' && r.step_key ? (STEP_LABELS[r.step_key] ?? r.step_key) : '',
          adoptedBy: r.adopted_by ?? '', adoptedOn: r.adopted_on ?? '', value: r.value_fen === null ? '' : r.value_fen / 100, reward: r.payout_amount_fen === null ? '' : r.payout_amount_fen / 100, certificate: r.certificate_no ?? '',
        };
      }
      if (page.length < PAGE) return;
    }
  }
  return { fileName: '五小创新与合理化建议.xlsx', write: (out) => writeXlsx(out, { name: '创新项目', columns: COLUMNS, rows: rows() }) };
}
