import { sql } from 'drizzle-orm';
import { defineWorkflow } from '../../platform/workflow/workflow-definition.js';

export const CRAFTSMAN_WORKFLOW_TYPE = 'honours.craftsman';
/** 公示 of the leading group's list: 7 calendar days. */
export const CRAFTSMAN_PUBLICITY_DAYS = 7;

/**
 * The 杭州工匠 chain: a district/county or industry union nominates → the city's 综合评审 (experts
 * score; the step is closed when enough have) → 领导小组审定 (杭州工匠 / 提名奖, or not selected:
 * reject) → 公示 → approved when 公示 ends (the city government's approval is then recorded on the
 * nomination). An objection during 公示 sends it back to the leading group, whose decision is cleared.
 */
export const craftsmanWorkflow = defineWorkflow({
  type: CRAFTSMAN_WORKFLOW_TYPE,
  objectType: 'craftsman_nomination',
  approvePermission: 'honours:craftsman:approve',
  filePermission: 'honours:craftsman:nominate',
  steps: [
    { key: 'review', label: '综合评审(专家评分)', level: 'city', slaWorkdays: 20 },
    { key: 'decision', label: '领导小组审定', level: 'city', slaWorkdays: 10 },
  ],
  publicity: { days: () => Promise.resolve(CRAFTSMAN_PUBLICITY_DAYS) },
  reopenStep: 'decision',
  escalateAfterWorkdays: 5,
  onStatusChange: async (tx, change) => {
    if (change.to === 'in_review' && (change.action === 'objection' || change.action === 'reopen')) {
      await tx.execute(sql`UPDATE craftsman_nominations SET decision = NULL, decided_at = NULL, updated_at = now() WHERE id = ${change.businessId}`);
    }
    if (change.to === 'rejected') await tx.execute(sql`UPDATE craftsman_nominations SET decision = NULL, decided_at = now(), updated_at = now() WHERE id = ${change.businessId}`);
  },
});
