import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { memberProfileSchema } from '@gonghui/contracts';
import { authOf } from '../../platform/http/request-helpers.js';
import { memberProfile } from './member-profile.service.js';

/** The member's own record on the H5 portal (masked; Cache-Control: no-store like every /api answer). */
export async function memberProfileRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/m/profile', { config: { permission: 'member:profile:self' }, schema: { tags: ['会员实名制'], summary: '我的会员信息(脱敏)', response: { 200: memberProfileSchema } } }, (req) =>
    memberProfile(app.ctx, authOf(req)),
  );
}
