import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  result: z.unknown().optional(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;
