import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { builtinRole, courseBodySchema, type AssignmentBody } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { hashPassword } from '../../platform/auth/password.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { createAssignment } from './learning-assignment.service.js';
import { createCourse, setCourseStatus } from './learning-course.service.js';
import { DEMO_COURSES } from './learning-demo.data.js';
import { remindLearningDeadlines } from './learning-jobs.js';
import { markMaterial, openCourse, submitQuiz } from './learning-study.service.js';

type Who = { auth: AuthContext; actor: Actor };
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

/** Member accounts for the demo learners (no known password: they are studied through the services). */
async function learners(db: Db, district: string, n: number, tag: string): Promise<Who[]> {
  const rows = await queryRows<{ id: string; name: string; org_id: string; org_name: string }>(
    db,
    sql`SELECT m.id, m.name, m.org_id, o.name AS org_name FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.status = 'active' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.member_id = m.id)
          AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = (SELECT id FROM orgs WHERE name = ${district}))
        ORDER BY m.org_id, m.card_no NULLS LAST, m.id LIMIT ${n}`,
  );
  const hash = await hashPassword(randomBytes(24).toString('base64url'));
  const [role] = await queryRows<{ id: string }>(db, sql`SELECT id FROM roles WHERE code = 'member'`);
  const out: Who[] = [];
  for (const [i, m] of rows.entries()) {
    const username = `learner-${tag}${String(i + 1).padStart(2, '0')}`;
    const [u] = await queryRows<{ id: string }>(db, sql`INSERT INTO users (username, name, org_id, member_id, password_hash) VALUES (${username}, ${m.name}, ${m.org_id}, ${m.id}, ${hash}) RETURNING id`);
    await db.execute(sql`INSERT INTO user_roles (user_id, role_id, role_kind) VALUES (${u!.id}, ${role!.id}, 'business')`);
    out.push({
      auth: {
        sessionId: 'demo-seed', csrfToken: '', stage: 'full',
        user: { id: u!.id, username, name: m.name, orgId: m.org_id, orgName: m.org_name, memberId: m.id },
        grants: [], permissions: new Set(builtinRole('member')!.permissions), scope: { all: false, subtreeRoots: [], units: [], selfUserId: u!.id, selfMemberId: m.id },
      },
      actor: { userId: u!.id, username, orgId: m.org_id, ip: null },
    });
  }
  return out;
}

type State = 'open' | 'half' | 'done' | 'failed' | 'retry';

/** Drives one learner's study through the real services to the wanted state. */
async function study(db: Db, who: Who | undefined, courseId: string, state: State, right: Record<string, string[]>): Promise<void> {
  if (!who) return;
  const c = await openCourse(db, who.auth, courseId);
  const materials = state === 'open' ? [] : state === 'half' ? c.materials.slice(0, Math.ceil(c.materials.length / 2)) : c.materials;
  for (const m of materials) await markMaterial(db, who.auth, courseId, m.id, true);
  const wrong = Object.fromEntries(Object.keys(right).map((k) => [k, []]));
  if (state === 'failed') for (let i = 0; i < (c.quiz?.maxAttempts ?? 0); i++) await submitQuiz(db, who.auth, who.actor, courseId, i === 0 ? wrong : { ...wrong, q1: right.q1! });
  if (state === 'retry') await submitQuiz(db, who.auth, who.actor, courseId, wrong);
  if ((state === 'done' || state === 'retry') && c.quiz) await submitQuiz(db, who.auth, who.actor, courseId, right);
  const ago = 1 + Math.floor(Math.random() * 12);
  await db.execute(sql`UPDATE learning_records SET first_opened_at = first_opened_at - make_interval(days => ${ago}), seconds_spent = ${materials.length * 420 + 60}
      WHERE course_id = ${courseId} AND user_id = ${who.auth.user.id}`);
}

/**
 * Demo 学习园地: the city's courses on the Sixth Plenum and the series of speeches, 上城区's 工会法 course
 * (open to its members), 西湖区's safety course, a draft and a withdrawn one; assignments to the
 * districts' members and to the cadres of districts and streets; records in every state.
 */
