import { sql } from 'drizzle-orm';
import type { LegalNotice } from '@gonghui/contracts';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeCreditCode } from '../../test-support/identity-numbers.js';

export type NoticeView = LegalNotice & { status: string; errors?: { path: string; message: string }[] };

export async function testEnterprise(c: TestClient, name: string, division: string, n: number, unionOrgId: string): Promise<string> {
  const r = await c.post<{ id: string }>('/enterprises', { name, creditCode: makeCreditCode(division, n), divisionCode: division, employeeCount: 180, unionOrgId });
  if (r.status !== 201) throw new Error(`enterprise: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

export const draftBody = (enterpriseId: string, kind = 'opinion') => ({
  kind,
  enterpriseId,
  category: 'wage_arrears',
  problem: '2026年9月、10月工资至今未发放,涉及一线职工46人。',
  legalBasis: '《中华人民共和国劳动法》第五十条、《工资支付暂行规定》第七条',
  demand: '立即足额支付所拖欠的职工工资。',
});

async function ok(r: Promise<{ status: number; body: NoticeView }>, status = 200): Promise<NoticeView> {
  const res = await r;
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A draft, issued (文号). */
export async function issued(c: TestClient, enterpriseId: string, kind = 'opinion'): Promise<NoticeView> {
  const d = await ok(c.post<NoticeView>('/legal-notices', draftBody(enterpriseId, kind)), 201);
  return ok(c.post<NoticeView>(`/legal-notices/${d.id}/issue`));
}

/** Issued, its issue date moved back (as if signed earlier), then delivered on `deliveredOn`. */
export async function delivered(t: TestApp, c: TestClient, enterpriseId: string, deliveredOn: string, kind = 'opinion'): Promise<NoticeView> {
  const n = await issued(c, enterpriseId, kind);
  await t.ctx.db.execute(sql`UPDATE legal_notices SET issued_at = ${`${deliveredOn}T00:00:00Z`}::timestamptz - interval '3 days' WHERE id = ${n.id}`);
  return ok(c.post<NoticeView>(`/legal-notices/${n.id}/deliver`, { method: 'direct', deliveredOn, receiver: '人事部 李静' }));
}
