import { z } from 'zod';

export const AUDIT_ACTIONS = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.mfa_enabled': '启用双因素认证',
  'auth.password_changed': '修改密码',
  'auth.rate_limited': '登录频率超限',
  'access.denied': '越权访问被拒绝',
  'pii.reveal': '查看敏感信息明文',
  'data.export': '数据导出',
  'data.import': '数据导入',
  'data.create': '新增记录',
  'data.update': '修改记录',
  'data.delete': '删除记录',
  'workflow.action': '审批操作',
  'assessment.rate': '考评评分',
  'assessment.confirm': '考评确认等级',
  'assessment.revoke': '撤销考评结果',
  'condolence.override': '送温暖计划特批(低于上年标准)',
  'enrolment.signup': '活动报名',
  'enrolment.cancel': '取消报名',
  'enrolment.quota': '分配/收回名额',
  'enrolment.draw': '抽签',
  'enrolment.checkin': '签到',
  'ledger.income': '资金入账',
  'ledger.payout': '资金支付',
  'ledger.batch': '银行代发批次',
  'role.grant': '授予/收回角色',
  'role.change': '角色定义变更',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.password_reset': '重置密码',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const auditListQuerySchema = z.object({
  action: z.string().trim().max(40).optional(),
  username: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const auditRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  orgId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.string(),
  detail: z.unknown(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditVerifyAnswerSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  message: z.string(),
});
