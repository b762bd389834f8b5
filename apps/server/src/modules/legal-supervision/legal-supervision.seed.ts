import { sql } from 'drizzle-orm';
import { LEGAL_NOTICE_KIND_LABELS } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { daysFromNow } from '../../seed/demo-helpers.js';
import { addWorkdays, shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notify } from '../../platform/notify/notify.service.js';
import { labourAuthorityOf, LEGAL_PRESETS, serialNoOf } from './legal-notice-template.js';
import { legalNotices, legalSupervisionSettings } from './legal-notice.schema.js';
import { effectiveSettings, serialPrefixOf } from './legal-settings.service.js';
import { LEGAL_DEMO, type DemoChain, type DemoStep } from './legal-supervision-demo.data.js';

const DAY = 86_400_000;
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface Org {
  id: string;
  name: string;
  kind: string;
}

async function orgNamed(db: Db, name: string): Promise<Org | null> {
  const [o] = await queryRows<Org>(db, sql`SELECT id, name, kind FROM orgs WHERE name = ${name} LIMIT 1`);
  return o ?? null;
}

async function enterpriseNamed(db: Db, name: string): Promise<{ id: string; district: string | null } | null> {
  const [e] = await queryRows<{ id: string; district: string | null }>(
    db,
    sql`SELECT e.id, (SELECT d.name FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id WHERE c.descendant_id = coalesce(e.union_org_id, e.org_id) AND c.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district
        FROM enterprises e WHERE e.name = ${name} AND e.status = 'active' LIMIT 1`,
  );
  return e ?? null;
}

/** The columns of one demo instrument in its state, dated relative to today. */
function stepValues(step: DemoStep, replyDays: number, today: string) {
  const issuedAt = new Date(daysFromNow(-step.ago, 10));
  const issuedOn = shanghaiDate(issuedAt);
  const deliveredOn = step.ago > 0 ? plusDays(issuedOn, 1) : issuedOn;
  const replyDueOn = addWorkdays(deliveredOn, replyDays);
  const sent = !['draft', 'issued'].includes(step.state);
  const replied = step.reply !== undefined && ['closed', 'unsatisfied', 'escalated'].includes(step.state);
  const repliedOn = replied ? [plusDays(deliveredOn, 6), today].sort()[0]! : null;
  const late = sent && !replied && replyDueOn < today && ['overdue', 'escalated'].includes(step.state);
  const status = step.state === 'due_passed' ? 'delivered' : step.state;
  return {
    status,
    issued: step.state !== 'draft',
    issuedAt,
    ...(sent ? { deliveryMethod: step.method ?? 'direct', deliveredOn, receiver: step.receiver ?? '办公室', replyDueOn } : {}),
    ...(late ? { overdueAt: new Date(Date.parse(`${plusDays(replyDueOn, 1)}T01:00:00Z`)) } : {}),
    ...(replied && step.reply
      ? { repliedOn, replyContent: step.reply.content, rectification: step.reply.rectification ?? null, verdict: step.state === 'closed' ? 'accepted' : 'unsatisfied', verdictNote: step.reply.note ?? null }
      : {}),
    ...(step.state === 'closed' ? { closedAt: new Date(Date.parse(`${repliedOn}T08:00:00Z`)) } : {}),
  };
}

async function seedChain(db: Db, c: DemoChain, counters: Map<string, number>, today: string): Promise<void> {
  const issuer = await orgNamed(db, c.issuer);
  const ent = await enterpriseNamed(db, c.enterprise);
  if (!issuer || !ent) return;
  const { days } = await effectiveSettings(db, issuer.id);
  const prefix = await serialPrefixOf(db, issuer);
  const preset = LEGAL_PRESETS[c.category];
  let previousId: string | null = null;
  for (const [i, step] of c.steps.entries()) {
    const v = stepValues(step, days[step.kind], today);
    const year = shanghaiYear(v.issuedAt);
    const key = `${issuer.id}:${year}`;
    const seq = v.issued ? (counters.get(key) ?? 0) + 1 : null;
    if (seq) counters.set(key, seq);
    const { issued: _i, ...cols } = v;
    const [row]: { id: string; serialNo: string | null; replyDueOn: string | null }[] = await db
      .insert(legalNotices)
      .values({
        ...cols,
        orgId: issuer.id,
        enterpriseId: ent.id,
        kind: step.kind,
        category: c.category,
        addressee: step.kind === 'recommendation' ? labourAuthorityOf(ent.district?.replace(/总工会$/, '') ?? null) : c.enterprise,
        problem: c.problem,
        legalBasis: preset.legalBasis,
        demand: preset.demand,
        replyDays: days[step.kind],
        issuedAt: v.issued ? v.issuedAt : null,
        ...(seq ? { serialPrefix: prefix, serialYear: year, serialSeq: seq, serialNo: serialNoOf(prefix, year, seq) } : {}),
        escalatedAt: step.state === 'escalated' ? new Date(daysFromNow(-(c.steps[i + 1]?.ago ?? 0), 9)) : null,
        previousId,
        createdAt: v.issuedAt,
        updatedAt: v.issuedAt,
      })
      .returning({ id: legalNotices.id, serialNo: legalNotices.serialNo, replyDueOn: legalNotices.replyDueOn });
    if (step.state === 'overdue') {
      await notify(db, { orgId: issuer.id, kind: 'legal.notice.overdue', title: `${c.enterprise}逾期未回复${row!.serialNo ?? ''}${LEGAL_NOTICE_KIND_LABELS[step.kind]}`, body: `回复期限 ${row!.replyDueOn} 已过,建议升级制发下一文书。`, link: `/legal-supervision/${row!.id}` });
    }
    previousId = row!.id;
  }
}

/** 西湖区 shortens the 意见书 reply period to 10 工作日; the chains of 一函两书 across the districts. */
async function seedLegalSupervision({ db }: DemoSeedContext): Promise<void> {
  const xihu = await orgNamed(db, '西湖区总工会');
  if (xihu) await db.insert(legalSupervisionSettings).values({ orgId: xihu.id, reminderDays: 10, opinionDays: 10, recommendationDays: 5 }).onConflictDoNothing();
  const counters = new Map<string, number>();
  const today = shanghaiDate(new Date());
  // oldest first, so the 文号 follow the issue dates
  const chains = [...LEGAL_DEMO].sort((a, b) => Math.max(...b.steps.map((s) => s.ago)) - Math.max(...a.steps.map((s) => s.ago)));
  for (const c of chains) await seedChain(db, c, counters, today);
}

registerDemoSeeder('legal-supervision', seedLegalSupervision);
