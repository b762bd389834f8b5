import { and, eq, or } from 'drizzle-orm';
import { AID_CATEGORIES, DONOR_TYPE_LABELS } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import type { Db } from '../../platform/db/db-connection.js';
import { orgs } from '../../platform/org/org.schema.js';
import { users } from '../../platform/auth/auth.schema.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { aidCampaignTargets, aidCampaigns } from './campaign.schema.js';
import { aidDonations } from './donation.schema.js';
import { DONATION_BUSINESS_TYPE } from './donation.service.js';
import { CITY_CAMPAIGN_FUND, DEMO_DONATIONS, DEMO_TARGETS } from './campaign-demo.data.js';
import { seedSettledCases } from './campaign-demo-cases.js';

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The city's campaign fund: found by code (or by name at the city), created once otherwise. */
async function cityCampaignFund(db: Db, cityId: string): Promise<string> {
  const find = async () =>
    (await db
      .select({ id: funds.id })
      .from(funds)
      .where(or(eq(funds.code, CITY_CAMPAIGN_FUND.code), and(eq(funds.name, CITY_CAMPAIGN_FUND.name), eq(funds.orgId, cityId))))
      .limit(1))[0]?.id;
  const existing = await find();
  if (existing) return existing;
  await db.insert(funds).values({ code: CITY_CAMPAIGN_FUND.code, name: CITY_CAMPAIGN_FUND.name, source: 'city', orgId: cityId, note: '春风行动专项:市总工会拨款与社会捐赠' }).onConflictDoNothing();
  return (await find())!;
}

/**
 * Demo: this year's 春风行动 (active, launched before 春节 in late December, targets for every
 * district, paying from the city fund) with donations from Hangzhou enterprises and people, each
 * booked in the fund's ledger, and cases already settled across the districts; last year's
 * campaign, closed.
 */
async function seedCampaigns({ db }: DemoSeedContext): Promise<void> {
  const [city] = await db.select().from(orgs).where(eq(orgs.kind, 'city')).limit(1);
  if (!city) return;
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const [existing] = await db.select({ id: aidCampaigns.id }).from(aidCampaigns).where(eq(aidCampaigns.year, year));
  if (existing) return;
  const [cityUser] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.username, 'city')).limit(1);
  const fundId = await cityCampaignFund(db, city.id);
  const districts = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.kind, 'district'));
  const orgByName = new Map(districts.map((d) => [d.name, d.id]));

  const startsOn = `${year - 1}-12-20`;
  await db.transaction(async (tx) => {
    await tx
      .insert(aidCampaigns)
      .values({ year: year - 1, name: `${year - 1}年春风行动`, startsOn: `${year - 2}-12-18`, endsOn: `${year - 1}-12-31`, categories: [...AID_CATEGORIES], lowEdgeIncluded: true, incomeCeilingPercent: 150, fundId, orgId: city.id, status: 'closed', createdBy: cityUser?.id ?? null })
      .onConflictDoNothing();
    const [c] = await tx
      .insert(aidCampaigns)
      .values({
        year,
        name: `${year}年春风行动`,
        startsOn,
        endsOn: `${year}-12-31`,
        categories: [...AID_CATEGORIES],
        lowEdgeIncluded: true,
        incomeCeilingPercent: 200,
        fundId,
        orgId: city.id,
        status: 'active',
        note: '救助对象扩大至低边家庭(人均收入不高于低保标准2倍);整合市、区两级资金与社会捐赠。',
        createdBy: cityUser?.id ?? null,
      })
      .returning({ id: aidCampaigns.id });
    const campaignId = c!.id;
    await tx.insert(aidCampaignTargets).values(Object.entries(DEMO_TARGETS).map(([divisionCode, t]) => ({ campaignId, divisionCode, households: t.households, amountFen: t.yuan * 100 })));
    for (const [i, d] of DEMO_DONATIONS.entries()) {
      const receivedOn = [addDays(startsOn, d.day), today].sort()[0]!;
      const receiptNo = `HZCF${year}-${String(i + 1).padStart(4, '0')}`;
      const amountFen = d.yuan * 100;
      const entryId = await recordIncome(tx, { fundId, amountFen, businessType: DONATION_BUSINESS_TYPE, businessKey: receiptNo, campaignId, memo: `${year}年春风行动捐款:${DONOR_TYPE_LABELS[d.donorType]} ${d.donorName}(收据 ${receiptNo})`, createdBy: cityUser?.id ?? null });
      await tx.insert(aidDonations).values({
        campaignId,
        fundId,
        orgId: (d.org && orgByName.get(d.org)) || city.id,
        donorName: d.donorName,
        donorType: d.donorType,
        amountFen,
        receiptNo,
        receivedOn,
        ledgerEntryId: entryId,
        note: d.note ?? null,
        createdBy: cityUser?.id ?? null,
        createdByName: cityUser ? `${cityUser.name}(${city.name})` : null,
        createdAt: new Date(`${receivedOn}T02:00:00Z`),
      });
    }
    await seedSettledCases(tx, campaignId, startsOn, today);
  });
}

registerDemoSeeder('aid-campaigns', seedCampaigns);
