import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { roles } from '../../domain/auth/actor.ts';
import { login, logout, resolveSession, SESSION_IDLE_MS } from '../../domain/auth/session.service.ts';
import { AppError } from '../../errors.ts';
import { clientAddress } from '../../http/client-address.ts';
import { isHttps, SESSION_COOKIE, setSecureCookie } from '../../http/cookies.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, json } from './schemas.ts';

const meSchema = z.object({
  login: z.string(),
  displayName: z.string(),
  municipalityId: z.number(),
  grants: z.array(z.object({ role: z.enum(roles), departmentId: z.number().nullable() })),
  csrfToken: z.string().describe('send as X-CSRF-Token on every state-changing call'),
});

export function registerSessionApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      tags: ['session'],
      summary: 'Sign in (sets the session cookie). Needs the anonymous CSRF cookie and X-CSRF-Token.',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ login: z.string(), password: z.string() }) } },
        },
      },
      responses: {
        200: json(meSchema, 'signed in'),
        401: errorResponses[401],
        403: errorResponses[403],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const client = clientAddress(c);
      const { token } = await login(db, { login: body.login, password: body.password, client });
      setSecureCookie(c, SESSION_COOKIE, token, { maxAge: SESSION_IDLE_MS / 1000 });
      const session = await resolveSession(db, token);
      if (!session) throw new AppError('INTERNAL', 'session vanished');
      return c.json(
        { ...session.actor, displayName: session.displayName, csrfToken: session.csrfToken },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['session'],
      summary: 'Who is signed in',
      security: [{ session: [] }],
      responses: { 200: json(meSchema, 'the signed-in user'), 401: errorResponses[401] },
    }),
    async (c) => {
      const actor = requireActor(c);
      const session = c.get('session');
      return c.json(
        { ...actor, displayName: session?.displayName ?? actor.login, csrfToken: c.get('csrfToken') },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/session',
      tags: ['session'],
      summary: 'Sign out',
      security: [{ session: [] }],
      responses: { 204: { description: 'signed out' }, 403: errorResponses[403] },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await logout(db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
      return c.body(null, 204);
    },
  );
}
