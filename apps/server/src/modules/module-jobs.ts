import type { JobRunner } from '../platform/jobs/job-runner.js';
import type { FieldCrypto } from '../platform/crypto/field-crypto.js';
import { registerMemberJobs } from './members/member-jobs.js';
import { registerEnterpriseJobs } from './enterprises/enterprise-jobs.js';
import { registerHouseholdJobs } from './hardship-aid/household-jobs.js';
import { registerDonationJobs } from './hardship-aid/donation-jobs.js';
import { registerUnionHomeJobs } from './union-homes/union-home-export.js';
import { registerCompetitionJobs } from './competitions/competition-export.js';
import { registerHazardJobs } from './hazards/hazard-jobs.js';
import { registerLegalNoticeJobs } from './legal-supervision/legal-notice-jobs.js';
import { registerWageContractJobs } from './wage-bargaining/wage-contract-jobs.js';

/** Modules register their background job handlers here (imports, exports, reminders ...). */
export function registerJobHandlers(jobs: JobRunner, deps: { crypto: FieldCrypto }): void {
  registerMemberJobs(jobs, deps);
  registerEnterpriseJobs(jobs);
  registerHouseholdJobs(jobs, deps);
  registerDonationJobs(jobs);
  registerUnionHomeJobs(jobs);
  registerCompetitionJobs(jobs);
  registerHazardJobs(jobs);
  registerLegalNoticeJobs(jobs);
  registerWageContractJobs(jobs);
}
