import { sql } from 'drizzle-orm';
import { CRAFTSMAN_DECISION_LABELS, type CraftsmanDecision, type CraftsmanRegisterItem } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { DataScope } from '../../platform/access/data-scope.js';
import { nominationScope } from './craftsman.repository.js';

/**
 * The yearly register of 杭州工匠 and 提名奖 approved by the city: public-safe fields only (name,
 * gender, trade, employer, nominating union, certificate number), never 身份证, phone or bank.
 */
export async function craftsmanRegister(db: Db, scope: DataScope, year: number): Promise<CraftsmanRegisterItem[]> {
  const rows = await queryRows<{ id: string; year: number; decision: CraftsmanDecision; name: string; gender: string; trade: string; employer_name: string; org_name: string; certificate_no: string | null; approved_at: Date | null }>(
    db,
    sql`SELECT n.id, c.year, n.decision, m.name, m.gender, n.trade, n.employer_name, no.name AS org_name, n.certificate_no, n.city_approved_at AS approved_at
        FROM craftsman_nominations n JOIN craftsman_calls c ON c.id = n.call_id JOIN members m ON m.id = n.member_id JOIN orgs no ON no.id = n.nominating_org_id
        WHERE c.year = ${year} AND n.city_approved_at IS NOT NULL AND n.decision IS NOT NULL AND ${nominationScope(scope)}
        ORDER BY n.decision, n.certificate_no NULLS LAST, m.name_pinyin`,
  );
  return rows.map((r) => ({
    nominationId: r.id,
    year: r.year,
    title: CRAFTSMAN_DECISION_LABELS[r.decision],
    name: r.name,
    gender: r.gender === 'female' ? '女' : '男',
    trade: r.trade,
    employerName: r.employer_name,
    nominatingOrgName: r.org_name,
    certificateNo: r.certificate_no,
    approvedOn: r.approved_at ? new Date(r.approved_at).toISOString().slice(0, 10) : null,
  }));
}

export const REGISTER_COLUMNS = [
  { header: '年度', key: 'year', width: 8 },
  { header: '称号', key: 'title', width: 16 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '职业(工种)', key: 'trade', width: 16 },
  { header: '工作单位', key: 'employer', width: 36 },
  { header: '推荐单位', key: 'org', width: 20 },
  { header: '证书编号', key: 'certificateNo', width: 18 },
  { header: '批准日期', key: 'approvedOn', width: 12 },
];
