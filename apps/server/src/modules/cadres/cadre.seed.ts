import { sql } from 'drizzle-orm';
import { idCardCheckChar } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { cadreToday } from './cadre-settings.js';
import { createCommittee } from './cadre-committee.service.js';
import { createCadre } from './cadre.service.js';
import { createTraining, recordAttendance } from './cadre-training.service.js';
import { DEMO_COMMITTEES, DEMO_TRAININGS, demoCadrePerson } from './cadre-demo.data.js';

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** A valid 身份证 of a demo cadre: the district's code, a birth date 1966-1995, odd (male) or even (female) sequence. */
function demoIdCard(region: string, n: number, gender: 'male' | 'female'): string {
  const birth = `${1966 + ((n * 11) % 30)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 7) % 28)).padStart(2, '0')}`;
  const first17 = `${region}${birth}${500 + ((n * 2) % 400) + (gender === 'male' ? 1 : 0)}`;
  return first17 + idCardCheckChar(first17);
}

/**
 * Demo 工会干部: committees of the city, four districts, three streets and fourteen unions (most
 * within their term, four inside the 90-day window, one ended without 换届), ~80 cadres, and the
 * 2026 training sessions with attendance so that some cadres reach the year's 学时 target and some do not.
 */
async function seedCadres({ db, crypto }: DemoSeedContext): Promise<void> {
  const [existing] = await queryRows<{ id: string }>(db, sql`SELECT id FROM cadre_committees LIMIT 1`);
  if (existing) return;
  const { auth, actor } = await demoAuth(db, 'city');
  const ctx = { db, crypto };
  const { today } = cadreToday();
  const orgs = new Map((await queryRows<{ id: string; name: string; region: string }>(db, sql`SELECT o.id, o.name, coalesce(o.division_code, '330100') AS region FROM orgs o`)).map((o) => [o.name, o]));
  let n = 0;
  for (const c of DEMO_COMMITTEES) {
    const org = orgs.get(c.org);
    if (!org) continue;
    const termEnd = shift(today, c.endInDays);
    const termStart = shift(addYears(termEnd, -c.years), 1);
    const committee = await createCommittee(ctx, auth, actor, { orgId: org.id, termNo: c.termNo, electedOn: termStart, termStart, termEnd, electionMethod: c.method, note: undefined });
    for (const [position, fullTime] of c.cadres) {
      n++;
      const person = demoCadrePerson(n, position);
      const region = /^3301\d\d$/.test(org.region) ? org.region : '330102';
      await createCadre(ctx, auth, actor, {
        ...person, idCard: demoIdCard(region, n, person.gender), phone: `13${n % 2 ? '8' : '9'}0571${String(1000 + n * 37).slice(-4)}`, orgId: org.id, committeeId: committee.id,
        position, fullTime, officeStart: termStart, officeEnd: termEnd, electedHow: c.method === 'appointed' ? 'appointed' : c.method,
      });
    }
  }
  const all = await queryRows<{ id: string; org_id: string; full_time: boolean }>(db, sql`SELECT id, org_id, full_time FROM cadres WHERE state = 'in_office' ORDER BY created_at, id`);
  for (const s of DEMO_TRAININGS) {
    const org = orgs.get(s.org);
    if (!org) continue;
    const training = await createTraining(ctx, auth, actor, { orgId: org.id, title: s.title, startsOn: s.startsOn, endsOn: shift(s.startsOn, s.days - 1), place: s.place, hours: s.hours, audience: s.audience, note: undefined });
    const under = new Set((await queryRows<{ id: string }>(db, sql`SELECT descendant_id AS id FROM org_closure WHERE ancestor_id = ${org.id}`)).map((r) => r.id));
    const chosen = all.filter((k) => under.has(k.org_id) && (s.attend === 'all' || (s.attend === 'full_time') === k.full_time)).filter((_, i) => i % s.every === 0);
    if (!chosen.length) continue;
    // one in nine signs in late and is credited part of the hours; one in eleven is absent
    const entries = chosen.map((k, i) => (i % 11 === 5 ? { cadreId: k.id, signedIn: false } : i % 9 === 4 ? { cadreId: k.id, signedIn: true, hours: Math.floor(s.hours / 2) } : { cadreId: k.id, signedIn: true }));
    await recordAttendance(ctx, auth, actor, training.id, { entries: entries.map((e) => ({ ...e, note: undefined })) });
  }
}

registerDemoSeeder('cadres', seedCadres);
