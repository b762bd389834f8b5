import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';

export const OWNERSHIPS = ['国有', '集体', '民营', '外资', '港澳台资', '混合所有制', '社会组织', '其他'] as const;

export const createEnterpriseBodySchema = z.object({
  name: requiredText(100, '企业名称'),
  creditCode: z.string({ error: '请填写统一社会信用代码' }).trim().min(1, { error: '请填写统一社会信用代码' }).max(18, { error: '统一社会信用代码应为18位' }),
  divisionCode: z.string({ error: '请填写行政区划代码' }).trim().regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' }),
  employeeCount: z.coerce.number({ error: '请填写职工人数' }).int({ error: '职工人数应为整数' }).min(0, { error: '职工人数不能为负' }).max(1_000_000),
  unionOrgId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  acceptInvalidChecksum: z.boolean().optional(),
  reason: optionalText(200),
  address: optionalText(200),
  industry: optionalText(50),
  ownership: z.enum(OWNERSHIPS, { error: '所有制类型不正确' }).optional(),
  nonPublic: z.boolean().optional(),
  socialOrganisation: z.boolean().optional(),
  platformCompany: z.boolean().optional(),
});
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseBodySchema>;

export const updateEnterpriseBodySchema = createEnterpriseBodySchema.omit({ creditCode: true, acceptInvalidChecksum: true, reason: true }).partial().extend({
  unionOrgId: z.uuid().nullable().optional(),
  status: z.enum(['active', 'closed']).optional(),
});

export const reviewCreditCodeBodySchema = z.object({
  decision: z.enum(['confirmed', 'rejected'], { error: '请选择核实结果' }),
  opinion: requiredText(200, '核实意见'),
});

export const enterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  creditCodeChecksumValid: z.boolean(),
  creditCodeReviewStatus: z.enum(['pending', 'confirmed', 'rejected']).nullable(),
  creditCodeReviewReason: z.string().nullable(),
  divisionCode: z.string(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  ownership: z.string().nullable(),
  employeeCount: z.number().int(),
  nonPublic: z.boolean(),
  socialOrganisation: z.boolean(),
  platformCompany: z.boolean(),
  orgId: z.string(),
  orgName: z.string(),
  unionOrgId: z.string().nullable(),
  unionOrgName: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  abilities: z.object({ canEdit: z.boolean(), canReview: z.boolean() }),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  unionised: z.stringbool().optional(),
  review: z.enum(['pending', 'confirmed', 'rejected']).optional(),
  minEmployees: z.coerce.number().int().min(0).optional(),
  nonPublic: z.stringbool().optional(),
  platformCompany: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Export filters as a JSON body: booleans may come as JSON booleans or as 'true' / 'false'. */
const boolish = z.union([z.boolean(), z.stringbool()]);
export const enterpriseExportBodySchema = enterpriseListQuerySchema.omit({ page: true, pageSize: true }).extend({
  unionised: boolish.optional(),
  nonPublic: boolish.optional(),
  platformCompany: boolish.optional(),
});
