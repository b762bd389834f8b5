import { defineWorkflow } from '../../platform/workflow/workflow-definition.js';

export const HAZARD_WORKFLOW_TYPE = 'hazard.report';

/**
 * The review of a 随手拍 report by the union responsible for it: the enterprise's grassroots union,
 * or the district union of the place when the enterprise has none. Approval is acceptance (with a
 * grade, then rectification on the report itself); rejection ends it with the reason shown to the
 * reporter.
 */
export const hazardWorkflow = defineWorkflow({
  type: HAZARD_WORKFLOW_TYPE,
  objectType: 'hazard_report',
  approvePermission: 'hazard:report:review',
  filePermission: 'hazard:report:self',
  steps: [
    { key: 'grassroots_review', label: '基层工会审核', level: 'grassroots', slaWorkdays: 3 },
    { key: 'district_review', label: '区县(市)总工会审核', level: 'district', slaWorkdays: 3, when: ({ levels }) => !levels.has('grassroots') },
  ],
  escalateAfterWorkdays: 2,
});
