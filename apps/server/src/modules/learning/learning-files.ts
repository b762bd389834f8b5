import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { attachmentParamSchema, courseSchema, MATERIAL_FILE_MAX, MATERIAL_FILE_TYPES, materialParamSchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { findAttachment } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes, sendAttachment } from '../../platform/files/attachment.routes.js';
import { DOCUMENT_KINDS } from '../../platform/files/file-kind.js';
import { conflict, forbidden, notFound } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getCourse, visibleCourse } from './learning-course.service.js';
import { materialsOf } from './learning-course.repository.js';
import { myStudyRow } from './learning-study.repository.js';

/** 文档资料: the files of a document material (PDF or images by their bytes), kept on the material row. */
export const MATERIAL_FILE_HOST: AttachmentHost = {
  table: 'learning_materials',
  column: 'files',
  objectType: 'learning_material',
  purpose: 'learning.material',
  maxFiles: MATERIAL_FILE_MAX,
  label: '文档资料',
  types: MATERIAL_FILE_TYPES,
  kinds: DOCUMENT_KINDS,
  touch: true,
};

async function materialOf(db: Db, courseId: string, materialId: string) {
  const m = (await materialsOf(db, courseId)).find((x) => x.id === materialId);
  if (!m) throw notFound('学习资料');
  return m;
}

/** Staff upload/view/delete under `/api/learning/materials/:id/files` (scope via the course); learners view under their course. */
export function learningFileRoutes(app: FastifyInstance): void {
  const db = app.ctx.db;
  const staffAccess = async (auth: AuthContext, materialId: string): Promise<AttachmentAccess> => {
    const [m] = await queryRows<{ course_id: string }>(db, sql`SELECT course_id FROM learning_materials WHERE id = ${materialId}::uuid`);
    if (!m) throw notFound('学习资料');
    const course = await visibleCourse(db, auth, m.course_id);
    const material = await materialOf(db, m.course_id, materialId);
    const check = () => {
      if (!auth.permissions.has('learning:course:manage') || !course.owned) throw forbidden('只有课程所属组织的工作人员可以修改资料');
      if (course.status === 'published') throw conflict('已发布的课程不能修改资料,请先下架', 'ILLEGAL_TRANSITION');
      if (material.kind !== 'document') throw conflict('只有文档类资料可以上传文件', 'ILLEGAL_TRANSITION');
    };
    return { orgId: course.org_id, list: material.files, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
  };
  registerAttachmentRoutes(app, {
    host: MATERIAL_FILE_HOST,
    base: '/api/learning/materials',
    segment: 'files',
    tags: ['学习园地'],
    view: 'learning:course:list',
    change: 'learning:course:manage',
    who: '课程所属组织的工作人员(未发布时)',
    access: (req, id) => staffAccess(authOf(req), id),
    result: async (req, id) => {
      const [m] = await queryRows<{ course_id: string }>(db, sql`SELECT course_id FROM learning_materials WHERE id = ${id}::uuid`);
      return getCourse(db, authOf(req), m!.course_id);
    },
    resultSchema: courseSchema,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/m/learning/courses/:id/materials/:materialId/files/:fileId',
    { config: { permission: 'learning:study:self' }, schema: { tags: ['学习园地'], summary: '打开文档资料(在浏览器中查看)', params: materialParamSchema.extend({ fileId: attachmentParamSchema.shape.fileId }) } },
    async (req, reply) => {
      const auth = authOf(req);
      const row = await myStudyRow(db, auth, req.params.id);
      const material = await materialOf(db, row.id, req.params.materialId);
      const [course] = await queryRows<{ org_id: string }>(db, sql`SELECT org_id FROM learning_courses WHERE id = ${row.id}::uuid`);
      const access: AttachmentAccess = { orgId: course!.org_id, list: material.files, uploadedBy: '', checkUpload: () => undefined, checkDelete: () => undefined };
      return sendAttachment(app, reply, await findAttachment(db, MATERIAL_FILE_HOST, access, req.params.fileId));
    },
  );
}
