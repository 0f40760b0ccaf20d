import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { municipalityName } from '../../domain/municipalities/municipality.service.ts';
import { countWaiting } from '../../domain/workflow/inbox.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { withStaffHeader } from '../components/staff-bar.tsx';

const isStaffPath = (path: string) => path === '/staff' || path.startsWith('/staff/');

/**
 * For a signed-in person's request under /staff: the city's name and the count of waiting phases,
 * for the header Layout draws (components/staff-bar.tsx) — read only if a page is drawn, so a form
 * post that comes back with its errors carries the bar too, and a redirect reads nothing.
 */
export function staffHeader(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session || !isStaffPath(c.req.path)) return next();
    const { actor } = session;
    await withStaffHeader(
      async (known) => ({
        municipalityName: await municipalityName(db, actor.municipalityId),
        displayName: session.displayName,
        waiting: known.waiting ?? (await countWaiting(db, actor)),
      }),
      () => next(),
    );
  };
}
