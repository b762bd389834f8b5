import type { DuesBaseRow, DuesBatch } from '@gonghui/contracts';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember } from '../../test-support/registry-fixtures.js';

/** A member of a union, joined long ago (dues from January). */
export async function duesMember(c: TestClient, orgId: string, n: number): Promise<string> {
  const m = await createMember(c, { name: `会费${String.fromCharCode(0x4e00 + n)}明`, idCard: makeIdCard('330106', '19850101', 200 + n * 2 + 1), phone: makePhone('139', 700 + n), orgId, joinedAt: '2015-03-15' });
  return m.id;
}

/** The base of an enterprise worker whose 岗位 + 技能 wages make `yuan` a month. */
export async function setBase(c: TestClient, memberId: string, yuan: number, year = 2026): Promise<DuesBaseRow> {
  const post = Math.floor(yuan * 0.7);
  const r = await c.post<DuesBaseRow>('/finance/dues/bases', { memberId, year, employerType: 'enterprise', items: [{ code: 'post', amountFen: post * 100 }, { code: 'skill', amountFen: (yuan - post) * 100 }] });
  if (r.status !== 201) throw new Error(`set base: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function newBatch(c: TestClient, orgId: string, month: string, method: 'payroll' | 'cash' = 'payroll'): Promise<DuesBatch> {
  const r = await c.post<DuesBatch>('/finance/dues/batches', { orgId, month, method });
  if (r.status !== 201) throw new Error(`new batch: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
