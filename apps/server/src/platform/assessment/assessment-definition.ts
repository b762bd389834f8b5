import { sql } from 'drizzle-orm';
import type { PermissionCode, SubjectKind } from '@gonghui/contracts';
import type { Db } from '../db/db-connection.js';
import { defineWorkflow, type WorkflowDefinition, type WorkflowLevel } from '../workflow/workflow-definition.js';

/**
 * A business use of the assessment mechanism (职工之家, 和谐劳动关系企业 ...), declared once by its
 * module: the template it scores against, who fills, reviews and confirms, at which levels, and
 * the subject's facts a grade may require. The review chain is a platform workflow:
 * review step(s) by level, then the confirming level; the assessment's own status follows it.
 */
export interface AssessmentDefinition {
  templateCode: string;
  objectType: string;
  /** what the UI calls the subject, e.g. 职工之家 */
  label: string;
  subjectKind: SubjectKind;
  listPermission: PermissionCode;
  /** the subject's side: fills the self-assessment, uploads evidence, submits, withdraws */
  filePermission: PermissionCode;
  /** raters and the review step */
  reviewPermission: PermissionCode;
  /** the last step: sets the grade; also revokes */
  confirmPermission: PermissionCode;
  reviewSteps: { key: string; label: string; level: WorkflowLevel }[];
  confirmStep: { label: string; level: WorkflowLevel };
  /** facts of the subject read at submit (e.g. { membershipRate: 0.97 }) */
  facts?(db: Db, subjectId: string): Promise<Record<string, number | null>>;
  workflow: WorkflowDefinition;
}

export const CONFIRM_STEP_KEY = 'confirm';

/** The assessment status after a workflow move that ends a stage (moves within the review chain are set by the service, which knows the step). */
function statusAfter(change: { to: string; action: string }): string | null {
  if (change.action === 'return') return 'returned';
  if (change.action === 'withdraw') return 'withdrawn';
  if (change.action === 'approve' && change.to === 'approved') return 'confirmed';
  return null;
}

export function defineAssessment(def: Omit<AssessmentDefinition, 'workflow'>): AssessmentDefinition {
  const workflow = defineWorkflow({
    type: `assessment.${def.templateCode}`,
    objectType: def.objectType,
    approvePermission: def.reviewPermission,
    filePermission: def.filePermission,
    steps: [
      ...def.reviewSteps.map((s) => ({ ...s, slaWorkdays: 10 })),
      { key: CONFIRM_STEP_KEY, label: def.confirmStep.label, level: def.confirmStep.level, slaWorkdays: 10 },
    ],
    onStatusChange: async (tx, change) => {
      const status = statusAfter(change);
      if (status) await tx.execute(sql`UPDATE assessments SET status = ${status}, updated_at = now() WHERE id = ${change.businessId}`);
    },
  });
  return { ...def, workflow };
}
