import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/session.service.js';
import { invalidField, unauthorized } from './app-error.js';

/** The caller's auth context; the guard already answered 401 for routes that need one. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthorized();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.auth?.user.id ?? null, username: req.auth?.user.username ?? null, orgId: req.auth?.user.orgId ?? null, ip: req.ip };
}

/** The `Idempotency-Key` header of a payment request (null when absent); 422 when malformed. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return null;
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(key)) throw invalidField('Idempotency-Key', 'Idempotency-Key 应为8-100位字母、数字、- 或 _');
  return key;
}
