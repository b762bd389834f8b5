import { conflict } from '../../platform/http/app-error.js';
import { defineWorkflow } from '../../platform/workflow/workflow-definition.js';
import { planShortfalls } from './condolence-plan.repository.js';
import { shortfallReason } from './condolence-rules.js';

export const CONDOLENCE_PLAN_WORKFLOW = 'condolence.plan';

/**
 * A 送温暖 plan's review: a district's plan is checked by the district (区县总工会审核) and approved
 * by the city; the city's own plan is approved by the city. The approval is refused while the
 * plan is below last year's (只做加法) unless a city approver recorded an override in the same
 * transaction: the rule holds whoever calls the workflow.
 */
export const condolencePlanWorkflow = defineWorkflow({
  type: CONDOLENCE_PLAN_WORKFLOW,
  objectType: 'condolence_plan',
  approvePermission: 'condolence:plan:approve',
  filePermission: 'condolence:plan:manage',
  steps: [
    { key: 'district_review', label: '区县(市)总工会审核', level: 'district', slaWorkdays: 5 },
    { key: 'city_approval', label: '市总工会审批', level: 'city', slaWorkdays: 5 },
  ],
  escalateAfterWorkdays: 3,
  onStatusChange: async (tx, change) => {
    if (change.to !== 'approved') return;
    const { shortfalls, overridden } = await planShortfalls(tx, change.businessId);
    if (shortfalls.length > 0 && !overridden) throw conflict(shortfallReason(shortfalls), 'CONDOLENCE_BELOW_LAST_YEAR');
  },
});
