import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AidApplication } from '@gonghui/contracts';
import { queryKeys } from '../../api/query-keys';

/**
 * After a change to a case: put the fresh record in the cache and refresh everything else under
 * 'aid' (lists, inbox badge, 公示管理, the campaign figures) and the messages.
 */
export function useAidChanged(): (app: AidApplication) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (app: AidApplication) => {
      const detailKey = queryKeys.aidApplication(app.id);
      queryClient.setQueryData(detailKey, app);
      void queryClient.invalidateQueries({ queryKey: queryKeys.aid, predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(detailKey) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    [queryClient],
  );
}
