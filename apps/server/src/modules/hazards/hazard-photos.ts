import type { FastifyInstance } from 'fastify';
import { HAZARD_PHOTO_MAX_FILES, HAZARD_PHOTO_TYPES, HAZARD_RECTIFY_PHOTO_TYPES, hazardSchema, type PermissionCode } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { conflict, forbidden } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import type { HazardRow } from './hazard.repository.js';
import { hazardAbilities } from './hazard-view.js';
import { getHazard, getMyHazard, myHazardRow, visibleHazard, type HazardContext } from './hazard.service.js';

const IMAGES = ['jpeg', 'png'] as const;

/** 隐患照片: the reporter's photos of the place (1-9), images only by their bytes. */
export const HAZARD_PHOTO_HOST: AttachmentHost = {
  table: 'hazard_reports',
  column: 'photos',
  objectType: 'hazard_report',
  purpose: 'hazard.photo',
  maxFiles: HAZARD_PHOTO_MAX_FILES,
  label: '隐患照片',
  types: HAZARD_PHOTO_TYPES,
  touch: true,
  kinds: IMAGES,
};

/** 整改照片: the rectified place, added by the staff recording the rectification. */
export const HAZARD_RECTIFY_PHOTO_HOST: AttachmentHost = { ...HAZARD_PHOTO_HOST, column: 'rectify_photos', purpose: 'hazard.rectify-photo', label: '整改照片', types: HAZARD_RECTIFY_PHOTO_TYPES };

type Side = 'mine' | 'staff';
type Which = 'scene' | 'rectified';

/** Who may change the list now: the reporter their draft's photos; rectifying staff the rectification photos. */
function accessOf(auth: AuthContext, r: HazardRow, side: Side, which: Which): AttachmentAccess {
  const can = hazardAbilities(auth, r);
  const check = () => {
    if (which === 'scene') {
      if (side !== 'mine') throw forbidden('隐患照片由上报人上传');
      if (r.status !== 'draft') throw conflict('报告已提交,不能再修改照片', 'ILLEGAL_TRANSITION');
      if (!can.canEditPhotos) throw forbidden('只有上报人可以修改隐患照片');
      return;
    }
    if (side !== 'staff') throw forbidden('整改照片由负责整改的工会上传');
    if (r.status !== 'rectifying') throw conflict('该隐患不在整改中,不能修改整改照片', 'ILLEGAL_TRANSITION');
    if (!can.canEditRectifyPhotos) throw forbidden('您不能修改该隐患的整改照片');
  };
  return {
    orgId: r.org_id,
    list: which === 'scene' ? r.photos : r.rectify_photos,
    uploadedBy: side === 'mine' ? `${auth.user.name}(本人)` : `${auth.user.name}(${auth.user.orgName})`,
    checkUpload: check,
    checkDelete: check,
  };
}

/** Upload, view and delete of both photo lists, for the reporter on H5 and for staff (scope first: 404 outside). */
export function hazardPhotoRoutes(app: FastifyInstance, ctx: HazardContext): void {
  const sides: { side: Side; base: string; view: PermissionCode; change: Record<Which, PermissionCode> }[] = [
    { side: 'mine', base: '/api/m/hazards', view: 'hazard:report:self', change: { scene: 'hazard:report:self', rectified: 'hazard:report:self' } },
    { side: 'staff', base: '/api/hazards', view: 'hazard:report:list', change: { scene: 'hazard:report:review', rectified: 'hazard:report:rectify' } },
  ];
  const lists: { which: Which; segment: string; host: AttachmentHost }[] = [
    { which: 'scene', segment: 'photos', host: HAZARD_PHOTO_HOST },
    { which: 'rectified', segment: 'rectify-photos', host: HAZARD_RECTIFY_PHOTO_HOST },
  ];
  for (const s of sides) {
    const row = (auth: AuthContext, id: string) => (s.side === 'mine' ? myHazardRow(ctx.db, auth, id) : visibleHazard(ctx.db, auth, id));
    for (const l of lists) {
      registerAttachmentRoutes(app, {
        host: l.host,
        base: s.base,
        segment: l.segment,
        tags: ['安全隐患随手拍'],
        view: s.view,
        change: s.change[l.which],
        who: l.which === 'scene' ? '上报人(提交前)' : '负责整改的工会(整改中)',
        access: async (req, id) => accessOf(authOf(req), await row(authOf(req), id), s.side, l.which),
        result: (req, id) => (s.side === 'mine' ? getMyHazard(ctx, authOf(req), id) : getHazard(ctx, authOf(req), id)),
        resultSchema: hazardSchema,
      });
    }
  }
}
