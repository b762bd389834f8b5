import { useQuery } from '@tanstack/react-query';
import { aidApi } from '../../api/aid.api';
import { queryKeys } from '../../api/query-keys';

/** 市总审批金额 and 公示天数 (any aid staff may read them; only aid:settings:configure changes them). */
export function useAidSettings() {
  return useQuery({ queryKey: queryKeys.aidSettings, queryFn: aidApi.settings, staleTime: 60_000 });
}
