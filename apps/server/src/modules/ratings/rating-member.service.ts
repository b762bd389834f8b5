import { sql } from 'drizzle-orm';
import type { RatingAnswer, RatingSheet } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { notFound } from '../../platform/http/app-error.js';
import { findCampaignById, type CampaignRow } from './rating-campaign.repository.js';
import type { ClientInfo } from './rating-code-entry.service.js';
import { sheetOf } from './rating-code-entry.service.js';
import { storeSheet } from './rating-submit.service.js';

interface MyCampaign {
  id: string;
  group_name: string;
  submitted: boolean;
}

/**
 * The campaigns a logged-in member may rate: 进行中, in their period, open to members, owned by an
 * org above the member's union; the member rates as the campaign's member group.
 */
async function myCampaignRows(db: Db, auth: AuthContext, id?: string): Promise<MyCampaign[]> {
  const memberId = auth.user.memberId;
  if (!memberId) return [];
  const today = shanghaiDate(new Date());
  return queryRows<MyCampaign>(
    db,
    sql`SELECT c.id, g.name AS group_name,
               EXISTS (SELECT 1 FROM rating_ballots b WHERE b.campaign_id = c.id AND b.rater_key = ${'member:' + memberId}) AS submitted
          FROM rating_campaigns c JOIN rater_groups g ON g.id = c.member_group_id
         WHERE c.state = 'open' AND c.allow_members AND ${today} BETWEEN c.starts_on::text AND c.ends_on::text
           AND c.org_id IN (SELECT cl.ancestor_id FROM org_closure cl JOIN members m ON m.org_id = cl.descendant_id WHERE m.id = ${memberId} AND m.status = 'active')
           ${id ? sql`AND c.id = ${id}` : sql``}
         ORDER BY c.ends_on, c.id`,
  );
}

export async function listMyCampaigns(db: Db, auth: AuthContext): Promise<RatingSheet[]> {
  const rows = await myCampaignRows(db, auth);
  const out: RatingSheet[] = [];
  for (const r of rows) out.push(await sheetOf(db, (await findCampaignById(db, r.id))!, r.group_name, r.submitted));
  return out;
}

async function loadMine(db: Db, auth: AuthContext, id: string): Promise<{ row: MyCampaign; campaign: CampaignRow }> {
  const [row] = await myCampaignRows(db, auth, id);
  const campaign = row ? await findCampaignById(db, id) : null;
  if (!row || !campaign) throw notFound('测评活动');
  return { row, campaign };
}

export async function mySheet(db: Db, auth: AuthContext, id: string): Promise<RatingSheet> {
  const { row, campaign } = await loadMine(db, auth, id);
  return sheetOf(db, campaign, row.group_name, row.submitted);
}

/** One member, one vote per unit: the unique index on (campaign, member:<id>, unit) decides under concurrent submits. */
export async function submitAsMember(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, answers: RatingAnswer[], client: ClientInfo): Promise<{ ok: true; ballots: number }> {
  const { campaign } = await loadMine(ctx.db, auth, id); // 404 also for an account without a member record
  const memberId = auth.user.memberId!;
  const rater = { groupId: campaign.member_group_id!, raterKey: `member:${memberId}`, codeId: null, memberId, ip: client.ip, userAgent: client.userAgent };
  const ballots = await ctx.db.transaction((tx) => storeSheet(tx, ctx.crypto, campaign, rater, answers, actor));
  return { ok: true, ballots };
}
