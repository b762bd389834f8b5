import type { AuthContext } from '../../platform/auth/session.service.js';
import type { AttachmentAccess } from '../../platform/files/attachment-list.js';
import { conflict, forbidden, notFound } from '../../platform/http/app-error.js';
import { loadAidCase, visibleAidRow, type AidContext } from './aid-application.service.js';
import { isTimelineAttachment } from './aid-evidence.js';

const FINISHED = ['publicity', 'approved', 'rejected', 'withdrawn'];

/**
 * What the caller may do with an application's 证明材料: staff (`mine` false) within their scope,
 * the worker on the H5 (`mine`) only for an application they filed or that is about their member
 * record (else 404). Adding: 409 once the case is in 公示 or finished, 403 unless the caller is the
 * filer side of a draft / returned application or a reviewer of the current step (abilities
 * canEdit, canApprove, canRecordVisit). Removing: a draft or returned application, the filer side
 * only. Files attached to a timeline entry may be viewed and are kept on removal.
 */
export async function evidenceAccess(ctx: AidContext, auth: AuthContext, id: string, mine: boolean, forView = false): Promise<AttachmentAccess> {
  const row = forView && !mine ? await visibleAidRow(ctx, auth, id) : null;
  const found = row ? null : await loadAidCase(ctx, auth, id);
  const r = row ?? found!.row;
  if (mine && r.filed_by !== auth.user.id && r.member_id !== auth.user.memberId) throw notFound('帮扶申请');
  const self = r.member_id === auth.user.memberId;
  return {
    orgId: r.org_id,
    list: r.evidence,
    uploadedBy: `${auth.user.name}${self ? '(本人)' : `(${auth.user.orgName})`}`,
    checkUpload() {
      const app = found!.app;
      if (FINISHED.includes(app.status)) throw conflict('申请已进入公示或已办结,不能再上传证明材料', 'ILLEGAL_TRANSITION');
      const a = app.abilities;
      if (!(a.canEdit || a.canApprove || a.canRecordVisit)) {
        throw forbidden(app.status === 'in_review' ? '申请审核中,只有当前环节的审核人可以补充证明材料' : '您不能为该申请上传证明材料', 'NOT_YOUR_STEP');
      }
    },
    checkDelete() {
      const app = found!.app;
      if (app.status !== 'draft' && app.status !== 'returned') throw conflict('只有草稿或退回修改的申请可以删除证明材料', 'ILLEGAL_TRANSITION');
      if (!app.abilities.canEdit) throw forbidden('只有申请人或代办工会可以删除证明材料');
    },
    cites: (db, fileId) => isTimelineAttachment(db, id, fileId),
  };
}
