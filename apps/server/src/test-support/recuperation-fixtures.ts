import { shanghaiDate } from '../platform/calendar/work-calendar.js';
import type { TestClient } from './test-client.js';
import { inMinutes } from './enrolment-fixtures.js';

let serial = 0;

/** A date `days` from today (Asia/Shanghai), YYYY-MM-DD. */
export const dayFromToday = (days: number): string => shanghaiDate(new Date(Date.now() + days * 86_400_000));

/** Creates a base and a route on it through the API (as a city user); returns their ids. */
export async function createRouteVia(c: TestClient, days: number, allowancePerDay: number): Promise<{ baseId: string; routeId: string }> {
  serial++;
  const base = await c.post<{ id: string }>('/recuperation/bases', { name: `测试疗休养基地${serial}`, location: '淳安千岛湖' });
  if (base.status !== 201) throw new Error(`create base: ${base.status} ${JSON.stringify(base.body)}`);
  const route = await c.post<{ id: string }>('/recuperation/routes', { baseId: base.body.id, name: `测试线路${serial}`, days, allowancePerDay });
  if (route.status !== 201) throw new Error(`create route: ${route.status} ${JSON.stringify(route.body)}`);
  return { baseId: base.body.id, routeId: route.body.id };
}

/** The body of a batch open now for a day, departing in 20 days, unless overridden. */
export function batchBody(routeId: string, orgId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { routeId, orgId, title: '职工疗休养(测试批次)', startDate: dayFromToday(20), places: 5, signupOpensAt: inMinutes(-5), signupClosesAt: inMinutes(24 * 60), ...extra };
}

/** Creates and publishes a batch; returns its id, offering id and year. */
export async function publishedBatch(c: TestClient, routeId: string, orgId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; offeringId: string; year: number }> {
  const r = await c.post<{ id: string; offeringId: string; year: number }>('/recuperation/batches', batchBody(routeId, orgId, extra));
  if (r.status !== 201) throw new Error(`create batch: ${r.status} ${JSON.stringify(r.body)}`);
  const p = await c.post(`/recuperation/batches/${r.body.id}/publish`);
  if (p.status !== 200) throw new Error(`publish batch: ${p.status} ${JSON.stringify(p.body)}`);
  return { id: r.body.id, offeringId: r.body.offeringId, year: r.body.year };
}
