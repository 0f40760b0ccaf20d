import type { SessionContext } from '../domain/auth/session.service.ts';

/** What middleware puts on the request context for routes further down. */
export interface AppEnv {
  Variables: {
    /** The signed-in staff member, if any. */
    session: SessionContext | undefined;
    /** The token forms must echo back in `_csrf` (the session's, or the anonymous cookie's). */
    csrfToken: string;
  };
}
