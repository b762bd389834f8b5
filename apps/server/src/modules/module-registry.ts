import type { FastifyInstance } from 'fastify';
import { memberRoutes } from './members/member.routes.js';

/** Business modules register their routes here (one line per module). */
export async function moduleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(memberRoutes);
}
