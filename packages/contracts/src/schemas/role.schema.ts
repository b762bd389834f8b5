import { z } from 'zod';
import { DATA_SCOPES } from '../permissions.js';
import { requiredText } from './common.schema.js';

export const roleSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['platform', 'business']),
  scope: z.enum(DATA_SCOPES),
  builtin: z.boolean(),
  permissions: z.array(z.string()),
  scopeOrgIds: z.array(z.string()),
  description: z.string().nullable(),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

export const roleBodySchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{2,39}$/, { error: '角色编码应为3-40位小写字母、数字或下划线,字母开头' }),
  name: requiredText(50, '角色名称'),
  scope: z.enum(DATA_SCOPES, { error: '数据范围不正确' }),
  permissions: z.array(z.string()).max(500),
  scopeOrgIds: z.array(z.uuid()).max(200).default([]),
  description: z.string().trim().max(200).optional(),
});
export const roleUpdateBodySchema = roleBodySchema.omit({ code: true }).partial();
