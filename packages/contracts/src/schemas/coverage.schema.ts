import { z } from 'zod';

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
