import type { Writable } from 'node:stream';
import { RATING_CLASS_LABELS, RATING_UNIT_CATEGORY_LABELS, type RatingResultRow, type RatingResults } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { writeXlsx, type CellValue, type SheetColumn } from '../../platform/import-export/xlsx-writer.js';
import { groupRows } from './rating-campaign.repository.js';
import { loadCampaign } from './rating-campaign.service.js';
import { classify } from './rating-rate.js';
import { unitRateRows } from './rating-results.repository.js';

/** The ranking: units by overall rate (ties share a rank; units without valid votes last, unranked). */
export async function getResults(db: Db, auth: AuthContext, campaignId: string): Promise<RatingResults> {
  const c = await loadCampaign(db, auth, campaignId);
  const groups = await groupRows(db, campaignId);
  const rates = await unitRateRows(db, campaignId);
  const sorted = [...rates].sort((a, b) => (b.overall_bp ?? -1) - (a.overall_bp ?? -1) || a.sort - b.sort);
  let rank = 0;
  let prev: number | null = null;
  const rows: RatingResultRow[] = sorted.map((r, i) => {
    if (r.overall_bp !== prev) rank = i + 1;
    prev = r.overall_bp;
    const groupBp: Record<string, number | null> = {};
    for (const g of groups) groupBp[g.id] = r.group_bp?.[g.id] ?? null;
    return {
      rank: r.overall_bp === null ? null : rank,
      unitId: r.unit_id,
      unitName: r.unit_name,
      category: r.category as RatingResultRow['category'],
      ballots: r.ballots,
      overallBp: r.overall_bp,
      dimensionBp: { attitude: r.attitude_bp, integrity: r.integrity_bp, effect: r.effect_bp },
      groupBp,
      classification: classify(r.overall_bp, c.satisfied_min_bp, c.dissatisfied_below_bp),
    };
  });
  return {
    campaignId,
    title: c.title,
    state: c.state,
    groups: groups.map((g) => ({ id: g.id, name: g.name, weightBp: g.weight_bp, ballots: g.ballots })),
    rows,
    excludedBallots: await excludedCount(db, campaignId),
    satisfiedMinBp: c.satisfied_min_bp,
    dissatisfiedBelowBp: c.dissatisfied_below_bp,
  };
}

async function excludedCount(db: Db, campaignId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM rating_ballots WHERE campaign_id = ${campaignId} AND excluded`);
  return row?.n ?? 0;
}

export const percent = (bp: number | null): string => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

/** The results as an xlsx (one row per unit: rank, rates per dimension and group, classification); audited. */
export async function exportResults(db: Db, auth: AuthContext, actor: Actor, campaignId: string): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const r = await getResults(db, auth, campaignId);
  await recordAudit(db, actor, { action: 'data.export', objectType: 'rating_campaign', objectId: campaignId, detail: { what: 'results', rows: r.rows.length } });
  const columns: SheetColumn[] = [
    { header: '名次', key: 'rank', width: 6 },
    { header: '被测评单位', key: 'unit', width: 28 },
    { header: '类别', key: 'category', width: 16 },
    { header: '有效票', key: 'ballots', width: 8 },
    { header: '综合满意率', key: 'overall', width: 12 },
    { header: '服务态度与效率', key: 'attitude', width: 14 },
    { header: '公正廉洁', key: 'integrity', width: 12 },
    { header: '工作成效与影响', key: 'effect', width: 14 },
    ...r.groups.map((g) => ({ header: `${g.name}(权重${percent(g.weightBp)})`, key: `g_${g.id}`, width: 14 })),
    { header: '评定', key: 'class', width: 12 },
  ];
  async function* rows() {
    for (const x of r.rows) {
      const row: Record<string, CellValue> = {
        rank: x.rank, unit: x.unitName, category: RATING_UNIT_CATEGORY_LABELS[x.category], ballots: x.ballots, overall: percent(x.overallBp),
        attitude: percent(x.dimensionBp.attitude), integrity: percent(x.dimensionBp.integrity), effect: percent(x.dimensionBp.effect), class: RATING_CLASS_LABELS[x.classification],
      };
      for (const g of r.groups) row[`g_${g.id}`] = percent(x.groupBp[g.id] ?? null);
      yield row;
    }
  }
  return { fileName: `${r.title}-测评结果.xlsx`, write: (out) => writeXlsx(out, { name: '测评结果', columns, rows: rows() }) };
}
