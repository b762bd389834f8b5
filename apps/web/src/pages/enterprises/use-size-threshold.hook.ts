import { useQuery } from '@tanstack/react-query';
import { coverageApi } from '../../api/coverage.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';

/**
 * The 建会率 size threshold (enterprises with at least this many employees count), read from the
 * coverage answer of the user's own org; undefined without `coverage:coverage:view` or until known.
 */
export function useSizeThreshold(): { minEmployees: number | undefined; pending: boolean } {
  const { user } = useSession();
  const orgId = user?.orgId ?? '';
  const allowed = hasPermission(user, 'coverage:coverage:view') && orgId !== '';
  const coverage = useQuery({ queryKey: queryKeys.orgCoverage(orgId), queryFn: () => coverageApi.get(orgId), enabled: allowed, staleTime: 5 * 60_000 });
  return { minEmployees: coverage.data?.minEmployees, pending: allowed && coverage.isPending };
}
