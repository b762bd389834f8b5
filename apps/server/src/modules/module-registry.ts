import type { FastifyInstance } from 'fastify';
import './members/member-login.js';
import { memberRoutes } from './members/member.routes.js';
import { memberTransferRoutes } from './members/member-transfer.routes.js';
import { memberIoRoutes } from './members/member-io.routes.js';
import { enterpriseRoutes } from './enterprises/enterprise.routes.js';
import { enterpriseIoRoutes } from './enterprises/enterprise-io.routes.js';
import { coverageRoutes } from './coverage/coverage.routes.js';

/** Business modules register their routes here (one line per module). */
export async function moduleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(memberRoutes);
  await app.register(memberTransferRoutes);
  await app.register(memberIoRoutes);
  await app.register(enterpriseRoutes);
  await app.register(enterpriseIoRoutes);
  await app.register(coverageRoutes);
}
