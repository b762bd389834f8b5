import {
  HAZARD_GRADE_LABELS,
  HAZARD_STATUS_LABELS,
  type Hazard,
  type HazardAbilities,
  type HazardGrade,
  type HazardListItem,
  type HazardStatus,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { workflowStateOf } from '../../platform/workflow/workflow-view.js';
import { findInstance, workflowTimeline } from '../../platform/workflow/workflow.service.js';
import { hazardEventRows, type HazardRow } from './hazard.repository.js';
import { HAZARD_WORKFLOW_TYPE, hazardWorkflow } from './hazard-workflow.js';

export const HAZARD_EVENT_LABELS: Record<string, string> = {
  assign: '交办整改',
  rectify: '登记整改情况',
  verify: '验收通过',
  return: '验收不通过,退回整改',
  close: '销号',
  overdue: '整改逾期',
  points: '奖励积分',
};

/**
 * What the caller may do now. The reporter (H5) fills photos and submits a draft; the reviewer is
 * staff of the union the review step sits at; rectification, verification and closing are for
 * staff holding the codes (the record is already in their scope when this is asked).
 */
export function hazardAbilities(auth: AuthContext, r: HazardRow): HazardAbilities {
  const has = (code: Parameters<typeof auth.permissions.has>[0]) => auth.permissions.has(code);
  const mine = r.reporter_user_id === auth.user.id && has('hazard:report:self');
  const rectifying = r.status === 'rectifying' && has('hazard:report:rectify');
  return {
    canSubmit: mine && r.status === 'draft' && r.photos.length > 0,
    canEditPhotos: mine && r.status === 'draft',
    canReview: r.status === 'reported' && has('hazard:report:review') && r.assignee_org_id === auth.user.orgId,
    canRectify: rectifying,
    canEditRectifyPhotos: rectifying,
    canVerify: r.status === 'rectified' && has('hazard:report:verify'),
    canClose: r.status === 'verified' && has('hazard:report:verify'),
  };
}

export function hazardListItem(auth: AuthContext, r: HazardRow): HazardListItem {
  const status = r.status as HazardStatus;
  const grade = r.grade as HazardGrade | null;
  return {
    id: r.id,
    reportNo: r.report_no,
    reporterName: r.reporter_name,
    description: r.description,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    districtOrgId: r.district_org_id,
    districtName: r.district_name,
    orgId: r.org_id,
    orgName: r.org_name,
    status,
    statusLabel: HAZARD_STATUS_LABELS[status],
    grade,
    gradeLabel: grade ? HAZARD_GRADE_LABELS[grade] : null,
    rejectReason: r.reject_reason,
    assignee: r.assignee,
    deadlineWorkdays: r.deadline_workdays,
    rectifyDue: r.rectify_due,
    overdue: r.overdue,
    rectifyNote: r.rectify_note,
    verifyNote: r.verify_note,
    points: r.points,
    reportedAt: r.reported_at,
    createdAt: r.created_at,
    photoCount: r.photos.length,
    abilities: hazardAbilities(auth, r),
  };
}

/** The detail: photos, the review's timeline and the rectification history. */
export async function hazardDetail(db: Db, auth: AuthContext, r: HazardRow): Promise<Hazard> {
  const { photoCount: _count, ...item } = hazardListItem(auth, r);
  const inst = await findInstance(db, HAZARD_WORKFLOW_TYPE, r.id);
  const events = await hazardEventRows(db, r.id);
  return {
    ...item,
    photos: r.photos,
    rectifyPhotos: r.rectify_photos,
    workflow: inst ? workflowStateOf(hazardWorkflow, inst, r) : null,
    timeline: inst ? await workflowTimeline(db, inst.id) : [],
    events: events.map((e) => ({ at: e.at, action: e.action, actionLabel: HAZARD_EVENT_LABELS[e.action] ?? e.action, note: e.note, userName: e.user_name, orgName: e.org_name })),
  };
}
