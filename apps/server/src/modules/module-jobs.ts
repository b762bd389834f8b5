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
import { registerJointMeetingJobs } from './joint-meetings/joint-meeting-jobs.js';
import { registerWorkPlanJobs } from './work-plans/work-plan-jobs.js';
import { registerWageContractJobs } from './wage-bargaining/wage-contract-jobs.js';
import { registerRatingJobs } from './ratings/rating-code-jobs.js';
import { registerCadreJobs } from './cadres/cadre-jobs.js';
import { registerNewsJobs } from './news/news-views.js';
import { registerNoticeJobs } from './notices/notice-jobs.js';
import { registerProposalJobs } from './proposals/proposal-export.js';
import { registerLearningJobs } from './learning/learning-jobs.js';
import { registerContributionJobs } from './finance/contribution-jobs.js';
import { registerDuesJobs } from './finance/dues-jobs.js';

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
  registerJointMeetingJobs(jobs);
  registerWorkPlanJobs(jobs);
  registerWageContractJobs(jobs);
  registerRatingJobs(jobs, deps);
  registerCadreJobs(jobs);
  registerNewsJobs(jobs);
  registerNoticeJobs(jobs);
  registerProposalJobs(jobs);
  registerLearningJobs(jobs);
  registerContributionJobs(jobs);
  registerDuesJobs(jobs);
}
