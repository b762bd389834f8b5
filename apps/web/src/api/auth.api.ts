import type { LoginBody, SessionAnswer, SystemInfo } from '@gonghui/contracts';
import { ApiError, api, setCsrfToken } from './api-client';
import type { ChangePasswordBody, MfaSetupAnswer } from './contract-types';

function remember(answer: SessionAnswer): SessionAnswer {
  setCsrfToken(answer.csrfToken);
  return answer;
}

let expiredAtLoad = false;
/** Whether the last session check found an expired session (the login page then says so). */
export const sessionExpiredAtLoad = (): boolean => expiredAtLoad;

export const authApi = {
  /** The current session, or null when nobody is logged in (401 is an answer here, not an expiry). */
  me: async (): Promise<SessionAnswer | null> => {
    try {
      return remember(await api.get<SessionAnswer>('/auth/me', undefined, { authRedirect: false }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        expiredAtLoad = error.code === 'SESSION_EXPIRED';
        return null;
      }
      throw error;
    }
  },
  /** Refreshes the session; a 401 here means it has expired and the app goes to the login page. */
  touch: async (): Promise<SessionAnswer> => remember(await api.get<SessionAnswer>('/auth/me')),
  login: async (body: LoginBody): Promise<SessionAnswer> =>
    remember(await api.post<SessionAnswer>('/auth/login', body, { authRedirect: false })),
  logout: async (): Promise<void> => {
    try {
      await api.post<unknown>('/auth/logout', undefined, { authRedirect: false, forbiddenMessage: false });
    } finally {
      setCsrfToken(null);
    }
  },
  mfaSetup: (): Promise<MfaSetupAnswer> => api.post<MfaSetupAnswer>('/auth/mfa/setup'),
  mfaConfirm: async (otp: string): Promise<SessionAnswer> => remember(await api.post<SessionAnswer>('/auth/mfa/confirm', { otp })),
  changePassword: async (body: ChangePasswordBody): Promise<SessionAnswer> =>
    remember(await api.post<SessionAnswer>('/auth/password', body)),
};

export const systemApi = {
  info: (): Promise<SystemInfo> => api.get<SystemInfo>('/system/info', undefined, { authRedirect: false }),
};
