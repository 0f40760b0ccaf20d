import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import {
  applyMatchAction,
  evaluationForEditor,
  MATCH_ACTIONS,
} from '../../domain/evaluation/match-action.ts';
import { type ApiApp, apiRegistrations } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, json } from './schemas.ts';

const quantity = z.object({
  id: z.number(),
  value: z.number(),
  unit: z.string(),
  comparator: z.string(),
  text: z.string().nullable(),
  subItem: z.number().nullable(),
  label: z.string(),
  name: z.string().nullable(),
});

const target = z.object({
  target: quantity,
  actual: quantity.nullable(),
  match: z.object({
    status: z.enum(['suggested', 'confirmed', 'rejected', 'manual']),
    stored: z.boolean(),
    score: z.number().nullable(),
    rejectedActualId: z.number().nullable(),
  }),
  rate: z.number().nullable(),
  grade: z.string().nullable(),
  status: z.enum(['achieved', 'partly', 'not', 'unreported']),
  asOf: z.string().nullable(),
  name: z
    .string()
    .nullable()
    .describe('指標名: confirmed by an editor, else read cleanly from the target, else null'),
  nameSource: z.enum(['editor', 'derived']).nullable(),
});

const item = z.object({
  id: z.number(),
  no: z.number(),
  text: z.string(),
  kind: z.enum(['numeric', 'qualitative']),
  reviewItem: z.object({ id: z.number(), actuals: z.array(quantity) }).nullable(),
  targets: z.array(target),
  selfAssessment: z.object({ grade: z.string(), comment: z.string(), inScale: z.boolean() }).nullable(),
  rate: z.number().nullable(),
  grade: z.string().nullable(),
  status: z.string(),
});

const evaluation = z.object({
  department: z.object({ id: z.number(), name: z.string() }),
  fiscalYear: z.number(),
  reviewAvailable: z.boolean(),
  scale: z.object({ bands: z.array(z.object({ label: z.string(), minRate: z.number() })) }),
  goals: z.array(
    z.object({
      id: z.number(),
      no: z.number(),
      title: z.string(),
      items: z.array(item),
      rate: z.number().nullable(),
      grade: z.string().nullable(),
      status: z.string(),
    }),
  ),
});

const matchBody = z.object({
  action: z.enum(MATCH_ACTIONS),
  actualId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe(
      'set: the chosen actual (null: 未報告); confirm/reject: the actual the client saw (optional check)',
    ),
});

const matchResult = z.object({
  targetId: z.number(),
  actualId: z.number().nullable(),
  status: z.enum(['suggested', 'confirmed', 'rejected', 'manual', 'cleared']),
});

export function registerEvaluationApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/evaluation/{departmentId}/{year}',
      tags: ['evaluation'],
      summary: "A department's targets of the year against its actuals (editors of it and planning)",
      security: [{ session: [] }],
      request: {
        params: z.object({
          departmentId: z.coerce.number().int().positive(),
          year: z.coerce.number().int().min(1900).max(2999),
        }),
      },
      responses: {
        200: json(evaluation, 'the evaluation'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { departmentId, year } = c.req.valid('param');
      return c.json(await evaluationForEditor(db, requireActor(c), departmentId, year), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/evaluation/matches/{targetId}',
      tags: ['evaluation'],
      summary: "Confirm, set, reject or clear a target's actual",
      security: [{ session: [] }],
      request: {
        params: z.object({ targetId: z.coerce.number().int().positive() }),
        body: { content: { 'application/json': { schema: matchBody } }, required: true },
      },
      responses: {
        200: json(matchResult, 'the decision stored'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { action, actualId } = c.req.valid('json');
      const result = await applyMatchAction(
        db,
        requireActor(c),
        c.req.valid('param').targetId,
        action,
        actualId,
      );
      return c.json(result, 200);
    },
  );
}

// Registered at import: createApi runs before the page routes are registered.
if (!apiRegistrations.includes(registerEvaluationApi)) apiRegistrations.push(registerEvaluationApi);
