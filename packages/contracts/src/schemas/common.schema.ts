import { z } from 'zod';

export const idParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }) });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/**
 * A list page. `totalCapped: true` (lists over very large tables, when filtered) means the count
 * stopped early: at least `total` items match.
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), totalCapped: z.boolean().optional(), page: z.number().int(), pageSize: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  /** true: the count stopped early, at least `total` items match */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** Optional trimmed text that turns '' into undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `不能超过${max}个字` })
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const requiredText = (max: number, label: string) =>
  z.string({ error: `请填写${label}` }).trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}不能超过${max}个字` });
