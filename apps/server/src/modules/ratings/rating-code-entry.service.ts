import { sql } from 'drizzle-orm';
import type { RatingAnswer, RatingSheet } from '@gonghui/contracts';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/app-context.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { AppError, invalidField } from '../../platform/http/app-error.js';
import { findCampaignById, unitRows, type CampaignRow } from './rating-campaign.repository.js';
import { codeHash, normaliseCode, PREFIX_LENGTH } from './rating-code.js';
import { storeSheet } from './rating-submit.service.js';
import { ratingCodeFailures } from './rating.schema.js';

/** Limits on wrong codes within 15 minutes: per IP, and per code prefix (spread guessing from many IPs). */
export const CODE_FAILURE_WINDOW_MIN = 15;
export const CODE_FAILURES_PER_IP = 10;
export const CODE_FAILURES_PER_PREFIX = 30;

/** One answer for a wrong, used or expired code: nothing tells which. */
const badCode = () => invalidField('code', '测评码无效、已使用或已过期');

interface CodeRow {
  id: string;
  campaign_id: string;
  group_id: string;
  group_name: string;
  used_at: Date | null;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

async function checkLimits(db: Db, ip: string, prefix: string): Promise<void> {
  const [row] = await queryRows<{ by_ip: number; by_prefix: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE ip = ${ip})::int AS by_ip, count(*) FILTER (WHERE prefix = ${prefix})::int AS by_prefix
          FROM rating_code_failures WHERE (ip = ${ip} OR prefix = ${prefix}) AND at > now() - make_interval(mins => ${CODE_FAILURE_WINDOW_MIN})`,
  );
  if ((row?.by_ip ?? 0) >= CODE_FAILURES_PER_IP || (row?.by_prefix ?? 0) >= CODE_FAILURES_PER_PREFIX) {
    await recordAudit(db, { userId: null, username: null, orgId: null, ip }, { action: 'auth.rate_limited', result: 'denied', objectType: 'rating_code', detail: { byIp: row?.by_ip, byPrefix: row?.by_prefix } });
    throw new AppError(429, '尝试次数过多,请15分钟后再试', 'RATE_LIMITED');
  }
}

const isLive = (c: CampaignRow): boolean => {
  const today = shanghaiDate(new Date());
  return c.state === 'open' && today >= c.starts_on && today <= c.ends_on;
};

/** The code's campaign and group when the code is live and unused; a failure is counted otherwise. */
async function resolveCode(ctx: AppContext, raw: string, client: ClientInfo): Promise<{ code: CodeRow; campaign: CampaignRow }> {
  const code = normaliseCode(raw);
  const prefix = code.slice(0, PREFIX_LENGTH);
  await checkLimits(ctx.db, client.ip, prefix);
  const [row] = await queryRows<CodeRow>(
    ctx.db,
    sql`SELECT k.id, k.campaign_id, k.group_id, g.name AS group_name, k.used_at FROM rating_codes k JOIN rater_groups g ON g.id = k.group_id WHERE k.code_hash = ${codeHash(ctx.crypto, code)}`,
  );
  const campaign = row ? await findCampaignById(ctx.db, row.campaign_id) : null;
  if (!row || row.used_at || !campaign || !isLive(campaign)) {
    await ctx.db.insert(ratingCodeFailures).values({ ip: client.ip, prefix });
    throw badCode();
  }
  return { code: row, campaign };
}

export async function sheetOf(db: Db, c: CampaignRow, groupName: string, submitted: boolean): Promise<RatingSheet> {
  const units = await unitRows(db, c.id);
  return { campaignId: c.id, title: c.title, year: c.year, description: c.description, endsOn: c.ends_on, groupName, units: units.map((u) => ({ id: u.id, name: u.name, category: u.category })), submitted };
}

/** 输入测评码: the sheet to fill (the code is not used up yet). */
export async function enterCode(ctx: AppContext, raw: string, client: ClientInfo): Promise<RatingSheet> {
  const { code, campaign } = await resolveCode(ctx, raw, client);
  return sheetOf(ctx.db, campaign, code.group_name, false);
}

/** Submits the sheet and uses the code up, in one transaction; a concurrent second submit finds it used. */
export async function submitByCode(ctx: AppContext, raw: string, answers: RatingAnswer[], client: ClientInfo): Promise<{ ok: true; ballots: number }> {
  const { code, campaign } = await resolveCode(ctx, raw, client);
  const ballots = await ctx.db.transaction(async (tx) => {
    const [used] = await queryRows<{ id: string }>(tx, sql`UPDATE rating_codes SET used_at = now() WHERE id = ${code.id} AND used_at IS NULL RETURNING id`);
    if (!used) throw badCode();
    const rater = { groupId: code.group_id, raterKey: `code:${code.id}`, codeId: code.id, memberId: null, ip: client.ip, userAgent: client.userAgent };
    return storeSheet(tx, ctx.crypto, campaign, rater, answers, { userId: null, username: null, orgId: null, ip: client.ip });
  });
  return { ok: true, ballots };
}
