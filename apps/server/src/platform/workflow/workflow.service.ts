import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/session.service.js';
import type { Actor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { orgInScopeSql } from '../access/data-scope.js';
import { addWorkdays, shanghaiDate } from '../calendar/work-calendar.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { AppError, conflict, forbidden, invalidField } from '../http/app-error.js';
import type { WorkflowDefinition, WorkflowLevel, WorkflowStep } from './workflow-definition.js';
import { workflowEvents, workflowInstances } from './workflow.schema.js';
import { ACTION_LABELS, FILER_ACTIONS, OPINION_REQUIRED, isLegal, type WorkflowAction, type WorkflowStatus } from './workflow-state.js';

export type WorkflowInstance = typeof workflowInstances.$inferSelect;
export type WorkflowEvent = typeof workflowEvents.$inferSelect;

/** What the caller may do with a case now (returned with every record; the UI shows these buttons only). */
export interface WorkflowAbilities {
  canEdit: boolean;
  canSubmit: boolean;
  canApprove: boolean;
  canReject: boolean;
  canReturn: boolean;
  canWithdraw: boolean;
  canReopen: boolean;
}

export interface TimelineEntry {
  at: string;
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string;
  stepLabel: string | null;
  userName: string | null;
  orgName: string | null;
  opinion: string | null;
  attachments: string[];
}

/** Who did it, for the timeline: a user, or the system (a job, the public). */
export interface TimelineActor {
  userId: string | null;
  userName: string | null;
  orgId: string | null;
  orgName: string | null;
}

export const systemActor = (name: string): TimelineActor => ({ userId: null, userName: name, orgId: null, orgName: null });
export const userActor = (auth: AuthContext): TimelineActor => ({ userId: auth.user.id, userName: auth.user.name, orgId: auth.user.orgId, orgName: auth.user.orgName });

/** The case's unit and its territorial ancestors, nearest first: who sits at each level. */
async function levelOrgs(db: Db, orgId: string): Promise<Map<WorkflowLevel, string>> {
  const rows = await queryRows<{ id: string; kind: string }>(
    db,
    sql`SELECT o.id, o.kind FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
        WHERE c.descendant_id = ${orgId} AND c.relation = 'territorial' ORDER BY c.depth`,
  );
  const map = new Map<WorkflowLevel, string>();
  for (const r of rows) if (!map.has(r.kind as WorkflowLevel)) map.set(r.kind as WorkflowLevel, r.id);
  return map;
}

interface ResolvedStep {
  index: number;
  step: WorkflowStep;
  orgId: string;
}

/** The chain for this case: the steps whose condition holds and whose level exists above the unit. */
async function resolveChain(db: Db, def: WorkflowDefinition, inst: Pick<WorkflowInstance, 'orgId' | 'amountFen'>): Promise<ResolvedStep[]> {
  const thresholds = def.thresholds ? await def.thresholds(db) : {};
  const orgs = await levelOrgs(db, inst.orgId);
  const chain: ResolvedStep[] = [];
  def.steps.forEach((step, index) => {
    if (step.when && !step.when({ amountFen: inst.amountFen, thresholds, levels: new Set(orgs.keys()) })) return;
    const orgId = orgs.get(step.level);
    if (orgId) chain.push({ index, step, orgId });
  });
  if (chain.length === 0) throw new Error(`workflow ${def.type}: no step applies to org ${inst.orgId}`);
  return chain;
}

const reopenTarget = (def: WorkflowDefinition, chain: ResolvedStep[]): ResolvedStep => chain.find((c) => c.step.key === def.reopenStep) ?? chain[chain.length - 1]!;

async function inScope(db: Db, auth: AuthContext, orgId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, orgInScopeSql(auth.scope, orgId));
  return row?.ok === true;
}

/** The filer side: whoever created the case, or staff holding the file permission over its unit. */
async function isFiler(db: Db, def: WorkflowDefinition, auth: AuthContext, inst: WorkflowInstance): Promise<boolean> {
  if (inst.createdBy === auth.user.id) return true;
  return auth.permissions.has(def.filePermission) && (await inScope(db, auth, inst.orgId));
}

/** A reviewer of `orgId`'s step: staff of that very org holding the approve permission. */
const isReviewerAt = (def: WorkflowDefinition, auth: AuthContext, orgId: string | null): boolean => orgId !== null && auth.user.orgId === orgId && auth.permissions.has(def.approvePermission);

export async function workflowAbilities(db: Db, def: WorkflowDefinition, auth: AuthContext, inst: WorkflowInstance): Promise<WorkflowAbilities> {
  const status = inst.status as WorkflowStatus;
  const filer = ['draft', 'returned', 'in_review'].includes(status) && (await isFiler(db, def, auth, inst));
  const reviewer = status === 'in_review' && isReviewerAt(def, auth, inst.assigneeOrgId);
  const reopener = status === 'rejected' && isReviewerAt(def, auth, reopenTarget(def, await resolveChain(db, def, inst)).orgId);
  return {
    canEdit: filer && status !== 'in_review',
    canSubmit: filer && isLegal(status, 'submit'),
    canApprove: reviewer,
    canReject: reviewer,
    canReturn: reviewer,
    canWithdraw: filer && isLegal(status, 'withdraw'),
    canReopen: reopener,
  };
}

