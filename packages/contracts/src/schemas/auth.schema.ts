import { z } from 'zod';
import { requiredText } from './common.schema.js';

export const loginBodySchema = z.object({
  username: requiredText(64, '用户名'),
  password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(256),
  otp: z.string().trim().regex(/^\d{6}$/, { error: '动态验证码应为6位数字' }).optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionAnswerSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  mfaSetupRequired: z.boolean(),
  passwordChangeRequired: z.boolean(),
  demo: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
});
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

export const mfaSetupAnswerSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const mfaConfirmBodySchema = z.object({ otp: z.string().trim().regex(/^\d{6}$/, { error: '动态验证码应为6位数字' }) });

export const changePasswordBodySchema = z.object({
  oldPassword: z.string({ error: '请填写原密码' }).min(1, { error: '请填写原密码' }).max(256),
  newPassword: z.string({ error: '请填写新密码' }).min(1, { error: '请填写新密码' }).max(256),
});
