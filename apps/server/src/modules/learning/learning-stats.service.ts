import type { Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import type { LearningStats, LearningStatsRow } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { visibleCourse } from './learning-course.service.js';

interface Counts {
  org_id: string;
  assigned: number;
  started: number;
  finished: number;
  passed: number;
  average_score: number | null;
}

/** Where the drill-down starts: the caller's top org (the city for city staff). */
async function defaultRoot(db: Db, auth: AuthContext): Promise<string> {
  if (auth.scope.all) {
    const [city] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
    return city?.id ?? auth.user.orgId;
  }
  return auth.scope.subtreeRoots[0] ?? auth.scope.units[0] ?? auth.user.orgId;
}

/** Counts per given org over its subtree, only people whose org lies in the caller's scope. */
async function countsUnder(db: Db, auth: AuthContext, courseId: string, orgIds: string[]): Promise<Map<string, Counts>> {
  const ids = sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `);
  const inScope = (col: SQL) => scopePredicate(auth.scope, { org: col });
  const rows = await queryRows<Counts>(
    db,
    sql`SELECT k.id AS org_id,
          (SELECT count(DISTINCT la.user_id)::int FROM learning_assignees la JOIN org_closure oc ON oc.descendant_id = la.org_id
            WHERE oc.ancestor_id = k.id AND la.course_id = ${courseId}::uuid AND ${inScope(sql`la.org_id`)}) AS assigned,
          s.started, s.finished, s.passed, s.average_score
        FROM (SELECT unnest(ARRAY[${ids}]) AS id) k
        CROSS JOIN LATERAL (
          SELECT count(DISTINCT r.user_id)::int AS started,
                 count(DISTINCT r.user_id) FILTER (WHERE r.finished_at IS NOT NULL)::int AS finished,
                 count(DISTINCT r.user_id) FILTER (WHERE r.passed)::int AS passed,
                 round(avg(r.best_score)::numeric, 1)::float8 AS average_score
          FROM learning_records r
          WHERE r.course_id = ${courseId}::uuid AND ${inScope(sql`r.org_id`)}
            AND r.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = k.id)) s`,
  );
  return new Map(rows.map((r) => [r.org_id, r]));
}

const statsRow = (org: { id: string; name: string; has_children: boolean }, c: Counts | undefined): LearningStatsRow => ({
  orgId: org.id,
  orgName: org.name,
  hasChildren: org.has_children,
  assigned: c?.assigned ?? 0,
  started: c?.started ?? 0,
  finished: c?.finished ?? 0,
  passed: c?.passed ?? 0,
  averageScore: c?.average_score ?? null,
});

/** Completion of a course under an org of the caller's scope: the org itself and each sub-org (drill down by rootOrgId). */
export async function learningStats(db: Db, auth: AuthContext, courseId: string, rootOrgId?: string): Promise<LearningStats> {
  const course = await visibleCourse(db, auth, courseId);
  const rootId = rootOrgId ?? (await defaultRoot(db, auth));
  if (!(await scopeIncludesOrg(db, auth.scope, rootId))) throw invalidField('rootOrgId', '组织不存在或不在您的数据范围内');
  const hasChildren = sql`EXISTS (SELECT 1 FROM orgs x WHERE x.parent_id = o.id AND x.status = 'active')`;
  const [root] = await queryRows<{ id: string; name: string; has_children: boolean }>(db, sql`SELECT o.id, o.name, ${hasChildren} AS has_children FROM orgs o WHERE o.id = ${rootId}::uuid`);
  const kids = await queryRows<{ id: string; name: string; has_children: boolean }>(
    db,
    sql`SELECT o.id, o.name, ${hasChildren} AS has_children FROM orgs o WHERE o.parent_id = ${rootId}::uuid AND o.status = 'active' ORDER BY o.code`,
  );
  const counts = await countsUnder(db, auth, courseId, [rootId, ...kids.map((k) => k.id)]);
  const path = await queryRows<{ org_id: string; org_name: string }>(
    db,
    sql`SELECT o.id AS org_id, o.name AS org_name FROM org_closure oc JOIN orgs o ON o.id = oc.ancestor_id
        WHERE oc.descendant_id = ${rootId}::uuid AND oc.relation = 'territorial' AND ${scopePredicate(auth.scope, { org: sql`o.id` })}
        ORDER BY oc.depth DESC`,
  );
  return {
    courseId,
    courseTitle: course.title,
    root: statsRow(root!, counts.get(rootId)),
    rows: kids.map((k) => statsRow(k, counts.get(k.id))),
    path: path.map((p) => ({ orgId: p.org_id, orgName: p.org_name })),
  };
}

const COLUMNS = [
  { header: '组织', key: 'org', width: 36 },
  { header: '指派人数', key: 'assigned', width: 10 },
  { header: '已开始', key: 'started', width: 10 },
  { header: '已完成', key: 'finished', width: 10 },
  { header: '测验通过', key: 'passed', width: 10 },
  { header: '完成率', key: 'rate', width: 10 },
  { header: '平均分(最高成绩)', key: 'avg', width: 16 },
];

/** The statistics of one level as an xlsx (the org itself first, then each sub-org), audited. */
export async function exportLearningStats(db: Db, auth: AuthContext, actor: Actor, courseId: string, rootOrgId?: string): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const stats = await learningStats(db, auth, courseId, rootOrgId);
  await recordAudit(db, actor, { action: 'data.export', objectType: 'learning_course', objectId: courseId, detail: { stats: true, rootOrgId: stats.root.orgId } });
  const line = (r: LearningStatsRow, label: string): Record<string, CellValue> => ({
    org: label, assigned: r.assigned, started: r.started, finished: r.finished, passed: r.passed,
    rate: r.assigned ? `${((r.finished / r.assigned) * 100).toFixed(1)}%` : '', avg: r.averageScore ?? '',
  });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    yield line(stats.root, `${stats.root.orgName}(合计)`);
    for (const r of stats.rows) yield line(r, r.orgName);
  }
  const name = `学习完成统计-${stats.courseTitle.slice(0, 30)}-${shanghaiDate(new Date())}`;
  return { fileName: `${name}.xlsx`, write: (out) => writeXlsx(out, { name: '完成统计', columns: COLUMNS, rows: rows() }) };
}
