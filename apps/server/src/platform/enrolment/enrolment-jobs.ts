import type { JobRunner } from '../jobs/job-runner.js';
import { returnDueQuotas } from './enrolment-quota.js';

export const ENROLMENT_SWEEP_JOB = 'enrolment.sweep';
const SWEEP_EVERY_MS = 5 * 60_000;

/** Quotas past their return time give their unused places back to the pool that allocated them. */
export function registerEnrolmentJobs(jobs: JobRunner): void {
  jobs.registerRecurring(ENROLMENT_SWEEP_JOB, SWEEP_EVERY_MS, async (ctx) => ({ quotasReturned: await returnDueQuotas(ctx.db) }));
}
