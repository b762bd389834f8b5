import { useQuery } from '@tanstack/react-query';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';

/** The active funds in the user's scope, for 发放 (of the unions' 经费账户 only the user's own union's). */
export function useFundOptions(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.fundOptions,
    queryFn: async () => (await ledgerApi.list({ status: 'active', unionAccounts: 'own', pageSize: 200 })).items,
    enabled,
    staleTime: 0,
  });
}
