import { z } from 'zod';
import { ASSESSMENT_STATUSES } from './assessment.schema.js';
import { pageQuerySchema } from './common.schema.js';

/**
 * 企业社会责任 (five dimensions: 诚信、活力、绿色、和谐、爱心企业) and 和谐劳动关系企业 creation at
 * district and city level: three uses of the shared assessment mechanism, the subject an enterprise.
 */
export const CSR_KINDS = ['csr', 'harmony_district', 'harmony_city'] as const;
export type CsrKind = (typeof CSR_KINDS)[number];
export const CSR_KIND_LABELS: Record<CsrKind, string> = {
  csr: '企业社会责任评价',
  harmony_district: '区级和谐劳动关系企业',
  harmony_city: '市级和谐劳动关系企业',
};
export const CSR_TEMPLATE_CODES: Record<CsrKind, string> = { csr: 'csr', harmony_district: 'harmony-district', harmony_city: 'harmony-city' };
/** URL segment of each kind's assessment routes: /api/csr/<segment>/assessments/:id */
export const CSR_ROUTE_SEGMENTS: Record<CsrKind, string> = { csr: 'evaluations', harmony_district: 'harmony-district', harmony_city: 'harmony-city' };
export const CSR_DIMENSIONS = ['integrity', 'vitality', 'green', 'harmony', 'charity'] as const;
export const CSR_DIMENSION_LABELS: Record<(typeof CSR_DIMENSIONS)[number], string> = { integrity: '诚信企业', vitality: '活力企业', green: '绿色企业', harmony: '和谐企业', charity: '爱心企业' };

const year = z.coerce.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' });

export const csrStartBodySchema = z.object({
  kind: z.enum(CSR_KINDS, { error: '请选择评价类别' }),
  enterpriseId: z.uuid({ error: '请选择企业' }),
  cycleYear: year.optional(),
});

export const csrListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(CSR_KINDS).default('csr'),
  cycleYear: year.optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
});

export const csrListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(CSR_KINDS),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  orgName: z.string(),
  districtName: z.string().nullable(),
  cycleYear: z.number(),
  status: z.enum(ASSESSMENT_STATUSES),
  statusLabel: z.string(),
  selfScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  gradeCode: z.string().nullable(),
  gradeLabel: z.string().nullable(),
});
export type CsrListItem = z.infer<typeof csrListItemSchema>;

export const csrPublishedQuerySchema = z.object({ kind: z.enum(CSR_KINDS).default('csr'), cycleYear: year });

/** The published list of a year: confirmed results, ranked by score. */
export const csrPublishedSchema = z.object({
  kind: z.enum(CSR_KINDS),
  kindLabel: z.string(),
  cycleYear: z.number(),
  items: z.array(
    z.object({
      rank: z.number().nullable(),
      assessmentId: z.string(),
      enterpriseName: z.string(),
      districtName: z.string().nullable(),
      gradeCode: z.string().nullable(),
      gradeLabel: z.string().nullable(),
      finalScore: z.number().nullable(),
      confirmedAt: z.string().nullable(),
    }),
  ),
});
export type CsrPublished = z.infer<typeof csrPublishedSchema>;