export async function findInstance(db: Db, businessType: string, businessId: string): Promise<WorkflowInstance | null> {
  const [row] = await db
    .select()
    .from(workflowInstances)
    .where(and(eq(workflowInstances.businessType, businessType), eq(workflowInstances.businessId, businessId)));
  return row ?? null;
}

export async function workflowTimeline(db: Db, instanceId: string): Promise<TimelineEntry[]> {
  const rows = await db.select().from(workflowEvents).where(eq(workflowEvents.instanceId, instanceId)).orderBy(asc(workflowEvents.id));
  return rows.map((e) => ({
    at: e.at.toISOString(),
    action: e.action,
    actionLabel: (ACTION_LABELS as Record<string, string>)[e.action] ?? e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    stepLabel: e.stepLabel,
    userName: e.userName,
    orgName: e.orgName,
    opinion: e.opinion,
    attachments: Array.isArray(e.attachments) ? (e.attachments as string[]) : [],
  }));
}

async function appendEvent(
  tx: Db,
  inst: { id: string },
  e: { action: string; from: string | null; to: string; step: WorkflowStep | null; who: TimelineActor; opinion?: string | null; attachments?: string[] },
): Promise<void> {
  await tx.insert(workflowEvents).values({
    instanceId: inst.id,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    stepKey: e.step?.key ?? null,
    stepLabel: e.step?.label ?? null,
    userId: e.who.userId,
    userName: e.who.userName,
    orgId: e.who.orgId,
    orgName: e.who.orgName,
    opinion: e.opinion ?? null,
    attachments: e.attachments ?? [],
  });
}

export interface NewCase {
  businessId: string;
  orgId: string;
  amountFen: number;
  publicName: string;
  publicSummary: string;
}

/** Opens a case as a draft, in the caller's transaction (with the business row). */
export async function createCase(tx: Db, def: WorkflowDefinition, c: NewCase, who: TimelineActor): Promise<WorkflowInstance> {
  const [inst] = await tx
    .insert(workflowInstances)
    .values({ businessType: def.type, businessId: c.businessId, orgId: c.orgId, amountFen: c.amountFen, publicName: c.publicName, publicSummary: c.publicSummary, createdBy: who.userId })
    .returning();
  await appendEvent(tx, inst!, { action: 'create', from: null, to: 'draft', step: null, who });
  return inst!;
}

/** Changes a draft's amount or 公示 text (the thresholds read the amount at submit). */
export async function updateCaseFacts(tx: Db, inst: WorkflowInstance, facts: { amountFen?: number; publicName?: string; publicSummary?: string }): Promise<void> {
  await tx
    .update(workflowInstances)
    .set({ ...facts, updatedAt: sql`now()` })
    .where(eq(workflowInstances.id, inst.id));
}

interface Move {
  status: WorkflowStatus;
  step: ResolvedStep | null;
}

/** The last 工作日 (Asia/Shanghai, holidays and 调休 included) of a step started at `now`. */
export const dueDateFor = (now: Date, slaWorkdays: number): string => addWorkdays(shanghaiDate(now), slaWorkdays);

function stepFields(move: Move, now: Date, publicityDays: number | null) {
  const s = move.step;
  return {
    status: move.status,
    stepIndex: s?.index ?? null,
    stepKey: s?.step.key ?? null,
    assigneeOrgId: move.status === 'in_review' ? (s?.orgId ?? null) : null,
    stepStartedAt: move.status === 'in_review' ? now : null,
    stepDueDate: move.status === 'in_review' && s ? dueDateFor(now, s.step.slaWorkdays) : null,
    remindedAt: null,
    escalatedAt: null,
    ...(move.status === 'publicity' && publicityDays !== null ? { publicityStartsAt: now, publicityEndsAt: new Date(now.getTime() + publicityDays * 86_400_000) } : {}),
    finishedAt: ['approved', 'rejected', 'withdrawn'].includes(move.status) ? now : null,
  };
}

