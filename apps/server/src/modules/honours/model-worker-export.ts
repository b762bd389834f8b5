import type { Writable } from 'node:stream';
import type { z } from 'zod';
import { PLACEMENT_STATUS_LABELS, type ModelWorkerCareCount, type modelWorkerExportQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { careToday } from './model-worker-care.js';
import { careCountRows, countModelWorkers, modelWorkerRows, modelWorkerWhere } from './model-worker.repository.js';
import { modelWorkerItem, type ModelWorkerContext } from './model-worker.service.js';

/** Care figures per district of the 劳模 the caller sees. */
export async function careCounts(ctx: ModelWorkerContext, auth: AuthContext): Promise<ModelWorkerCareCount[]> {
  const rows = await careCountRows(ctx.db, auth.scope, careToday());
  return rows.map((r) => ({
    orgId: r.district_id,
    orgName: r.district_name ?? '市本级',
    alive: r.alive,
    age75: r.age75,
    livesAlone: r.lives_alone,
    care: r.care,
    visitedThisYear: r.visited_this_year,
    placementsOpen: r.placements_open,
    admitted: r.admitted,
  }));
}

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '年龄', key: 'age', width: 6 },
  { header: '身份证号(脱敏)', key: 'idCard', width: 20 },
  { header: '联系电话(脱敏)', key: 'phone', width: 14 },
  { header: '区县(市)', key: 'district', width: 14 },
  { header: '所属工会', key: 'org', width: 28 },
  { header: '工作单位', key: 'unit', width: 28 },
  { header: '荣誉', key: 'honours', width: 40 },
  { header: '在世', key: 'alive', width: 12 },
  { header: '退休', key: 'retired', width: 6 },
  { header: '75岁以上', key: 'age75', width: 8 },
  { header: '鳏寡独居', key: 'alone', width: 8 },
  { header: '居住情况', key: 'livingNote', width: 24 },
  { header: '住址', key: 'address', width: 30 },
  { header: '最近慰问', key: 'lastVisited', width: 12 },
  { header: '养老机构入住', key: 'placement', width: 12 },
];

const PAGE = 1000;
const yesNo = (b: boolean) => (b ? '是' : '');

/** The registry as an xlsx (身份证 and phones masked, as on screen), with the list's filter; audited with the row count. */
export async function exportModelWorkers(ctx: ModelWorkerContext, auth: AuthContext, actor: Actor, f: z.infer<typeof modelWorkerExportQuerySchema>): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const today = careToday();
  const where = modelWorkerWhere(auth.scope, f, today);
  const total = await countModelWorkers(ctx.db, where);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'model_worker', objectId: 'all', detail: { ...f, q: f.q ? '(已记录)' : null, rows: total } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await modelWorkerRows(ctx.db, where, PAGE, offset);
      for (const r of page) {
        const w = modelWorkerItem(r, today);
        yield {
          name: w.name, gender: w.gender === 'male' ? '男' : '女', birthDate: w.birthDate, age: w.age, idCard: w.idCard, phone: w.phone, district: w.districtName, org: w.orgName, unit: w.unit,
          honours: w.honours.map((h) => `${h.year}年${h.title}`).join('、'), alive: w.deceasedOn ? `${w.deceasedOn} 去世` : '在世', retired: yesNo(w.retired),
          age75: yesNo(w.flags.age75), alone: yesNo(w.flags.livesAlone), livingNote: w.livingNote, address: w.address, lastVisited: w.lastVisitedOn,
          placement: w.placementStatus ? PLACEMENT_STATUS_LABELS[w.placementStatus] : null,
        };
      }
      if (page.length < PAGE) return;
    }
  }
  return { fileName: '劳模名册.xlsx', write: (out) => writeXlsx(out, { name: '劳模名册', columns: COLUMNS, rows: rows() }) };
}
