import type { FastifyInstance } from 'fastify';
import { MUTUAL_AID_ATTACHMENT_MAX_FILES, MUTUAL_AID_ATTACHMENT_TYPES, mutualAidClaimSchema, type PermissionCode } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { conflict, forbidden, notFound } from '../../platform/http/app-error.js';
import { workflowAbilities } from '../../platform/workflow/workflow.service.js';
import type { MutualAidContext } from './mutual-aid-period.service.js';
import { claimInstance, getClaim, visibleClaimRow } from './mutual-aid-claim.service.js';
import { mutualAidWorkflow } from './mutual-aid-workflow.js';

/** 发票 images and papers: the `attachments` list of a claim. */
export const MUTUAL_AID_ATTACHMENT_HOST: AttachmentHost = {
  table: 'mutual_aid_claims',
  column: 'attachments',
  objectType: 'mutual_aid_claim',
  purpose: 'mutual_aid.claim',
  maxFiles: MUTUAL_AID_ATTACHMENT_MAX_FILES,
  label: '发票及材料',
  types: MUTUAL_AID_ATTACHMENT_TYPES,
  touch: true,
};

/**
 * Staff within their scope, the member on H5 (`mine`) only for their own claims (else 404).
 * Adding: the filer side of a draft or returned claim, or the reviewer of the current step (409
 * once approved or finished). Removing: a draft or returned claim, the filer side only.
 */
async function claimAttachmentAccess(ctx: MutualAidContext, auth: AuthContext, id: string, mine: boolean): Promise<AttachmentAccess> {
  const r = await visibleClaimRow(ctx.db, auth, id);
  if (mine && r.filed_by !== auth.user.id && r.member_id !== auth.user.memberId) throw notFound('医疗互助申请');
  const can = await workflowAbilities(ctx.db, mutualAidWorkflow, auth, await claimInstance(ctx.db, id));
  const self = r.member_id === auth.user.memberId;
  return {
    orgId: r.org_id,
    list: r.attachments,
    uploadedBy: `${auth.user.name}${self ? '(本人)' : `(${auth.user.orgName})`}`,
    checkUpload() {
      if (!['draft', 'returned', 'in_review'].includes(r.status)) throw conflict('申请已办结,不能再上传材料', 'ILLEGAL_TRANSITION');
      if (!(can.canEdit || can.canApprove)) throw forbidden(r.status === 'in_review' ? '申请审核中,只有当前环节的审核人可以补充材料' : '您不能为该申请上传材料', 'NOT_YOUR_STEP');
    },
    checkDelete() {
      if (r.status !== 'draft' && r.status !== 'returned') throw conflict('只有草稿或退回修改的申请可以删除材料', 'ILLEGAL_TRANSITION');
      if (!can.canEdit) throw forbidden('只有申请人或代办工会可以删除材料');
    },
  };
}

/** Upload (multipart `type` + `file`), view, delete; staff and the member's H5. */
export function mutualAidAttachmentRoutes(app: FastifyInstance): void {
  const sides: { base: string; mine: boolean; view: PermissionCode; change: PermissionCode; who: string }[] = [
    { base: '/api/mutual-aid/claims', mine: false, view: 'mutual-aid:claim:list', change: 'mutual-aid:claim:create', who: '填报方(草稿、退回时)或当前环节审核人' },
    { base: '/api/m/mutual-aid/claims', mine: true, view: 'mutual-aid:claim:self', change: 'mutual-aid:claim:self', who: '会员本人(草稿、退回时)' },
  ];
  for (const s of sides) {
    registerAttachmentRoutes(app, {
      host: MUTUAL_AID_ATTACHMENT_HOST,
      base: s.base,
      segment: 'attachments',
      tags: ['医疗互助·申请'],
      view: s.view,
      change: s.change,
      who: s.who,
      access: (req, id) => claimAttachmentAccess(app.ctx, authOf(req), id, s.mine),
      result: (req, id) => getClaim(app.ctx, authOf(req), id),
      resultSchema: mutualAidClaimSchema,
    });
  }
}
