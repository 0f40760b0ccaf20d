import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { roles } from '../../domain/auth/actor.ts';
import { createUser } from '../../domain/auth/user.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, json } from './schemas.ts';

const newUserSchema = z.object({
  login: z.string(),
  displayName: z.string().optional(),
  password: z.string(),
  role: z.enum(roles),
  department: z.string().optional().describe('editor and approver: department name or id'),
});

export function registerUserApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['admin'],
      summary: 'Create an account (admin)',
      security: [{ session: [] }],
      request: { body: { content: { 'application/json': { schema: newUserSchema } } } },
      responses: {
        201: json(z.object({ id: z.number() }), 'created'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const id = await db.transaction().execute((trx) => createUser(trx, actor, input));
      return c.json({ id }, 201);
    },
  );
}
