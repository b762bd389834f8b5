import { registerListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { COMMITMENT_EXPORT } from './joint-commitment.service.js';

export function registerJointMeetingJobs(jobs: JobRunner): void {
  registerListExport(jobs, COMMITMENT_EXPORT);
}