/** Writes a move with optimistic concurrency: a case changed meanwhile answers 409. */
async function applyMove(
  tx: Db,
  def: WorkflowDefinition,
  inst: WorkflowInstance,
  move: Move,
  e: { action: string; who: TimelineActor; opinion?: string | null; attachments?: string[] },
  actor: Actor,
): Promise<void> {
  const now = new Date();
  const publicityDays = move.status === 'publicity' && def.publicity ? await def.publicity.days(tx) : null;
  const [row] = await tx
    .update(workflowInstances)
    .set({ ...stepFields(move, now, publicityDays), version: sql`${workflowInstances.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(workflowInstances.id, inst.id), eq(workflowInstances.version, inst.version)))
    .returning({ id: workflowInstances.id });
  if (!row) throw new AppError(409, '该事项已被他人处理,请刷新后再试', 'ILLEGAL_TRANSITION');
  await appendEvent(tx, inst, { action: e.action, from: inst.status, to: move.status, step: currentStep(def, inst) ?? move.step?.step ?? null, who: e.who, opinion: e.opinion, attachments: e.attachments });
  await recordAudit(tx, actor, { action: 'workflow.action', objectType: def.objectType, objectId: inst.businessId, detail: { action: e.action, from: inst.status, to: move.status, step: move.step?.step.key ?? inst.stepKey, opinion: e.opinion ?? null } }, true);
  await def.onStatusChange?.(tx, { businessId: inst.businessId, from: inst.status, to: move.status, action: e.action });
}

const currentStep = (def: WorkflowDefinition, inst: WorkflowInstance): WorkflowStep | null => (inst.stepIndex === null ? null : (def.steps[inst.stepIndex] ?? null));

export interface ActionInput {
  action: WorkflowAction;
  opinion?: string | null;
  attachments?: string[];
}

/**
 * One action on a case by a logged-in user: 409 when the status does not allow it, 422 when an
 * opinion is required and missing, 403 when it is not the caller's to take (the caller has
 * already seen the record, so it is in their scope). Runs in the caller's transaction.
 */
export async function actOnCase(tx: Db, def: WorkflowDefinition, auth: AuthContext, actor: Actor, inst: WorkflowInstance, input: ActionInput): Promise<WorkflowStatus> {
  const status = inst.status as WorkflowStatus;
  const { action } = input;
  if (!isLegal(status, action)) throw conflict(`当前状态不能执行“${ACTION_LABELS[action]}”`, 'ILLEGAL_TRANSITION');
  const opinion = input.opinion?.trim() || null;
  if (OPINION_REQUIRED.includes(action) && !opinion) throw invalidField('opinion', `${ACTION_LABELS[action]}须填写意见`);
  const can = await workflowAbilities(tx, def, auth, inst);
  const allowed = FILER_ACTIONS.includes(action) ? (action === 'submit' ? can.canSubmit : can.canWithdraw) : action === 'reopen' ? can.canReopen : can.canApprove;
  if (!allowed) throw forbidden('当前环节不由您办理', 'NOT_YOUR_STEP');

  const chain = await resolveChain(tx, def, inst);
  let move: Move;
  switch (action) {
    case 'submit':
      move = { status: 'in_review', step: chain[0]! };
      break;
    case 'approve': {
      const at = chain.findIndex((c) => c.index === inst.stepIndex);
      const next = chain[at + 1];
      move = next ? { status: 'in_review', step: next } : { status: def.publicity ? 'publicity' : 'approved', step: null };
      break;
    }
    case 'reject':
      move = { status: 'rejected', step: null };
      break;
    case 'return':
      move = { status: 'returned', step: null };
      break;
    case 'withdraw':
      move = { status: 'withdrawn', step: null };
      break;
    case 'reopen':
      move = { status: 'in_review', step: reopenTarget(def, chain) };
      break;
  }
  await applyMove(tx, def, inst, move, { action, who: userActor(auth), opinion, attachments: input.attachments }, actor);
  return move.status;
}

/** 公示 windows that have ended without objection: the cases are approved (run by a job). */
export async function closeEndedPublicity(db: Db, def: WorkflowDefinition, now = new Date()): Promise<number> {
  const due = await db
    .select()
    .from(workflowInstances)
    .where(and(eq(workflowInstances.businessType, def.type), eq(workflowInstances.status, 'publicity'), sql`${workflowInstances.publicityEndsAt} <= ${now.toISOString()}::timestamptz`));
  let n = 0;
  for (const inst of due) {
    try {
      await db.transaction((tx) => applyMove(tx, def, inst, { status: 'approved', step: null }, { action: 'publicity_end', who: systemActor('系统(公示期满)') }, { userId: null, username: 'system', orgId: null, ip: null }));
      n++;
    } catch (e) {
      if (!(e instanceof AppError && e.status === 409)) throw e; // changed meanwhile (an objection): leave it
    }
  }
  return n;
}

/** An objection on the public page: the case goes back into review at the reopen step. */
export async function objectToCase(tx: Db, def: WorkflowDefinition, inst: WorkflowInstance, content: string, ip: string | null): Promise<void> {
  if (inst.status !== 'publicity') throw conflict('该事项已不在公示期内', 'ILLEGAL_TRANSITION');
  const chain = await resolveChain(tx, def, inst);
  await applyMove(tx, def, inst, { status: 'in_review', step: reopenTarget(def, chain) }, { action: 'objection', who: systemActor('公示异议'), opinion: content }, { userId: null, username: 'public', orgId: null, ip });
}

export { ACTION_LABELS, STATUS_LABELS } from './workflow-state.js';
