import type { JobRunner } from '../platform/jobs/job-runner.js';
import type { FieldCrypto } from '../platform/crypto/field-crypto.js';
import { registerMemberJobs } from './members/member-jobs.js';
import { registerEnterpriseJobs } from './enterprises/enterprise-jobs.js';
import { registerHouseholdJobs } from './hardship-aid/household-jobs.js';
import { registerDonationJobs } from './hardship-aid/donation-jobs.js';
import { registerUnionHomeJobs } from './union-homes/union-home-export.js';

/** Modules register their background job handlers here (imports, exports, reminders ...). */
export function registerJobHandlers(jobs: JobRunner, deps: { crypto: FieldCrypto }): void {
  registerMemberJobs(jobs, deps);
  registerEnterpriseJobs(jobs);
  registerHouseholdJobs(jobs, deps);
  registerDonationJobs(jobs);
  registerUnionHomeJobs(jobs);
}
