import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { heartbeatBodySchema, heartbeatResultSchema, idParamSchema, materialParamSchema, myCourseDetailSchema, myCourseSchema, quizPaperSchema, quizResultSchema, quizSubmitBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { heartbeat, markMaterial, myCourse, myCourses, myQuizPaper, openCourse, submitQuiz } from './learning-study.service.js';

/** The learner's side on H5: 我的学习, a course's materials, study time, the quiz. */
export function learningMemberRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['学习园地'];
  const self = { permission: 'learning:study:self' } as const;
  r.get('/api/m/learning/courses', { config: self, schema: { tags, summary: '我的学习:指派给我和向本单位公开的课程、截止日期与进度', response: { 200: z.array(myCourseSchema) } } }, (req) => myCourses(db, authOf(req)));
  r.get('/api/m/learning/courses/:id', { config: self, schema: { tags, summary: '课程:资料与我的进度、测验情况', params: idParamSchema, response: { 200: myCourseDetailSchema } } }, (req) => myCourse(db, authOf(req), req.params.id));
  r.post('/api/m/learning/courses/:id/open', { config: self, schema: { tags, summary: '进入课程(记录首次与最近学习时间)', params: idParamSchema, response: { 200: myCourseDetailSchema } } }, (req) => openCourse(db, authOf(req), req.params.id));
  r.post('/api/m/learning/courses/:id/materials/:materialId/open', { config: self, schema: { tags, summary: '打开一份资料', params: materialParamSchema, response: { 200: myCourseDetailSchema } } }, (req) =>
    markMaterial(db, authOf(req), req.params.id, req.params.materialId, false),
  );
  r.post('/api/m/learning/courses/:id/materials/:materialId/finish', { config: self, schema: { tags, summary: '标记资料已学完', params: materialParamSchema, response: { 200: myCourseDetailSchema } } }, (req) =>
    markMaterial(db, authOf(req), req.params.id, req.params.materialId, true),
  );
  r.post('/api/m/learning/courses/:id/heartbeat', { config: self, schema: { tags, summary: '学习计时(每次最多计60秒,且不超过距上次的时间)', params: idParamSchema, body: heartbeatBodySchema, response: { 200: heartbeatResultSchema } } }, (req) =>
    heartbeat(db, authOf(req), req.params.id, req.body.seconds),
  );
  r.get('/api/m/learning/courses/:id/quiz', { config: self, schema: { tags, summary: '测验试卷(不含答案)', params: idParamSchema, response: { 200: quizPaperSchema } } }, (req) => myQuizPaper(db, authOf(req), req.params.id));
  r.post('/api/m/learning/courses/:id/quiz', { config: self, schema: { tags, summary: '提交测验:服务器评分,多选题全对才得分,以最高分为准', params: idParamSchema, body: quizSubmitBodySchema, response: { 200: quizResultSchema } } }, (req) =>
    submitQuiz(db, authOf(req), actorOf(req), req.params.id, req.body.answers),
  );
}
