import { sql } from 'drizzle-orm';
import { defineWorkflow } from '../../platform/workflow/workflow-definition.js';
import { cityThresholdFen, publicityDays } from './aid-settings.js';

export const AID_WORKFLOW_TYPE = 'aid.application';

/**
 * The 全总 hardship-aid chain: grassroots 初审 → (入户调查) → district 复审 → city 审批 above a
 * configured amount → 公示 → approved. An objection during 公示 sends it back to the district.
 */
export const aidWorkflow = defineWorkflow({
  type: AID_WORKFLOW_TYPE,
  objectType: 'aid_application',
  approvePermission: 'aid:application:approve',
  filePermission: 'aid:application:create',
  steps: [
    { key: 'grassroots_review', label: '基层工会初审', level: 'grassroots', slaWorkdays: 5 },
    { key: 'district_review', label: '区县(市)总工会复审', level: 'district', slaWorkdays: 5 },
    { key: 'city_approval', label: '市总工会审批', level: 'city', slaWorkdays: 5, when: ({ amountFen, thresholds }) => amountFen > (thresholds.city ?? Infinity) },
  ],
  publicity: { days: publicityDays },
  reopenStep: 'district_review',
  escalateAfterWorkdays: 3,
  thresholds: async (db) => ({ city: await cityThresholdFen(db) }),
  onStatusChange: async (tx, change) => {
    if (change.to === 'approved') {
      await tx.execute(sql`UPDATE aid_applications SET approved_amount_fen = coalesce(approved_amount_fen, amount_fen), updated_at = now() WHERE id = ${change.businessId}`);
    }
  },
});
