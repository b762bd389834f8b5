import { sql } from 'drizzle-orm';
import { DEFAULT_RATER_GROUPS } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { queueSms } from '../../platform/notify/sms-outbox.service.js';
import { codeHash, displayCode } from './rating-code.js';
import { insertCodes, invitationText, SMS_TEMPLATE } from './rating-code-jobs.js';
import { prng, seedSheets, type DemoCampaign, type SheetPlan } from './rating-demo-ballots.js';
import { DEMO_CODES, DEMO_UNITS, demoPhones } from './rating-demo.data.js';
import { raterGroups, ratingCampaigns, ratingCodeBatches, ratingCodes, ratingUnits } from './rating.schema.js';

const DAY = 86_400_000;
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface Spec {
  year: number;
  title: string;
  startsOn: string;
  endsOn: string;
  state: 'draft' | 'open' | 'closed' | 'published';
  units: number;
  description: string;
}

async function campaign(tx: Db, orgId: string, createdBy: string | null, s: Spec): Promise<DemoCampaign> {
  const [c] = await tx
    .insert(ratingCampaigns)
    .values({ orgId, year: s.year, title: s.title, startsOn: s.startsOn, endsOn: s.endsOn, state: s.state, description: s.description, allowMembers: s.state === 'open', createdBy, publishedAt: s.state === 'published' ? new Date(`${plusDays(s.endsOn, 21)}T02:00:00Z`) : null })
    .returning({ id: ratingCampaigns.id });
  const orgs = await queryRows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM orgs WHERE kind = 'district'`);
  const units = await tx
    .insert(ratingUnits)
    .values(DEMO_UNITS.slice(0, s.units).map((u, i) => ({ campaignId: c!.id, name: u.name, category: u.category, orgId: orgs.find((o) => o.name === u.name)?.id ?? null, sort: i })))
    .returning({ id: ratingUnits.id, name: ratingUnits.name });
  const groups = await tx
    .insert(raterGroups)
    .values(DEFAULT_RATER_GROUPS.map((g, i) => ({ campaignId: c!.id, name: g.name, weightBp: g.weightBp, sort: i })))
    .returning({ id: raterGroups.id, name: raterGroups.name, weightBp: raterGroups.weightBp });
  if (s.state === 'open') await tx.update(ratingCampaigns).set({ memberGroupId: groups[0]!.id }).where(sql`id = ${c!.id}`);
  return { id: c!.id, units: units.map((u) => ({ id: u.id, quality: DEMO_UNITS.find((d) => d.name === u.name)!.quality })), groups };
}

/**
 * 满意不满意单位评选 demo: 2016 (published, 252 raters, a flagged burst excluded), 2025 (结束, not yet
 * published), this year's (进行中: 60 raters, a flagged burst to review, reply requests, a code batch
 * in the SMS outbox, and the unused demo codes of rating-demo.data.ts), and a draft.
 */
export async function seedRatings({ db, crypto }: DemoSeedContext): Promise<void> {
  const [city] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE name = '杭州市总工会' LIMIT 1`);
  if (!city) return;
  const [user] = await queryRows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'city' LIMIT 1`);
  const by = user?.id ?? null;
  const rnd = prng(2016);
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  await db.transaction(async (tx) => {
    const desc = '按照市委、市政府部署,由各界代表对市级机关部门、区县(市)总工会和公共服务单位的服务态度与效率、公正廉洁、工作成效与影响进行满意度测评。';
    const y2016 = await campaign(tx, city.id, by, { year: 2016, title: '2016年度满意不满意单位评选', startsOn: '2016-11-21', endsOn: '2016-12-20', state: 'published', units: 20, description: desc });
    const plan2016: SheetPlan = { sheets: 240, from: new Date('2016-11-21T01:00:00Z'), to: new Date('2016-12-20T09:00:00Z'), replies: 6, burst: { sheets: 12, at: new Date('2016-12-03T12:10:00Z'), excludedReason: '同一设备25分钟内提交12份完全相同答卷,经核查为组织刷票,予以剔除' } };
    await seedSheets(tx, crypto, y2016, plan2016, rnd);
    const y2025 = await campaign(tx, city.id, by, { year: 2025, title: '2025年度满意不满意单位评选', startsOn: '2025-11-20', endsOn: '2025-12-20', state: 'closed', units: 12, description: desc });
    await seedSheets(tx, crypto, y2025, { sheets: 80, from: new Date('2025-11-20T01:00:00Z'), to: new Date('2025-12-20T09:00:00Z'), replies: 3 }, rnd);
    const now = await campaign(tx, city.id, by, { year, title: `${year}年度满意不满意单位评选`, startsOn: plusDays(today, -9), endsOn: plusDays(today, 26), state: 'open', units: 20, description: desc });
    const from = new Date(Date.parse(`${plusDays(today, -9)}T01:00:00Z`));
    await seedSheets(tx, crypto, now, { sheets: 50, from, to: new Date(Date.now() - 3600_000), replies: 4, burst: { sheets: 10, at: new Date(Date.now() - 2 * DAY) } }, rnd);
    await tx.insert(ratingCodes).values(DEMO_CODES.map((d) => ({ campaignId: now.id, groupId: now.groups.find((g) => g.name === d.group)!.id, codeHash: codeHash(crypto, d.code) })));
    const phones = demoPhones(40);
    const group = now.groups[6]!;
    const [batch] = await tx.insert(ratingCodeBatches).values({ campaignId: now.id, groupId: group.id, source: 'phones', requested: phones.length, generated: phones.length, createdBy: by }).returning({ id: ratingCodeBatches.id });
    const codes = await insertCodes(tx, crypto, { campaignId: now.id, groupId: group.id, batchId: batch!.id }, phones.length);
    const info = { title: `${year}年度满意不满意单位评选`, group_name: group.name, ends_on: plusDays(today, 26) };
    await queueSms(tx, crypto, phones.map((phone, i) => ({ orgId: city.id, phone, template: SMS_TEMPLATE, body: invitationText(info, displayCode(codes[i]!)), bodyMasked: invitationText(info, '**********'), sourceType: 'rating_code_batch', sourceId: batch!.id })));
    const draft = await campaign(tx, city.id, by, { year: year + 1, title: `${year + 1}年度公共服务单位满意度测评(筹备)`, startsOn: plusDays(today, 60), endsOn: plusDays(today, 90), state: 'draft', units: 6, description: '筹备中:被测评单位与群体权重待定。' });
    void draft;
    await tx.execute(sql`UPDATE rating_ballots SET reply_text = '您反映的问题已收悉,我局已开通线上预约并精简材料清单,欢迎继续监督。', replied_at = created_at + interval '3 days'
      WHERE id IN (SELECT id FROM rating_ballots WHERE campaign_id = ${y2016.id} AND reply_requested ORDER BY created_at LIMIT 4)`);
  });
}

registerDemoSeeder('ratings', seedRatings);
