import { useEffect, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth.api';
import { lastAuthenticatedRequestAt } from '../api/api-client';
import { loginPathFor } from './api-events.component';
import { useSession } from './use-session.hook';

const TICK_MS = 5_000;
const GRACE_MS = 5_000;

/**
 * The server ends a session after `idleTimeoutSeconds` without a request. This notice warns shortly
 * before (counted from the last request the server accepted), offers to continue, and when the
 * time has passed asks the server once (a 401 then sends the user to the login page).
 */
export function IdleTimeoutNotice() {
  const { answer, setSession, logout } = useSession();
  const navigate = useNavigate();
  const [remaining, setRemaining] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const timeoutMs = (answer?.idleTimeoutSeconds ?? 0) * 1000;
  const loggedIn = answer !== null;

  useEffect(() => {
    if (!loggedIn || timeoutMs <= 0) {
      setRemaining(null);
      return;
    }
    const warnMs = Math.min(120_000, timeoutMs / 4);
    let probing = false;
    const tick = () => {
      const left = timeoutMs - (Date.now() - lastAuthenticatedRequestAt());
      setRemaining(left <= warnMs ? Math.max(0, left) : null);
      if (left < -GRACE_MS && !probing) {
        probing = true;
        // Another tab may have kept the session alive; a 401 answer routes to the login page.
        authApi
          .touch()
          .then(setSession)
          .catch(() => undefined)
          .finally(() => {
            probing = false;
          });
      }
    };
    tick();
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [loggedIn, timeoutMs, setSession]);

  if (remaining === null) return null;

  const keepAlive = async () => {
    setBusy(true);
    try {
      setSession(await authApi.touch());
      setRemaining(null);
    } catch {
      // 401 is handled globally (login page); other errors leave the notice up.
    } finally {
      setBusy(false);
    }
  };
  const leave = async () => {
    await logout();
    void navigate(loginPathFor(window.location.pathname, false), { replace: true });
  };

  const seconds = Math.ceil(remaining / 1000);
  return (
    <Modal
      open
      title="长时间未操作"
      closable={false}
      mask={{ closable: false }}
      footer={[
        <Button key="logout" onClick={() => void leave()}>
          退出登录
        </Button>,
        <Button key="stay" type="primary" loading={busy} onClick={() => void keepAlive()}>
          继续使用
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {seconds > 0
          ? `为保护数据安全,您已较长时间未操作,登录将在约 ${seconds} 秒后失效。`
          : '登录已因长时间未操作而失效,请重新登录。'}
      </Typography.Paragraph>
    </Modal>
  );
}
