import { useQuery } from '@tanstack/react-query';
import type { Campaign } from '@gonghui/contracts';
import { api } from '../../api/api-client';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';

export interface CampaignOption {
  value: string;
  label: string;
  year: number;
}

/** 春风行动 campaigns, for campaign budgets (only for users who may see campaigns; others see the id). */
export function useCampaignNames() {
  const { user } = useSession();
  const enabled = hasPermission(user, 'aid:campaign:view');
  const campaigns = useQuery({
    queryKey: ['aid', 'campaign-options', 'ledger'],
    queryFn: async (): Promise<CampaignOption[]> => (await api.get<Campaign[]>('/aid/campaigns')).map((c) => ({ value: c.id, label: c.name, year: c.year })),
    enabled,
    staleTime: 5 * 60_000,
  });
  const options = campaigns.data ?? [];
  const nameOf = (id: string | null): string => {
    if (!id) return '全年';
    return options.find((c) => c.value === id)?.label ?? `活动 ${id.slice(0, 8)}`;
  };
  return { options, nameOf, enabled };
}
