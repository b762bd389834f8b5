import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/session.service.js';
import { unauthorized } from './app-error.js';

/** The caller's auth context; the guard already answered 401 for routes that need one. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthorized();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.auth?.user.id ?? null, username: req.auth?.user.username ?? null, orgId: req.auth?.user.orgId ?? null, ip: req.ip };
}
