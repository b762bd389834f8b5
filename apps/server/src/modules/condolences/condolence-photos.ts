import type { FastifyInstance } from 'fastify';
import { CONDOLENCE_PHOTO_MAX_FILES, CONDOLENCE_PHOTO_TYPES, condolenceVisitSchema } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { forbidden } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getVisit } from './condolence-visit.service.js';
import type { CondolenceContext } from './condolence-plan.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';

export const CONDOLENCE_PHOTO_HOST: AttachmentHost = {
  table: 'condolence_visits',
  column: 'photos',
  objectType: 'condolence_visit',
  purpose: 'condolence_photo',
  maxFiles: CONDOLENCE_PHOTO_MAX_FILES,
  label: '慰问照片',
  types: CONDOLENCE_PHOTO_TYPES,
  touch: true,
};

/** A visit the caller sees (else 404): its photos are stored under its union. */
async function photoAccess(ctx: CondolenceContext, auth: AuthContext, id: string): Promise<AttachmentAccess> {
  const v = await getVisit(ctx, auth, id);
  const check = () => {
    if (!v.abilities.canEditPhotos) throw forbidden('您不能修改该慰问记录的照片');
  };
  return { orgId: v.orgId, list: v.photos, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
}

/** 慰问照片 of a visit: upload (multipart `type`=photo + `file`), view, delete. */
export function condolencePhotoRoutes(app: FastifyInstance): void {
  registerAttachmentRoutes(app, {
    host: CONDOLENCE_PHOTO_HOST,
    base: '/api/condolences/visits',
    segment: 'photos',
    tags: ['送温暖'],
    view: 'condolence:visit:list',
    change: 'condolence:visit:record',
    who: '登记慰问的工会',
    access: (req, id) => photoAccess(app.ctx, authOf(req), id),
    result: (req, id) => getVisit(app.ctx, authOf(req), id),
    resultSchema: condolenceVisitSchema,
  });
}
