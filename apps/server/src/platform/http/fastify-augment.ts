import type { RoutePermission } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import type { AppContext } from '../app-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the permission code the route needs: a code, 'authenticated' (any login) or 'public' */
    permission?: RoutePermission;
    /** callable while the session still owes a password change or MFA enrolment */
    allowRestricted?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
    routeRegistry: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}
