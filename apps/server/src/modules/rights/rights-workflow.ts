import { RIGHTS_ACCEPT_WORKDAYS, RIGHTS_HANDLE_WORKDAYS, type RightsUrgency } from '@gonghui/contracts';
import { defineWorkflow, type WorkflowDefinition, type WorkflowStep } from '../../platform/workflow/workflow-definition.js';

export const RIGHTS_WORKFLOW_PREFIX = 'rights.case.';
export const rightsWorkflowType = (urgency: RightsUrgency): string => `${RIGHTS_WORKFLOW_PREFIX}${urgency}`;

/** The city takes a step itself only where the case has no district (the employer's location unknown). */
const cityOnly = ({ levels }: { levels: ReadonlySet<string> }): boolean => !levels.has('district');

function steps(handleWorkdays: number): WorkflowStep[] {
  const accept = { label: '受理', slaWorkdays: RIGHTS_ACCEPT_WORKDAYS };
  const handle = { label: '调处结案', slaWorkdays: handleWorkdays };
  return [
    { key: 'accept', level: 'district', ...accept },
    { key: 'accept_city', level: 'city', when: cityOnly, ...accept },
    { key: 'handle', level: 'district', ...handle },
    { key: 'handle_city', level: 'city', when: cityOnly, ...handle },
  ];
}

/**
 * 维权案件: accept within 1 工作日, then handle to closure within 15 (紧急) or 30 (一般) 工作日 at the
 * district union of the employer's location (the city when unknown). A step past its due date is
 * reminded the next day and escalated to the parent union 1 工作日 later (the shared SLA sweep).
 */
function rightsWorkflow(urgency: RightsUrgency): WorkflowDefinition {
  return defineWorkflow({
    type: rightsWorkflowType(urgency),
    objectType: 'rights_case',
    approvePermission: 'rights:case:handle',
    filePermission: 'rights:case:intake',
    steps: steps(RIGHTS_HANDLE_WORKDAYS[urgency]),
    escalateAfterWorkdays: 1,
  });
}

export const RIGHTS_WORKFLOWS: Record<RightsUrgency, WorkflowDefinition> = { normal: rightsWorkflow('normal'), urgent: rightsWorkflow('urgent') };
