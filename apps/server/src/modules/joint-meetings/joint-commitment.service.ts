import { COMMITMENT_STATE_LABELS, type Commitment, type CommitmentListQuery } from '@gonghui/contracts';
import type { DataScope } from '../../platform/access/data-scope.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import type { ExportRow, ListExport } from '../../platform/import-export/list-export.js';
import { trackedRows } from '../../platform/tracking/tracking.repository.js';
import { trackedView } from '../../platform/tracking/tracking.service.js';
import { COMMITMENT_KIND } from './joint-commitment-kind.js';
import { commitmentWithContext, visibleCommitments } from './joint-meeting.repository.js';
import { commitmentView } from './joint-meeting.service.js';

/** Commitments in the scope as views (auth null: no abilities, e.g. the export job). */
export async function commitmentsIn(db: Db, scope: DataScope, auth: AuthContext | null, q: CommitmentListQuery): Promise<Commitment[]> {
  const rows = await visibleCommitments(db, scope, q);
  const tracked = new Map((await trackedRows(db, scope, { kind: COMMITMENT_KIND.kind, businessIds: rows.map((r) => r.c.id) })).map((t) => [t.businessId, trackedView(t, auth)]));
  return rows
    .filter((r) => tracked.has(r.c.id))
    .map((r) => commitmentView(r.c, tracked.get(r.c.id)!, { id: r.m.id, title: r.m.title, meetingDate: r.m.meetingDate }, r.a.topic))
    .filter((c) => !q.state || c.state === q.state);
}

export function listCommitments(db: Db, auth: AuthContext, q: CommitmentListQuery): Promise<Commitment[]> {
  return commitmentsIn(db, auth.scope, auth, q);
}

export async function getCommitment(db: Db, auth: AuthContext, id: string): Promise<Commitment> {
  const row = await commitmentWithContext(db, auth.scope, id);
  if (!row) throw notFound('议定事项');
  const [t] = await trackedRows(db, auth.scope, { kind: COMMITMENT_KIND.kind, id: row.c.trackedItemId });
  if (!t) throw notFound('议定事项');
  return commitmentView(row.c, trackedView(t, auth), { id: row.m.id, title: row.m.title, meetingDate: row.m.meetingDate }, row.a.topic);
}

const cells = (c: Commitment): ExportRow => ({
  meeting: c.meetingTitle,
  date: c.meetingDate,
  topic: c.topic,
  content: c.content,
  department: c.governmentDepartment,
  owner: c.tracking.ownerOrgName,
  deadline: c.tracking.deadline,
  state: COMMITMENT_STATE_LABELS[c.state],
  percent: c.tracking.percent,
  note: c.tracking.closingNote ?? '',
});

/** 导出议定事项 (xlsx): the list with its filters, in the requester's scope. */
export const COMMITMENT_EXPORT: ListExport<CommitmentListQuery> = {
  job: 'joint-commitments.export',
  permission: 'joint:meeting:list',
  name: '联席会议议定事项',
  objectType: 'joint_commitment',
  columns: [
    { header: '会议', key: 'meeting', width: 30 },
    { header: '会议日期', key: 'date', width: 12 },
    { header: '议题', key: 'topic', width: 36 },
    { header: '议定事项', key: 'content', width: 50 },
    { header: '政府责任部门', key: 'department', width: 18 },
    { header: '工会责任单位', key: 'owner', width: 18 },
    { header: '完成时限', key: 'deadline', width: 12 },
    { header: '状态', key: 'state', width: 8 },
    { header: '进度(%)', key: 'percent', width: 8 },
    { header: '办结说明', key: 'note', width: 30 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    if (page > 1) return [];
    return (await commitmentsIn(db, scope, null, filter)).slice(0, pageSize).map(cells);
  },
};
