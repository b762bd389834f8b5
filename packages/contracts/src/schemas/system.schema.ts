import { z } from 'zod';

export const healthAnswerSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const systemInfoSchema = z.object({
  cityName: z.string(),
  demo: z.boolean(),
  mfa: z.boolean(),
  version: z.string(),
  calendarWarning: z.string().nullable(),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;
