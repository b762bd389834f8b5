import { expect } from 'vitest';
import type { TestClient } from '../../test-support/test-client.js';
import type { Problem } from '../../test-support/registry-fixtures.js';

export interface WorkerView extends Problem {
  id: string;
  orgId: string;
  districtName: string;
  name: string;
  birthDate: string;
  age: number;
  idCard: string | null;
  memberId: string | null;
  deceasedOn: string | null;
  honours: { level: string; title: string; year: number; levelLabel: string }[];
  flags: { age75: boolean; livesAlone: boolean; care: boolean };
  lastVisitedOn: string | null;
  placementStatus: string | null;
  version: number;
  visits: { id: string; visitedOn: string; planTitle: string }[];
  placements: { id: string; status: string; reason: string | null; history: { from: string | null; to: string }[]; next: string[] }[];
  abilities: { canEdit: boolean; canApplyPlacement: boolean; placementRefusal: string | null; canRecordVisit: boolean };
}

export const BASE = '/honours/model-workers';

/** Today in Asia/Shanghai, computed here independently of the code under test. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same calendar day `years` earlier (a 29 Feb falls back to 28 Feb in a common year). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export const workerBody = (orgId: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: '沈阿根',
  gender: 'male',
  birthDate: '1940-03-12',
  orgId,
  unit: '杭州第一棉纺织厂',
  retired: true,
  livesAlone: false,
  address: '上城区清波街道劳动路社区',
  honours: [{ level: 'city', title: '杭州市劳动模范', year: 1979 }, { level: 'national', title: '全国劳动模范', year: 1989 }],
  ...over,
});

export async function createWorker(c: TestClient, orgId: string, over: Record<string, unknown> = {}): Promise<WorkerView> {
  const r = await c.post<WorkerView>(BASE, workerBody(orgId, over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
