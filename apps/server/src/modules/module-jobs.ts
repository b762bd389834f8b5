import type { JobRunner } from '../platform/jobs/job-runner.js';

/** Modules register their background job handlers here (imports, exports, reminders ...). */
export function registerJobHandlers(_jobs: JobRunner): void {
  // added by the modules' issues
}
