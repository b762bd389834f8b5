import type { FastifyInstance } from 'fastify';

/** Business modules register their routes here (one line per module). */
export async function moduleRoutes(_app: FastifyInstance): Promise<void> {
  // modules are added by their issues: orgs coverage, members, aid, activities ...
}
