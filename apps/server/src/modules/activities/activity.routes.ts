import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityListItemSchema,
  activityListQuerySchema,
  activitySchema,
  allocateQuotaBodySchema,
  cancelEnrolmentBodySchema,
  checkInBodySchema,
  checkInCodeSchema,
  checkInResultSchema,
  createActivityBodySchema,
  educationRefundBodySchema,
  enrolmentListQuerySchema,
  enrolmentSchema,
  idParamSchema,
  lotteryDrawBodySchema,
  memberActivitySchema,
  okSchema,
  pageOf,
  signupBodySchema,
  signupResultSchema,
  subsidyBodySchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { allocateActivityQuota, cancelActivity, createActivity, drawActivityLottery, getActivity, listActivities, publishActivity, updateActivity } from './activity.service.js';
import { cancelEnrolmentByStaff, checkInByCode, listEnrolments, nominateMember, signUpSelf } from './activity-enrolment.service.js';
import { payActivitySubsidy, payEducationRefund } from './activity-subsidy.service.js';
import { cancelMySignup, memberActivities, memberActivity, myCheckInCode, mySignups } from './activity-member.service.js';

const reasonBodySchema = z.object({ reason: z.string({ error: '请填写原因' }).trim().min(2, { error: '请填写原因(至少2个字)' }).max(200, { error: '原因不能超过200字' }) }).strict();
const enrolmentParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), enrolmentId: z.uuid({ error: '编号格式不正确' }) });

