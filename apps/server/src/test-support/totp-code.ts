import { Secret, TOTP } from 'otpauth';

/** The current (or a given time's) TOTP code for a base32 secret, as an authenticator app shows it. */
export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
}
