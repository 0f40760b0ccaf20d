import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { type AuditEvent, cityLog, goalHistory } from '../../domain/audit/audit.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, json } from './schemas.ts';

const eventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  /** The actor's display name; null for the operator at the command line. */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number().nullable(),
  departmentId: z.number().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const present = (e: AuditEvent) => ({
  id: e.id,
  at: e.at,
  actor: e.actor_login,
  actorName: e.actor_name,
  action: e.action,
  entityType: e.entity_type,
  entityId: e.entity_id,
  departmentId: e.department_id,
  summary: e.summary,
  before: e.before_json === null ? null : JSON.parse(e.before_json),
  after: e.after_json === null ? null : JSON.parse(e.after_json),
});

export function registerAuditApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/goals/{id}/history',
      tags: ['audit'],
      summary: "A goal's history: its own changes and its items', newest first",
      security: [{ session: [] }],
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: {
        200: json(z.array(eventSchema), 'events'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const history = await goalHistory(db, requireActor(c), c.req.valid('param').id);
      return c.json(history.events.map(present), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['audit'],
      summary: 'The city-wide audit log (admin), newest first, 50 a page',
      security: [{ session: [] }],
      request: {
        query: z.object({ before: z.coerce.number().int().optional(), action: z.string().optional() }),
      },
      responses: { 200: json(z.array(eventSchema), 'events'), 403: errorResponses[403] },
    }),
    async (c) => {
      const { before, action } = c.req.valid('query');
      const events = await cityLog(db, requireActor(c), { beforeId: before, action });
      return c.json(events.map(present), 200);
    },
  );
}
