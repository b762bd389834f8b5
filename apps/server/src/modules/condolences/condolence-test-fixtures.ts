import { expect } from 'vitest';
import type { TestClient } from '../../test-support/test-client.js';
import type { Problem } from '../../test-support/registry-fixtures.js';

export interface PlanView extends Problem {
  id: string;
  orgId: string;
  year: number;
  title: string;
  status: string;
  categories: { category: string; headcount: number; moneyPerHeadFen: number; goodsValuePerHeadFen: number }[];
  lastYear: { id: string; categories: { category: string; headcount: number }[] } | null;
  shortfalls: { category: string; kind: string; lastYear: number; thisYear: number; message: string }[];
  override: { userName: string; orgName: string; at: string; reason: string; shortfalls: { message: string }[] } | null;
  overridden: boolean;
  funds: { id: string; name: string; balanceFen: number }[];
  workflow: { stepKey: string | null; assigneeOrgId: string | null };
  timeline: { action: string; opinion: string | null }[];
  abilities: Record<string, boolean>;
}

export interface CategoryInput {
  category: string;
  headcount: number;
  moneyPerHeadFen: number;
  goodsValuePerHeadFen: number;
  goodsDescription?: string;
}

export const cat = (category: string, headcount: number, moneyYuan: number, goodsYuan: number): CategoryInput => ({
  category,
  headcount,
  moneyPerHeadFen: moneyYuan * 100,
  goodsValuePerHeadFen: goodsYuan * 100,
  goodsDescription: goodsYuan > 0 ? '米、油、年货礼包' : undefined,
});

export async function draftPlan(c: TestClient, orgId: string, year: number, categories: CategoryInput[], occasion = 'spring_festival'): Promise<PlanView> {
  const r = await c.post<PlanView>('/condolences/plans', { orgId, year, occasion, categories, note: '走访慰问困难职工和一线职工' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export const planAction = (c: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => c.post<PlanView>(`/condolences/plans/${id}/actions`, { action, ...extra });

export async function planOk(c: TestClient, id: string, action: string, extra: Record<string, unknown> = {}): Promise<PlanView> {
  const r = await planAction(c, id, action, extra);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

/** A district's plan through the chain: submitted, checked by the district, approved by the city. */
export async function approvedDistrictPlan(district: TestClient, city: TestClient, orgId: string, year: number, categories: CategoryInput[], occasion = 'spring_festival'): Promise<PlanView> {
  const p = await draftPlan(district, orgId, year, categories, occasion);
  await planOk(district, p.id, 'submit');
  await planOk(district, p.id, 'approve', { opinion: '区总工会审核同意' });
  const done = await planOk(city, p.id, 'approve', { opinion: '同意' });
  expect(done.status).toBe('approved');
  return done;
}
