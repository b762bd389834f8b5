import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentBodySchema,
  assignmentListQuerySchema,
  assignmentPageSchema,
  assignmentPreviewSchema,
  assignmentSchema,
  courseBodySchema,
  courseListQuerySchema,
  coursePageSchema,
  courseSchema,
  idParamSchema,
  learningStatsQuerySchema,
  learningStatsSchema,
  okSchema,
  personOptionSchema,
  personQuerySchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { findPeople } from './learning-assignees.js';
import { createAssignment, listAssignments, previewAssignment } from './learning-assignment.service.js';
import { createCourse, deleteCourse, getCourse, listCourses, setCourseStatus, updateCourse } from './learning-course.service.js';
import { learningFileRoutes } from './learning-files.js';
import { learningMemberRoutes } from './learning-member.routes.js';
import { exportLearningStats, learningStats } from './learning-stats.service.js';

/** 学习园地, staff side: courses (materials, quiz), assignments, completion statistics; and the learners' H5 side. */
export async function learningRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['学习园地'];
  const list = { permission: 'learning:course:list' } as const;
  const manage = { permission: 'learning:course:manage' } as const;
  const assign = { permission: 'learning:assignment:manage' } as const;
  r.get('/api/learning/courses', { config: list, schema: { tags, summary: '课程列表(本单位及下级的课程,筛选、分页)', querystring: courseListQuerySchema, response: { 200: coursePageSchema } } }, (req) => listCourses(db, authOf(req), req.query));
  r.get('/api/learning/courses/:id', { config: list, schema: { tags, summary: '课程详情:资料(按顺序)、测验(含答案)、可执行操作', params: idParamSchema, response: { 200: courseSchema } } }, (req) => getCourse(db, authOf(req), req.params.id));
  r.post('/api/learning/courses', { config: manage, schema: { tags, summary: '新建课程(草稿)', body: courseBodySchema, response: { 201: courseSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCourse(db, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/learning/courses/:id', { config: manage, schema: { tags, summary: '修改课程、资料顺序与测验(草稿或已下架)', params: idParamSchema, body: courseBodySchema, response: { 200: courseSchema } } }, (req) =>
    updateCourse(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/learning/courses/:id/publish', { config: manage, schema: { tags, summary: '发布课程(文档资料须已上传文件)', params: idParamSchema, response: { 200: courseSchema } } }, (req) =>
    setCourseStatus(db, authOf(req), actorOf(req), req.params.id, 'published'),
  );
  r.post('/api/learning/courses/:id/withdraw', { config: manage, schema: { tags, summary: '下架课程(学员不再可见;可修改后重新发布)', params: idParamSchema, response: { 200: courseSchema } } }, (req) =>
    setCourseStatus(db, authOf(req), actorOf(req), req.params.id, 'withdrawn'),
  );
  r.delete('/api/learning/courses/:id', { config: manage, schema: { tags, summary: '删除未指派过的草稿', params: idParamSchema, response: { 200: okSchema } } }, async (req) => {
    await deleteCourse(db, authOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });
  r.get('/api/learning/assignments', { config: list, schema: { tags, summary: '指派记录(人数、完成人数、提醒)', querystring: assignmentListQuerySchema, response: { 200: assignmentPageSchema } } }, (req) => listAssignments(db, authOf(req), req.query));
  r.post('/api/learning/courses/:id/assignments/preview', { config: assign, schema: { tags, summary: '按所选范围预计指派人数', params: idParamSchema, body: assignmentBodySchema, response: { 200: assignmentPreviewSchema } } }, (req) =>
    previewAssignment(db, authOf(req), req.params.id, req.body),
  );
  r.post('/api/learning/courses/:id/assignments', { config: assign, schema: { tags, summary: '指派课程:按组织(会员或干部)或指定人员,截止日期;人员名单在指派时确定', params: idParamSchema, body: assignmentBodySchema, response: { 201: assignmentSchema } } }, async (req, reply) =>
    reply.code(201).send(await createAssignment(db, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.get('/api/learning/people', { config: assign, schema: { tags, summary: '按姓名查找可指派人员(数据范围内)', querystring: personQuerySchema, response: { 200: z.array(personOptionSchema) } } }, (req) => findPeople(db, authOf(req), req.query.q));
  r.get('/api/learning/stats', { config: list, schema: { tags, summary: '课程完成统计:本级与各下级组织(可逐级下钻)', querystring: learningStatsQuerySchema, response: { 200: learningStatsSchema } } }, (req) =>
    learningStats(db, authOf(req), req.query.courseId, req.query.rootOrgId),
  );
  r.get('/api/learning/stats/export.xlsx', { config: list, schema: { tags, summary: '导出完成统计(当前层级,审计)', querystring: learningStatsQuerySchema } }, async (req, reply) => {
    const file = await exportLearningStats(db, authOf(req), actorOf(req), req.query.courseId, req.query.rootOrgId);
    return sendXlsx(reply, file.fileName, file.write);
  });
  learningFileRoutes(app);
  learningMemberRoutes(app);
}
