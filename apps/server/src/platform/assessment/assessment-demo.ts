import { sql } from 'drizzle-orm';
import type { Attachment, Criterion } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import type { Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { storeFile } from '../files/file-store.js';
import { plainPdf } from '../files/plain-pdf.js';
import { EVIDENCE_KINDS } from '../files/file-kind.js';
import type { AssessmentDefinition } from './assessment-definition.js';
import { ASSESSMENT_EVIDENCE_HOST } from './assessment-evidence.js';
import { actOnAssessment, confirmAssessment, rateAssessment, revokeAssessment } from './assessment-review.service.js';
import { loadAssessment, saveSelfAssessment } from './assessment.service.js';

/** Demo data of the assessment uses (职工之家, 企业社会责任, 和谐劳动关系): one flow, each use's values. */
export type DemoState = 'draft' | 'submitted' | 'rated' | 'returned' | 'reviewed' | 'confirmed' | 'revoked';
export interface DemoSide {
  auth: AuthContext;
  actor: Actor;
}
type SelfItems = { criterionKey: string; passed: boolean | null; points: number | null; note?: string }[];
type RatingItems = { criterionKey: string; passed: boolean | null; points: number | null; comment?: string }[];

export interface DemoFlow {
  def: AssessmentDefinition;
  id: string;
  orgId: string;
  state: DemoState;
  subject: DemoSide;
  reviewer: DemoSide;
  confirmer: DemoSide;
  self(criteria: Criterion[]): SelfItems;
  rating(criteria: Criterion[]): RatingItems;
  /** who the evidence file is shown as uploaded by */
  uploadedBy: string;
  returnOpinion?: string;
  revokeReason?: string;
}

/** One 自评材料汇编 PDF evidences every criterion that asks for it (one file per assessment keeps the seed fast). */
export async function demoEvidence(db: Db, actor: Actor, orgId: string, assessmentId: string, title: string): Promise<void> {
  const file = await storeFile(db, plainPdf(`Self-assessment ${assessmentId.slice(0, 8)}`), { name: `${title}-自评材料汇编.pdf`, purpose: ASSESSMENT_EVIDENCE_HOST.purpose, kinds: EVIDENCE_KINDS, maxBytes: 1024 * 1024, createdBy: actor.userId, orgId });
  const entry: Attachment = { fileId: file.id, type: 'document', name: file.name, mime: file.mime, size: file.size, uploadedAt: file.createdAt.toISOString(), uploadedBy: title };
  const required = await queryRows<{ key: string }>(db, sql`SELECT c->>'key' AS key FROM assessments a JOIN assessment_template_versions v ON v.id = a.version_id, jsonb_array_elements(v.criteria) c WHERE a.id = ${assessmentId} AND (c->>'evidenceRequired')::boolean`);
  const keys = required.map((r) => r.key);
  await db.execute(sql`UPDATE assessment_items SET evidence = ${JSON.stringify([entry])}::jsonb WHERE assessment_id = ${assessmentId} AND criterion_key IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
}

/** Takes a started assessment through the real services up to the demo state. */
export async function advanceDemoAssessment(db: Db, f: DemoFlow): Promise<void> {
  const { def, id, subject, reviewer, confirmer } = f;
  const l = await loadAssessment(db, def, subject.auth, id);
  const criteria = l.version.criteria as Criterion[];
  await saveSelfAssessment(db, def, subject.auth, subject.actor, id, { items: f.self(criteria) });
  if (f.state === 'draft') return;
  await demoEvidence(db, subject.actor, f.orgId, id, f.uploadedBy);
  await actOnAssessment(db, def, subject.auth, subject.actor, id, 'submit');
  if (f.state === 'submitted') return;
  await rateAssessment(db, def, reviewer.auth, reviewer.actor, id, { items: f.rating(criteria) });
  if (f.state === 'rated') return;
  if (f.state === 'returned') {
    await actOnAssessment(db, def, reviewer.auth, reviewer.actor, id, 'return', f.returnOpinion ?? '佐证材料不完整,请补充后重新提交');
    return;
  }
  await actOnAssessment(db, def, reviewer.auth, reviewer.actor, id, 'approve', '经实地查看,同意上报');
  if (f.state === 'reviewed') return;
  await confirmAssessment(db, def, confirmer.auth, confirmer.actor, id, '同意评审意见');
  if (f.state === 'revoked') await revokeAssessment(db, def, confirmer.auth, confirmer.actor, id, f.revokeReason ?? '抽查发现与申报不符');
}
