import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg } from '../../test-support/fixtures.js';
import { pay, payoutInput, seedFund, thisYear } from '../../test-support/ledger-fixtures.js';
import { benefitRecords } from './ledger.schema.js';
import { benefitsOf, doubleAidWarnings } from './ledger.service.js';

describe('benefits history across programmes, and double-aid warnings', () => {
  let t: TestApp;
  let orgId: string;
  let hardshipFund: string;
  let mutualFund: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await cityOrg(t)).id;
    hardshipFund = await seedFund(t, { orgId, name: '春风行动专项资金', incomeFen: 10_000_000 });
    mutualFund = await seedFund(t, { orgId, name: '职工医疗互助资金', incomeFen: 10_000_000 });
  });
  afterAll(() => t.close());

  it('a hardship-aid payout and a mutual-aid payout for one member in one year warn of each other', async () => {
    const memberId = randomUUID();
    const aid = payoutInput(t, hardshipFund, orgId, { memberId, amountFen: 200_000, description: '助困(甲公司工会)' });
    const claim = payoutInput(t, mutualFund, orgId, { memberId, businessType: 'mutual_aid.claim', programme: 'mutual_aid', amountFen: 150_050, description: '住院医疗互助' });
    await pay(t, aid);
    // before the second programme pays, the first case has nothing to warn of
    expect(await doubleAidWarnings(t.ctx.db, { memberId, householdId: null }, aid)).toEqual([]);
    await pay(t, claim);

    const history = await benefitsOf(t.ctx.db, { memberId, householdId: null });
    expect(history.map((b) => b.programme).sort()).toEqual(['hardship_aid', 'mutual_aid']);
    expect(history.find((b) => b.programme === 'mutual_aid')).toMatchObject({ amountFen: 150_050, businessType: 'mutual_aid.claim', memberId });

    const onAid = await doubleAidWarnings(t.ctx.db, { memberId, householdId: null }, aid);
    expect(onAid).toHaveLength(1);
    expect(onAid[0]).toContain('医疗互助');
    expect(onAid[0]).toContain('1500.50 元');
    expect(onAid[0]).toContain('住院医疗互助');
    const onClaim = await doubleAidWarnings(t.ctx.db, { memberId, householdId: null }, claim);
    expect(onClaim).toHaveLength(1);
    expect(onClaim[0]).toContain('春风行动/困难帮扶');
    expect(onClaim[0]).toContain('2000.00 元');
  });

  it('a benefit of last year does not warn; the history still shows it', async () => {
    const memberId = randomUUID();
    await t.ctx.db.insert(benefitRecords).values({
      memberId,
      programme: 'mutual_aid',
      businessType: 'mutual_aid.claim',
      businessKey: randomUUID(),
      amountFen: 80_000,
      orgId,
      on: `${thisYear() - 1}-06-15`,
      description: '去年的医疗互助',
    });
    const aid = payoutInput(t, hardshipFund, orgId, { memberId });
    await pay(t, aid);
    expect(await doubleAidWarnings(t.ctx.db, { memberId, householdId: null }, aid)).toEqual([]);
    const history = await benefitsOf(t.ctx.db, { memberId, householdId: null });
    expect(history.map((b) => b.on.slice(0, 4))).toEqual([String(thisYear()), String(thisYear() - 1)]);
  });

  it('benefits of another member of the same household warn too; other households do not', async () => {
    const householdId = randomUUID();
    const spouse = payoutInput(t, mutualFund, orgId, { householdId, businessType: 'mutual_aid.claim', programme: 'mutual_aid', description: '配偶住院' });
    await pay(t, spouse);
    await pay(t, payoutInput(t, mutualFund, orgId, { householdId: randomUUID(), businessType: 'mutual_aid.claim', programme: 'mutual_aid' }));
    const aid = payoutInput(t, hardshipFund, orgId, { householdId });
    await pay(t, aid);
    const warnings = await doubleAidWarnings(t.ctx.db, { memberId: aid.memberId, householdId }, aid);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('配偶住院');
    expect(await doubleAidWarnings(t.ctx.db, { memberId: null, householdId: null }, aid)).toEqual([]);
  });
});
