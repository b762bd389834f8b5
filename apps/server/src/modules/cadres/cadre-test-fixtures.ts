import type { Cadre, Committee, Training } from '@gonghui/contracts';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard } from '../../test-support/identity-numbers.js';

/** A valid 身份证 for a test cadre: Hangzhou region, odd sequence for men, even for women. */
export const cadreIdCard = (n: number, gender: 'male' | 'female' = 'male') => makeIdCard('330106', `19${70 + (n % 25)}0${1 + (n % 9)}1${n % 10}`, 100 + n * 2 + (gender === 'male' ? 1 : 0));

export const cadreBody = (orgId: string, n: number, extra: Record<string, unknown> = {}) => ({
  name: `干部${n}`,
  gender: 'male',
  idCard: cadreIdCard(n),
  phone: `1390571${String(1000 + n).slice(-4)}`,
  orgId,
  position: 'committee_member',
  fullTime: false,
  officeStart: '2024-06-01',
  electedHow: 'competitive',
  ...extra,
});

export const committeeBody = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId, termNo: 3, electedOn: '2022-05-20', termStart: '2022-05-20', termEnd: '2027-05-19', electionMethod: 'competitive', ...extra,
});

export const trainingBody = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId, title: '基层工会主席履职能力培训班', startsOn: '2026-04-10', endsOn: '2026-04-11', place: '杭州市职工文化中心', hours: 12, audience: '基层工会主席、副主席', ...extra,
});

async function created<T>(p: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const r = await p;
  if (r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export const createCadre = (c: TestClient, body: Record<string, unknown>) => created<Cadre>(c.post('/cadres', body), 'create cadre');
export const createCommittee = (c: TestClient, body: Record<string, unknown>) => created<Committee>(c.post('/cadres/committees', body), 'create committee');
export const createTraining = (c: TestClient, body: Record<string, unknown>) => created<Training>(c.post('/cadres/trainings', body), 'create training');
