import type { FastifyInstance } from 'fastify';
import { EVIDENCE_MAX_FILES, EVIDENCE_TYPES, scoreSchema } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { conflict, forbidden } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getScore, loadScore } from './competition-score.service.js';

/** 佐证材料 of one participant's score for one period. */
export const SCORE_EVIDENCE_HOST: AttachmentHost = {
  table: 'competition_scores',
  column: 'evidence',
  objectType: 'competition_score',
  purpose: 'competition.evidence',
  maxFiles: EVIDENCE_MAX_FILES,
  label: '佐证材料',
  types: EVIDENCE_TYPES,
  touch: true,
};

/** Evidence routes of a score: viewed in scope; added and removed by the submitting side until the score is verified. */
export function registerScoreEvidenceRoutes(app: FastifyInstance, tags: string[]): void {
  const db = app.ctx.db;
  registerAttachmentRoutes(app, {
    host: SCORE_EVIDENCE_HOST,
    base: '/api/competitions/scores',
    segment: 'evidence',
    tags,
    view: 'competition:campaign:list',
    change: 'competition:score:submit',
    who: '填报单位,核定前',
    access: async (req, id): Promise<AttachmentAccess> => {
      const auth = authOf(req);
      const { s, c } = await loadScore(db, auth, id);
      const check = () => {
        if (s.status === 'verified' || c.status !== 'running') throw conflict('得分已核定或竞赛已结束,不能再修改佐证材料', 'ILLEGAL_TRANSITION');
        if (!auth.permissions.has('competition:score:submit')) throw forbidden();
      };
      return { orgId: s.participant_org_id, list: s.evidence, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
    },
    result: (req, id) => getScore(db, authOf(req), id),
    resultSchema: scoreSchema,
  });
}
