import type { FastifyInstance } from 'fastify';
import { aidApplicationSchema, type PermissionCode } from '@gonghui/contracts';
import { authOf } from '../../platform/http/request-helpers.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { getAidApplication } from './aid-application.service.js';
import { AID_EVIDENCE_HOST } from './aid-evidence.js';
import { evidenceAccess } from './aid-evidence.service.js';

/** 证明材料 of aid applications: upload (multipart `type` + `file`), view, delete; staff and the worker's H5. */
export async function aidEvidenceRoutes(app: FastifyInstance): Promise<void> {
  const sides: { base: string; mine: boolean; view: PermissionCode; change: PermissionCode; who: string }[] = [
    { base: '/api/aid/applications', mine: false, view: 'aid:application:list', change: 'aid:application:create', who: '填报方(草稿、退回时)或当前环节审核人' },
    { base: '/api/m/aid/applications', mine: true, view: 'aid:application:apply', change: 'aid:application:apply', who: '职工本人(草稿、退回时)' },
  ];
  for (const s of sides) {
    registerAttachmentRoutes(app, {
      host: AID_EVIDENCE_HOST,
      base: s.base,
      segment: 'evidence',
      tags: ['春风行动·帮扶申请'],
      view: s.view,
      change: s.change,
      who: s.who,
      access: (req, id) => evidenceAccess(app.ctx, authOf(req), id, s.mine, req.method === 'GET'),
      result: (req, id) => getAidApplication(app.ctx, authOf(req), id),
      resultSchema: aidApplicationSchema,
    });
  }
}
