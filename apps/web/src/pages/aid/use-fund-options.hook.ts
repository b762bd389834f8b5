import { useQuery } from '@tanstack/react-query';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';

/** The active funds in the user's scope, for 发放. */
export function useFundOptions(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.fundOptions,
    queryFn: async () => (await ledgerApi.list({ status: 'active', pageSize: 200 })).items,
    enabled,
    staleTime: 0,
  });
}
