import { defineWorkflow } from '../../platform/workflow/workflow-definition.js';

export const MUTUAL_AID_WORKFLOW_TYPE = 'mutual_aid.claim';

/**
 * 医疗互助 claims: the member's grassroots union checks the papers (初审), the district federation
 * reviews the computation (复核), then the claim is approved and paid from the period's fund. No
 * 公示: medical data stays private.
 */
export const mutualAidWorkflow = defineWorkflow({
  type: MUTUAL_AID_WORKFLOW_TYPE,
  objectType: 'mutual_aid_claim',
  approvePermission: 'mutual-aid:claim:approve',
  filePermission: 'mutual-aid:claim:create',
  steps: [
    { key: 'grassroots_review', label: '基层工会初审', level: 'grassroots', slaWorkdays: 5 },
    { key: 'district_review', label: '区县(市)总工会复核', level: 'district', slaWorkdays: 5 },
  ],
  escalateAfterWorkdays: 3,
});
