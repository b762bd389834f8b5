import { z } from 'zod';
import { requiredText } from './common.schema.js';

export const usernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, { error: '用户名应为2-32位字母、数字、下划线、点或连字符' });

export const createUserBodySchema = z.object({
  username: usernameSchema,
  name: requiredText(50, '姓名'),
  password: z.string({ error: '请填写初始密码' }).min(1, { error: '请填写初始密码' }).max(256),
  orgId: z.uuid({ error: '请选择所属组织' }),
  roleCodes: z.array(z.string().trim().min(1)).max(10).default([]),
  memberId: z.uuid().optional(),
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z.object({
  name: requiredText(50, '姓名').optional(),
  orgId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roleCodes: z.array(z.string().trim().min(1)).max(10).optional(),
});

export const resetPasswordBodySchema = z.object({
  password: z.string({ error: '请填写新密码' }).min(1).max(256),
});

export const grantPlatformRoleBodySchema = z.object({
  roleCode: z.enum(['sys_admin', 'security_admin', 'audit_admin']).nullable(),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string().nullable(),
  status: z.string(),
  roles: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
  mfaEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ canEdit: z.boolean(), canGrantPlatform: z.boolean() }),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  roleCode: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
