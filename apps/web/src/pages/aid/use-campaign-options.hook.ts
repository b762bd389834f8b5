import { useQuery } from '@tanstack/react-query';
import { campaignApi, campaignKeys } from '../../api/campaign.api';

/** 春风行动 campaigns (newest year first) as select options (shares the campaign pages' cache). */
export function useCampaignOptions(enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.list,
    queryFn: campaignApi.list,
    select: (campaigns) => campaigns.map((c) => ({ value: c.id, label: c.name })),
    enabled,
    staleTime: 5 * 60_000,
  });
}
