import { z } from 'zod';
import { optionalText, requiredText } from './common.schema.js';

export const ORG_KINDS = ['city', 'district', 'street', 'industry', 'grassroots'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市总工会',
  district: '区县(市)总工会',
  street: '街道(乡镇)总工会',
  industry: '产业工会',
  grassroots: '基层工会',
};
export const UNION_TYPES = ['enterprise', 'joint', 'regional', 'industry'] as const;
export type UnionType = (typeof UNION_TYPES)[number];
export const UNION_TYPE_LABELS: Record<UnionType, string> = {
  enterprise: '单独建会(企业工会)',
  joint: '联合工会',
  regional: '区域性工会',
  industry: '行业性工会',
};

export const orgCodeSchema = z.string().trim().regex(/^[A-Za-z0-9-]{4,32}$/, { error: '工会组织编码应为4-32位字母、数字或连字符' });

export const createOrgBodySchema = z.object({
  parentId: z.uuid({ error: '请选择上级组织' }),
  industryParentId: z.uuid().optional(),
  name: requiredText(100, '组织名称'),
  kind: z.enum(ORG_KINDS, { error: '组织类型应为 city、district、street、industry 或 grassroots' }),
  unionType: z.enum(UNION_TYPES, { error: '工会类型不正确' }).optional(),
  creditCode: optionalText(18),
  code: orgCodeSchema.optional(),
  divisionCode: z.string().trim().regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' }).optional(),
  address: optionalText(200),
  contactName: optionalText(50),
  contactPhone: optionalText(20),
});
export type CreateOrgBody = z.infer<typeof createOrgBodySchema>;

export const updateOrgBodySchema = z.object({
  name: requiredText(100, '组织名称').optional(),
  unionType: z.enum(UNION_TYPES).nullable().optional(),
  creditCode: optionalText(18).nullable(),
  address: optionalText(200).nullable(),
  contactName: optionalText(50).nullable(),
  contactPhone: optionalText(20).nullable(),
  status: z.enum(['active', 'dissolved']).optional(),
});

export const moveOrgBodySchema = z.object({
  parentId: z.uuid({ error: '请选择新的上级组织' }).optional(),
  industryParentId: z.uuid().nullable().optional(),
});

export const orgSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  unionType: z.enum(UNION_TYPES).nullable(),
  creditCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
  parentId: z.string().nullable(),
  industryParentId: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.string(),
  path: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  abilities: z.object({ canEdit: z.boolean(), canCreateChild: z.boolean(), canMove: z.boolean() }).optional(),
});
export type Org = z.infer<typeof orgSchema>;

export interface OrgTreeNode {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  unionType: UnionType | null;
  divisionCode?: string;
  industryParentId: string | null;
  children: OrgTreeNode[];
}
export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    unionType: z.enum(UNION_TYPES).nullable(),
    divisionCode: z.string().optional(),
    industryParentId: z.string().nullable(),
    children: z.array(orgTreeNodeSchema),
  }),
);

export const orgListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  parentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
