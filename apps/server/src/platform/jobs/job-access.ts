import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../db/db-connection.js';
import { scopePredicate } from '../access/data-scope.js';
import type { AuthContext } from '../auth/session.service.js';
import { jobs, type JobRow } from './job.schema.js';

/** A job the caller may see: one they started, or one of an org in their scope. */
export async function findJobForUser(db: Db, auth: AuthContext, id: string): Promise<JobRow | null> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), or(eq(jobs.createdBy, auth.user.id), scopePredicate(auth.scope, { org: jobs.orgId }))));
  return row ?? null;
}