export async function activityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['活动报名'];
  r.get('/api/activities', { config: { permission: 'activity:activity:list' }, schema: { tags, summary: '活动列表(本单位主办及上级主办可报名的)', querystring: activityListQuerySchema, response: { 200: pageOf(activityListItemSchema) } } }, (req) =>
    listActivities(app.ctx, authOf(req), req.query),
  );
  r.post('/api/activities', { config: { permission: 'activity:activity:manage' }, schema: { tags, summary: '新建活动(草稿)', body: createActivityBodySchema, response: { 201: activitySchema } } }, async (req, reply) =>
    reply.code(201).send(await createActivity(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/activities/:id', { config: { permission: 'activity:activity:list' }, schema: { tags, summary: '活动详情、名额与报名情况', params: idParamSchema, response: { 200: activitySchema } } }, (req) =>
    getActivity(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/activities/:id', { config: { permission: 'activity:activity:manage' }, schema: { tags, summary: '修改草稿', params: idParamSchema, body: createActivityBodySchema, response: { 200: activitySchema } } }, (req) =>
    updateActivity(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/activities/:id/publish', { config: { permission: 'activity:activity:manage' }, schema: { tags, summary: '发布活动', params: idParamSchema, response: { 200: activitySchema } } }, (req) =>
    publishActivity(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
  r.post('/api/activities/:id/cancel', { config: { permission: 'activity:activity:manage' }, schema: { tags, summary: '取消活动(全部报名随之取消并通知会员)', params: idParamSchema, body: reasonBodySchema, response: { 200: activitySchema } } }, (req) =>
    cancelActivity(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.reason),
  );
  r.post('/api/activities/:id/quotas', { config: { permission: 'activity:quota:allocate' }, schema: { tags, summary: '向下级工会分配名额(可设收回时间)', params: idParamSchema, body: allocateQuotaBodySchema, response: { 200: activitySchema } } }, (req) =>
    allocateActivityQuota(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/activities/:id/draw', { config: { permission: 'activity:enrolment:manage' }, schema: { tags, summary: '抽签(公布种子,可复核)', params: idParamSchema, body: lotteryDrawBodySchema, response: { 200: activitySchema } } }, (req) =>
    drawActivityLottery(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.seed),
  );
  r.get('/api/activities/:id/enrolments', { config: { permission: 'activity:activity:list' }, schema: { tags, summary: '报名名单', params: idParamSchema, querystring: enrolmentListQuerySchema, response: { 200: pageOf(enrolmentSchema) } } }, (req) =>
    listEnrolments(app.ctx, authOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/activities/:id/nominations',
    { config: { permission: 'activity:enrolment:manage' }, schema: { tags, summary: '工会推荐会员报名(小候鸟、集体婚礼、圆梦计划须填写报名信息)', params: idParamSchema, body: z.object({ memberId: z.uuid({ error: '请选择会员' }), details: z.record(z.string(), z.unknown()).optional() }).strict(), response: { 201: signupResultSchema } } },
    async (req, reply) => reply.code(201).send(await nominateMember(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.memberId, req.body.details)),
  );
  r.post(
    '/api/activities/:id/enrolments/:enrolmentId/subsidy',
    { config: { permission: 'activity:subsidy:pay' }, schema: { tags, summary: '发放补贴(每人一次,重复请求不重复支付)', params: enrolmentParamSchema, body: subsidyBodySchema, response: { 200: z.object({ payoutId: z.uuid(), amountFen: z.number().int(), replayed: z.boolean() }) } } },
    (req) => payActivitySubsidy(app.ctx, authOf(req), actorOf(req), req.params.id, req.params.enrolmentId, req.body.fundId),
  );
  r.post('/api/activities/:id/enrolments/:enrolmentId/cancel', { config: { permission: 'activity:enrolment:manage' }, schema: { tags, summary: '取消某会员的报名(须填写原因,空出的名额自动给候补)', params: enrolmentParamSchema, body: reasonBodySchema, response: { 200: okSchema } } }, async (req) => {
    await cancelEnrolmentByStaff(app.ctx, authOf(req), actorOf(req), req.params.id, req.params.enrolmentId, req.body.reason);
    return { ok: true as const };
  });
  r.post(
    '/api/activities/:id/enrolments/:enrolmentId/education-refund',
    { config: { permission: 'activity:subsidy:pay' }, schema: { tags, summary: '圆梦计划退还学费(高级工/技师毕业前取得90%,高级技师/县级以上劳模/五一奖章全额;已付资助计入)', params: enrolmentParamSchema, body: educationRefundBodySchema, response: { 200: z.object({ payoutId: z.uuid(), amountFen: z.number().int(), replayed: z.boolean(), reason: z.string() }) } } },
    (req) => payEducationRefund(app.ctx, authOf(req), actorOf(req), req.params.id, req.params.enrolmentId, req.body),
  );
  r.post('/api/enrolment/check-in', { config: { permission: 'activity:checkin:scan' }, schema: { tags, summary: '扫码签到', body: checkInBodySchema, response: { 200: checkInResultSchema } } }, (req) =>
    checkInByCode(app.ctx, authOf(req), actorOf(req), req.body.code),
  );

  // the member's own (contract route, and the H5 portal)
  r.post('/api/activities/:id/signups', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '会员本人报名', params: idParamSchema, body: signupBodySchema, response: { 201: signupResultSchema } } }, async (req, reply) =>
    reply.code(201).send(await signUpSelf(app.ctx, authOf(req), actorOf(req), req.params.id, req.body?.details)),
  );
  r.get('/api/m/activities', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '可报名的活动', response: { 200: z.array(memberActivitySchema) } } }, (req) => memberActivities(app.ctx, authOf(req)));
  r.get('/api/m/activities/:id', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '活动详情与我的报名', params: idParamSchema, response: { 200: memberActivitySchema } } }, (req) =>
    memberActivity(app.ctx, authOf(req), req.params.id),
  );
  r.get('/api/m/signups', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '我的报名', response: { 200: z.array(memberActivitySchema) } } }, (req) => mySignups(app.ctx, authOf(req)));
  r.post('/api/m/activities/:id/cancel', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '取消我的报名(取消截止前)', params: idParamSchema, body: cancelEnrolmentBodySchema, response: { 200: memberActivitySchema } } }, (req) =>
    cancelMySignup(app.ctx, authOf(req), actorOf(req), req.params.id),
  );
  r.get('/api/m/activities/:id/check-in-code', { config: { permission: 'activity:signup:self' }, schema: { tags, summary: '我的签到二维码', params: idParamSchema, response: { 200: checkInCodeSchema } } }, (req) =>
    myCheckInCode(app.ctx, authOf(req), req.params.id),
  );
}
