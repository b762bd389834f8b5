import { createContext } from 'react';
import type { SessionAnswer, SessionUser, SystemInfo } from '@gonghui/contracts';

/** Why the last session ended without a logout: shown on the login page. */
export interface SessionEnd {
  expired: boolean;
  notice?: string;
}

export interface SessionContextValue {
  /** The last session answer (login, /auth/me, MFA confirm, password change); null when logged out. */
  answer: SessionAnswer | null;
  user: SessionUser | null;
  /** True until the first /auth/me answer arrives. */
  loading: boolean;
  systemInfo: SystemInfo | undefined;
  demo: boolean;
  setSession: (answer: SessionAnswer) => void;
  /** Set when the server ended the session (401); cleared by the next login. */
  ended: SessionEnd | null;
  /** True after a deliberate logout (until the next login): the next user starts at home, not on this user's last page. */
  loggedOut: boolean;
  /** Forgets the session and every cached answer (the next user must not see them). */
  clearSession: (end?: SessionEnd) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
