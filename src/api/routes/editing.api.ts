import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import {
  createGoal,
  createItem,
  deleteGoal,
  deleteItem,
  editGoal,
  editItem,
} from '../../domain/goals/goal-edit.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, json } from './schemas.ts';

const goalSchema = z.object({
  id: z.number(),
  no: z.number(),
  position: z.number(),
  title: z.string(),
  version: z.number(),
});
const itemSchema = z.object({
  id: z.number(),
  goalId: z.number(),
  no: z.number(),
  position: z.number(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  text: z.string(),
  note: z.string().nullable(),
  version: z.number(),
});
const unitSchema = z
  .union([z.object({ id: z.number().int() }), z.object({ name: z.string().min(1) }), z.null()])
  .describe('an existing sub-unit, a new one by name, or none');
const itemFields = z.object({
  no: z.number().int().min(1).optional(),
  unit: unitSchema.default(null),
  text: z.string(),
  note: z.string().default(''),
});
const conflicts = {
  ...errorResponses,
  409: { description: 'STALE: changed by someone else since `version` (the stored values are in the error)' },
  423: { description: 'LOCKED: the phase is not a draft' },
};
const id = (name: string) => z.object({ [name]: z.coerce.number().int().positive() });

/** Editing over the API: the same services, rules, versions and audit as the editor pages. */
export function registerEditingApi(api: ApiApp, db: Kysely<Database>): void {
  const security = [{ session: [] }];
  api.openapi(
    createRoute({
      method: 'post',
      path: '/goals',
      tags: ['editing'],
      security,
      summary: 'Add a goal at the end of a block',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                departmentId: z.number().int(),
                year: z.number().int(),
                block: z.enum(['plan', 'review']),
                title: z.string(),
              }),
            },
          },
        },
      },
      responses: { 201: json(goalSchema, 'created'), ...conflicts },
    }),
    async (c) => c.json(await createGoal(db, requireActor(c), c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/goals/{goalId}',
      tags: ['editing'],
      security,
      summary: "Change a goal's title",
      request: {
        params: id('goalId'),
        body: {
          content: {
            'application/json': { schema: z.object({ version: z.number().int(), title: z.string() }) },
          },
        },
      },
      responses: { 200: json(goalSchema, 'saved'), ...conflicts },
    }),
    async (c) =>
      c.json(
        await editGoal(db, requireActor(c), {
          goalId: Number(c.req.valid('param').goalId),
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/goals/{goalId}',
      tags: ['editing'],
      security,
      summary: 'Delete a goal and its items',
      request: { params: id('goalId'), query: z.object({ version: z.coerce.number().int() }) },
      responses: { 204: { description: 'deleted' }, ...conflicts },
    }),
    async (c) => {
      await deleteGoal(db, requireActor(c), {
        goalId: Number(c.req.valid('param').goalId),
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goalId}/items',
      tags: ['editing'],
      security,
      summary: 'Add an item to a goal',
      request: { params: id('goalId'), body: { content: { 'application/json': { schema: itemFields } } } },
      responses: { 201: json(itemSchema, 'created'), ...conflicts },
    }),
    async (c) =>
      c.json(
        await createItem(db, requireActor(c), {
          goalId: Number(c.req.valid('param').goalId),
          ...c.req.valid('json'),
        }),
        201,
      ),
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/items/{itemId}',
      tags: ['editing'],
      security,
      summary: 'Save an item: number, sub-unit, text, note (quantities re-read)',
      request: {
        params: id('itemId'),
        body: {
          content: { 'application/json': { schema: itemFields.extend({ version: z.number().int() }) } },
        },
      },
      responses: { 200: json(itemSchema, 'saved'), ...conflicts },
    }),
    async (c) =>
      c.json(
        await editItem(db, requireActor(c), {
          itemId: Number(c.req.valid('param').itemId),
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/items/{itemId}',
      tags: ['editing'],
      security,
      summary: 'Delete an item',
      request: { params: id('itemId'), query: z.object({ version: z.coerce.number().int() }) },
      responses: { 204: { description: 'deleted' }, ...conflicts },
    }),
    async (c) => {
      await deleteItem(db, requireActor(c), {
        itemId: Number(c.req.valid('param').itemId),
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
