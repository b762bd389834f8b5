import { Outlet } from 'react-router';
import { ApiEvents } from './api-events.component';
import { IdleTimeoutNotice } from './idle-timeout.component';
import { SessionProvider } from './session-provider.component';

export function RootShell() {
  return (
    <SessionProvider>
      <ApiEvents />
      <IdleTimeoutNotice />
      <Outlet />
    </SessionProvider>
  );
}
