import { z } from 'zod';
import { optionalText } from './common.schema.js';

export const coverageFiguresSchema = z.object({
  enterprises: z.number().int(),
  enterprisesAtSize: z.number().int(),
  unionisedEnterprises: z.number().int(),
  unionisedAtSize: z.number().int(),
  employees: z.number().int(),
  unionisedEmployees: z.number().int(),
  members: z.number().int(),
  /** 建会率: unionised enterprises at or above the size threshold / enterprises at or above it */
  unionisationRate: z.number(),
  /** 入会率: members / employees of unionised enterprises */
  membershipRate: z.number(),
});
export type CoverageFigures = z.infer<typeof coverageFiguresSchema>;

export const coverageSchema = coverageFiguresSchema.extend({
  orgId: z.string(),
  orgName: z.string(),
  minEmployees: z.number().int(),
  lastYear: coverageFiguresSchema.extend({ year: z.number().int() }).nullable(),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const coverageChildrenSchema = z.object({
  org: coverageSchema,
  children: z.array(coverageSchema.extend({ kind: z.string(), hasChildren: z.boolean() })),
});

/** The 建会率 counting rule: only enterprises with at least this many employees enter the denominator. */
export const COVERAGE_MIN_EMPLOYEES_RANGE = { min: 1, max: 100_000 } as const;
const minEmployeesMessage = `企业规模下限应为 ${COVERAGE_MIN_EMPLOYEES_RANGE.min} 至 ${COVERAGE_MIN_EMPLOYEES_RANGE.max} 之间的整数(职工人数)`;

export const coverageSettingsSchema = z.object({
  minEmployees: z.number().int(),
});
export type CoverageSettings = z.infer<typeof coverageSettingsSchema>;

export const updateCoverageSettingsBodySchema = z.object({
  minEmployees: z
    .number({ error: (issue) => (issue.input === undefined ? '请填写企业规模下限' : minEmployeesMessage) })
    .int({ error: minEmployeesMessage })
    .min(COVERAGE_MIN_EMPLOYEES_RANGE.min, { error: minEmployeesMessage })
    .max(COVERAGE_MIN_EMPLOYEES_RANGE.max, { error: minEmployeesMessage }),
  reason: optionalText(200),
});
export type UpdateCoverageSettingsBody = z.input<typeof updateCoverageSettingsBodySchema>;
