import { useEffect } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { setApiEventHandlers } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { isMobilePath } from './access';
import { useSession } from './use-session.hook';

export const EXPIRED_MESSAGE = '登录已过期,请重新登录';

/** 401 codes that mean "the session ended" (idle, absolute limit, logout elsewhere). */
const EXPIRY_CODES = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED', undefined]);

export function loginPathFor(pathname: string, expired: boolean): string {
  const base = isMobilePath(pathname) ? '/m/login' : '/login';
  return expired ? `${base}?expired=1` : base;
}

/**
 * Connects the API client's 401/403 reports to the session, the router and antd messages:
 * 401 → forget the session, go to the login page; 403 → a message, or the forced MFA / password
 * page when the server says the session is restricted; a CSRF refusal reloads the token.
 */
export function ApiEvents() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { clearSession } = useSession();

  useEffect(() => {
    setApiEventHandlers({
      onUnauthorized: (error) => {
        const expired = EXPIRY_CODES.has(error.code);
        // The guards of the page on screen redirect as soon as the session is gone; `ended` tells them why.
        clearSession({ expired, notice: expired ? undefined : error.message });
        const { pathname } = window.location;
        if (pathname === '/login' || pathname === '/m/login') return;
        void navigate(loginPathFor(pathname, expired), { replace: true });
      },
      onForbidden: (error) => {
        if (error.code === 'MFA_SETUP_REQUIRED' || error.code === 'PASSWORD_CHANGE_REQUIRED') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.session });
          void navigate(error.code === 'MFA_SETUP_REQUIRED' ? '/mfa-setup' : '/change-password', { replace: true });
          return;
        }
        if (error.code === 'CSRF') void queryClient.invalidateQueries({ queryKey: queryKeys.session });
        void message.error({ content: error.message || '没有权限执行此操作', key: 'api-forbidden' });
      },
    });
    return () => setApiEventHandlers(null);
  }, [clearSession, message, navigate, queryClient]);

  return null;
}
