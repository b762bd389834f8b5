import { Secret, TOTP } from 'otpauth';

/** TOTP (RFC 6238, SHA-1, 30 s, 6 digits). */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUrl(secret: string, username: string, issuer: string): string {
  return new TOTP({ issuer, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) }).toString();
}

/**
 * Checks a code within ±1 step and returns its time-step counter, or null. The caller refuses a
 * counter not greater than the last one used, so each code works once.
 */
export function checkTotp(secret: string, code: string, now = Date.now()): number | null {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}
