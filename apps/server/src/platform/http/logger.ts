import type { FastifyServerOptions } from 'fastify';

/** pino options: JSON logs with personal data and secrets redacted (security.md 13). */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.oldPassword',
        '*.idCard',
        '*.phone',
        '*.bankAccount',
        '*.otp',
      ],
      censor: '[已脱敏]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], ip: req.ip }),
    },
  };
}