async function seedLearning({ db }: DemoSeedContext): Promise<void> {
  const [existing] = await queryRows<{ id: string }>(db, sql`SELECT id FROM learning_courses LIMIT 1`);
  if (existing) return;
  const staff: Record<string, Who> = { 杭州市总工会: await demoAuth(db, 'city'), 上城区总工会: await demoAuth(db, 'district'), 西湖区总工会: await demoAuth(db, 'xihu') };
  const ids: Record<string, string> = {};
  const answers: Record<string, Record<string, string[]>> = {};
  for (const d of DEMO_COURSES) {
    const owner = staff[d.owner]!;
    const body = courseBodySchema.parse(d.body);
    const c = await createCourse(db, owner.auth, owner.actor, body);
    ids[d.key] = c.id;
    answers[d.key] = Object.fromEntries((body.quiz?.questions ?? []).map((q) => [q.id, q.answer]));
    if (d.state !== 'draft') await setCourseStatus(db, owner.auth, owner.actor, c.id, 'published');
    if (d.state === 'withdrawn') await setCourseStatus(db, owner.auth, owner.actor, c.id, 'withdrawn');
  }
  const orgId = async (name: string) => (await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE name = ${name}`))[0]!.id;
  const shang = await orgId('上城区总工会');
  const xihu = await orgId('西湖区总工会');
  const city = staff['杭州市总工会']!;
  const members = (rootId: string, deadline: string, note?: string): AssignmentBody => ({ audience: 'members', target: { mode: 'subtree', rootId, includeRoot: true }, deadline, remindDays: 3, note });
  const shangL = await learners(db, '上城区总工会', 6, 'sc');
  const xihuL = await learners(db, '西湖区总工会', 5, 'xh');
  const worker = await demoAuth(db, 'worker');
  await createAssignment(db, city.auth, city.actor, ids.plenum!, members(shang, day(26), '全市工会系统学习贯彻六中全会精神'));
  await createAssignment(db, city.auth, city.actor, ids.plenum!, members(xihu, day(26)));
  await createAssignment(db, city.auth, city.actor, ids.speeches!, { audience: 'staff', target: { mode: 'subtree', rootId: await orgId('杭州市总工会'), kinds: ['district', 'street'], includeRoot: false }, deadline: day(40), remindDays: 5, note: '工会干部学习' });
  const law = staff['上城区总工会']!;
  await createAssignment(db, law.auth, law.actor, ids.law!, members(shang, day(2)));
  const safe = staff['西湖区总工会']!;
  await createAssignment(db, safe.auth, safe.actor, ids.safety!, members(xihu, day(10)));
  // the demo worker is half-way through the plenum course (to finish on the phone); the others in every state
  await study(db, worker, ids.plenum!, 'half', answers.plenum!);
  const plan: [Who | undefined, string, State][] = [
    [shangL[0], 'plenum', 'done'], [shangL[1], 'plenum', 'failed'], [shangL[2], 'plenum', 'open'], [shangL[3], 'plenum', 'retry'], [shangL[4], 'plenum', 'half'],
    [shangL[0], 'law', 'done'], [shangL[1], 'law', 'half'], [shangL[3], 'law', 'failed'],
    [xihuL[0], 'plenum', 'done'], [xihuL[1], 'plenum', 'half'], [xihuL[2], 'plenum', 'retry'],
    [xihuL[0], 'safety', 'done'], [xihuL[1], 'safety', 'done'], [xihuL[3], 'safety', 'failed'], [xihuL[4], 'safety', 'open'],
    [staff['上城区总工会'], 'speeches', 'done'], [await demoAuth(db, 'street'), 'speeches', 'half'],
  ];
  for (const [who, key, state] of plan) await study(db, who, ids[key]!, state, answers[key]!);
  await remindLearningDeadlines(db);
}

registerDemoSeeder('learning', seedLearning);
