import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionAnswer } from '@gonghui/contracts';
import { authApi, sessionExpiredAtLoad, systemApi } from '../api/auth.api';
import { setCsrfToken } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { SessionContext, type SessionContextValue, type SessionEnd } from './session.context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState<SessionEnd | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const sessionQuery = useQuery({
    queryKey: queryKeys.session,
    queryFn: authApi.me,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
    refetchOnWindowFocus: false,
  });
  const infoQuery = useQuery({
    queryKey: queryKeys.systemInfo,
    queryFn: systemApi.info,
    staleTime: 10 * 60_000,
    retry: 1,
  });

  const setSession = useCallback(
    (answer: SessionAnswer) => {
      setCsrfToken(answer.csrfToken);
      setEnded(null);
      setLoggedOut(false);
      queryClient.setQueryData(queryKeys.session, answer);
    },
    [queryClient],
  );

  const clearSession = useCallback((end?: SessionEnd) => {
    setCsrfToken(null);
    setEnded(end ?? null);
    void queryClient.cancelQueries();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'system' });
    queryClient.removeQueries({ queryKey: queryKeys.mfaSetup });
    queryClient.setQueryData(queryKeys.session, null);
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The session is forgotten locally whatever the server answered.
    }
    setLoggedOut(true);
    clearSession();
  }, [clearSession]);

  const answer = sessionQuery.data ?? null;
  const value = useMemo<SessionContextValue>(
    () => ({
      answer,
      user: answer?.user ?? null,
      loading: sessionQuery.isPending,
      systemInfo: infoQuery.data,
      demo: answer?.demo ?? infoQuery.data?.demo ?? false,
      ended: ended ?? (sessionQuery.data === null && sessionExpiredAtLoad() ? { expired: true } : null),
      loggedOut,
      setSession,
      clearSession,
      logout,
    }),
    [answer, sessionQuery.isPending, infoQuery.data, ended, loggedOut, setSession, clearSession, logout],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
