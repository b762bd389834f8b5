import type { RatingCampaign, RatingCampaignListItem } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { CampaignRow, GroupRow, UnitRow } from './rating-campaign.repository.js';

export function campaignAbilities(auth: AuthContext, c: Pick<CampaignRow, 'state'>): RatingCampaign['abilities'] {
  const manage = auth.permissions.has('rating:campaign:manage');
  return {
    canEdit: manage && c.state !== 'published',
    canOpen: manage && c.state === 'draft',
    canClose: manage && c.state === 'open',
    canPublish: manage && c.state === 'closed',
    canInvite: auth.permissions.has('rating:invite:manage') && (c.state === 'draft' || c.state === 'open'),
    canReview: auth.permissions.has('rating:ballot:review'),
    canExport: auth.permissions.has('rating:campaign:list'),
  };
}

export function campaignListItem(c: CampaignRow): RatingCampaignListItem {
  return { id: c.id, year: c.year, title: c.title, orgName: c.org_name, startsOn: c.starts_on, endsOn: c.ends_on, state: c.state, units: c.units, raters: c.raters, flagged: c.flagged };
}

export function campaignView(auth: AuthContext, c: CampaignRow, units: UnitRow[], groups: GroupRow[]): RatingCampaign {
  return {
    ...campaignListItem(c),
    orgId: c.org_id,
    description: c.description,
    allowMembers: c.allow_members,
    memberGroupId: c.member_group_id,
    satisfiedMinBp: c.satisfied_min_bp,
    dissatisfiedBelowBp: c.dissatisfied_below_bp,
    burstWindowMinutes: c.burst_window_minutes,
    burstIpLimit: c.burst_ip_limit,
    burstSameAnswerLimit: c.burst_same_answer_limit,
    publishedAt: c.published_at ? new Date(c.published_at).toISOString() : null,
    unitList: units.map((u) => ({ id: u.id, name: u.name, orgId: u.org_id, orgName: u.org_name, category: u.category, sort: u.sort })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, weightBp: g.weight_bp, sort: g.sort, forMembers: g.id === c.member_group_id, codes: g.codes, usedCodes: g.used_codes, ballots: g.ballots })),
    abilities: campaignAbilities(auth, c),
  };
}
