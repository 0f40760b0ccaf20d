import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { transition } from '../../domain/workflow/transition.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, errorSchema, json } from './schemas.ts';

export function registerWorkflowApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/workflow/{departmentId}/{year}/{phase}',
      tags: ['workflow'],
      security: [{ session: [] }],
      summary:
        'Move a phase: submit, approve (部局長), accept (企画), sign (extra steps), publish, return (差し戻し, comment required)',
      request: {
        params: z.object({
          departmentId: z.coerce.number().int().positive(),
          year: z.coerce.number().int().min(1989),
          phase: z.enum(['goal_setting', 'interim', 'final']),
        }),
        body: {
          content: {
            'application/json': {
              schema: z.object({
                action: z.enum(['submit', 'approve', 'accept', 'sign', 'publish', 'return']),
                version: z.number().int().describe('the phase_status version the caller saw'),
                comment: z.string().optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(
          z.object({
            from: z.string(),
            to: z.string(),
            version: z.number(),
            stepName: z.string().optional(),
          }),
          'moved',
        ),
        ...errorResponses,
        409: {
          description:
            'STALE, not possible now, or PHASE_INCOMPLETE: error.gaps lists each missing field ({ field, message, href })',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const result = await transition(db, requireActor(c), { ...params, ...c.req.valid('json') });
      return c.json(result, 200);
    },
  );
}
