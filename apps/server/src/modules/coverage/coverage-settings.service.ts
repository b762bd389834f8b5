import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CoverageSettings, updateCoverageSettingsBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { setSetting } from '../../platform/db/settings.repository.js';
import { minEmployees } from './coverage.service.js';

/** The settings key read by the SQL function coverage_min_employees() (migration 0003). */
export const MIN_EMPLOYEES_SETTING = 'coverage.minEmployees';

export async function coverageSettings(ctx: AppContext): Promise<CoverageSettings> {
  return { minEmployees: await minEmployees(ctx.db) };
}

/**
 * Changes the 建会率 size threshold and rebuilds every counter in the same transaction, so no reader
 * ever sees figures counted with one threshold next to a threshold of another.
 *
 * Enterprise writes are held off for the length of the change (SHARE ROW EXCLUSIVE conflicts with
 * their ROW EXCLUSIVE, and with itself, so two changes run one after the other): the enterprise
 * triggers read the threshold, and a write racing the change would otherwise add its delta with
 * the old threshold after the recompute. Member writes need no lock: their counters do not depend
 * on the threshold, and the recompute's row locks on org_counters order them before or after it.
 */
export async function updateCoverageSettings(ctx: AppContext, actor: Actor, body: z.infer<typeof updateCoverageSettingsBodySchema>): Promise<CoverageSettings> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE enterprises IN SHARE ROW EXCLUSIVE MODE`);
    const before = await minEmployees(tx);
    await setSetting(tx, MIN_EMPLOYEES_SETTING, body.minEmployees);
    await tx.execute(sql`SELECT coverage_recompute()`);
    const after = await minEmployees(tx);
    await recordAudit(
      tx,
      actor,
      {
        action: 'data.update',
        objectType: 'setting',
        objectId: MIN_EMPLOYEES_SETTING,
        detail: { before: { minEmployees: before }, after: { minEmployees: after }, recomputed: true, ...(body.reason ? { reason: body.reason } : {}) },
      },
      true,
    );
    return { minEmployees: after };
  });
}
