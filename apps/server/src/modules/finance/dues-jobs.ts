import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { runImport, type ImportPayload } from '../../platform/import-export/import-runner.js';
import { duesBaseImportDefinition } from './dues-base-import.js';

export const DUES_BASE_IMPORT_JOB = 'dues-bases.import';

/** 会费基数 import, with the importing user's scope as it is when the job runs. */
export function registerDuesJobs(jobs: JobRunner): void {
  jobs.register(DUES_BASE_IMPORT_JOB, async (ctx) => {
    const payload = ctx.job.payload as ImportPayload & { userId: string };
    const access = await loadUserAccess(ctx.db, payload.userId);
    const actor = { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null };
    return runImport(ctx, duesBaseImportDefinition({ scope: access.scope, actor }), payload);
  });
}
