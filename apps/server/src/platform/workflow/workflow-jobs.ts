import type { Db } from '../db/db-connection.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { workflowDefinitions } from './workflow-definition.js';
import { closeEndedPublicity } from './workflow.service.js';
import { runSlaSweep } from './workflow-sla.js';

export const WORKFLOW_SWEEP_JOB = 'workflow.sweep';
const SWEEP_EVERY_MS = 10 * 60_000;

/** Every chain's timers: 公示 windows that ended, steps past their SLA (reminder, then escalation). */
export async function sweepWorkflows(jobs: { db: Db }): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const def of workflowDefinitions()) {
    const approved = await closeEndedPublicity(jobs.db, def);
    const sla = await runSlaSweep(jobs.db, def);
    out[def.type] = { publicityClosed: approved, ...sla };
  }
  return out;
}

export function registerWorkflowJobs(jobs: JobRunner): void {
  jobs.registerRecurring(WORKFLOW_SWEEP_JOB, SWEEP_EVERY_MS, (ctx) => sweepWorkflows({ db: ctx.db }));
}
