import type { PermissionCode } from '@gonghui/contracts';
import type { Db } from '../db/db-connection.js';

/** The levels of the org tree a review step can sit at. */
export type WorkflowLevel = 'grassroots' | 'street' | 'district' | 'city';

export interface WorkflowStep {
  key: string;
  /** shown in the timeline and inbox, e.g. 基层初审 */
  label: string;
  /** the org acting on the step: the case's own unit's ancestor (or itself) of this kind */
  level: WorkflowLevel;
  /** the step applies only when this holds (e.g. city approval above an amount; a district step only where no grassroots union sits above the case) */
  when?: (c: { amountFen: number; thresholds: Record<string, number>; levels: ReadonlySet<WorkflowLevel> }) => boolean;
  /** 工作日 to act before a reminder; escalation to the parent org after `escalateAfterWorkdays` more */
  slaWorkdays: number;
}

export interface WorkflowPublicity {
  /** calendar days the case stays on the public page before it is approved (read when 公示 starts) */
  days(db: Db): Promise<number>;
}

/** What happens to the business record when its case reaches an outcome. */
export interface WorkflowHooks {
  /** inside the transaction of the action; may throw to refuse it */
  onStatusChange?(tx: Db, change: { businessId: string; from: string; to: string; action: string }): Promise<void>;
}

/** A business type's review chain, declared once by its module. */
export interface WorkflowDefinition extends WorkflowHooks {
  type: string;
  /** the object named in audit rows */
  objectType: string;
  /** who acts on review steps */
  approvePermission: PermissionCode;
  /** who files, submits, edits and withdraws (besides the filer themself) */
  filePermission: PermissionCode;
  steps: WorkflowStep[];
  /** a public notice before approval, or none */
  publicity?: WorkflowPublicity;
  /** the step an objection or a reopen sends the case back to (default: the last applicable review step) */
  reopenStep?: string;
  escalateAfterWorkdays?: number;
  /** current amount thresholds (read from settings per case), passed to `when` */
  thresholds?(db: Db): Promise<Record<string, number>>;
}

const registry = new Map<string, WorkflowDefinition>();

export function defineWorkflow(def: WorkflowDefinition): WorkflowDefinition {
  if (def.steps.length === 0) throw new Error(`workflow ${def.type} has no steps`);
  registry.set(def.type, def);
  return def;
}

export function workflowDefinition(type: string): WorkflowDefinition {
  const def = registry.get(type);
  if (!def) throw new Error(`unknown workflow type ${type}`);
  return def;
}

export function workflowDefinitions(): WorkflowDefinition[] {
  return [...registry.values()];
}
