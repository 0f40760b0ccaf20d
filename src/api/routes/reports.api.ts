import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { copyPlanToNextYear, moveGoal, moveItem } from '../../domain/goals/goal-edit.service.ts';
import { saveAssessment } from '../../domain/workflow/final.service.ts';
import { saveInterimProgress } from '../../domain/workflow/interim.service.ts';
import { openFiscalYear } from '../../domain/workflow/year.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses } from './schemas.ts';

const security = [{ session: [] }];
const id = (name: string) => z.object({ [name]: z.coerce.number().int().positive() });
const moveBody = z.object({ version: z.number().int(), direction: z.enum(['up', 'down']) });
const body = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Reordering, starting a year, and the 中間報告 / 期末報告 entries. */
export function registerReportsApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goalId}/move',
      tags: ['editing'],
      security,
      summary: 'Move a goal up or down',
      request: { params: id('goalId'), body: body(moveBody) },
      responses: { 200: { description: 'moved' }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        await moveGoal(db, requireActor(c), {
          goalId: Number(c.req.valid('param').goalId),
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/items/{itemId}/move',
      tags: ['editing'],
      security,
      summary: 'Move an item up or down',
      request: { params: id('itemId'), body: body(moveBody) },
      responses: { 200: { description: 'moved' }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        await moveItem(db, requireActor(c), {
          itemId: Number(c.req.valid('param').itemId),
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/departments/{departmentId}/years/{year}/copy-next-year',
      tags: ['editing'],
      security,
      summary: "Start next year's plan from this year's (a draft; each copy records its source)",
      request: {
        params: z.object({
          departmentId: z.coerce.number().int().positive(),
          year: z.coerce.number().int().min(1989),
        }),
      },
      responses: { 201: { description: 'copied' }, ...errorResponses },
    }),
    async (c) => {
      const { departmentId, year } = c.req.valid('param');
      return c.json(await copyPlanToNextYear(db, requireActor(c), { departmentId, year }), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/years/{year}/open',
      tags: ['workflow'],
      security,
      summary: 'Open a fiscal year: draft phases for every department, with deadlines (planning)',
      request: {
        params: z.object({ year: z.coerce.number().int().min(1989) }),
        body: body(
          z.object({
            deadlines: z.record(z.enum(['goal_setting', 'interim', 'final']), z.string()).optional(),
          }),
        ),
      },
      responses: { 200: { description: 'opened' }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        await openFiscalYear(db, requireActor(c), {
          year: c.req.valid('param').year,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/interim/{itemId}',
      tags: ['workflow'],
      security,
      summary:
        "Save an item's 中間報告 (progress so far; numbers are read from the text), or mark it 未着手 (notStarted)",
      request: {
        params: id('itemId'),
        body: body(
          z.object({
            text: z.string(),
            notStarted: z.boolean().optional().describe('未着手: reported as not started yet'),
            version: z.number().int(),
          }),
        ),
      },
      responses: { 200: { description: 'saved: the new version' }, ...errorResponses },
    }),
    async (c) => {
      const version = await saveInterimProgress(db, requireActor(c), {
        itemId: Number(c.req.valid('param').itemId),
        ...c.req.valid('json'),
      });
      return c.json({ version }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/final/{goalId}',
      tags: ['workflow'],
      security,
      summary: "Save a goal's 期末評価: 達成 / 概ね達成 / 未達成, with the reason required when not achieved",
      request: {
        params: id('goalId'),
        body: body(
          z.object({
            assessment: z.enum(['achieved', 'mostly', 'not_achieved']),
            reason: z.string(),
            version: z.number().int(),
          }),
        ),
      },
      responses: { 200: { description: 'saved' }, ...errorResponses },
    }),
    async (c) => {
      const result = await saveAssessment(db, requireActor(c), {
        goalId: Number(c.req.valid('param').goalId),
        ...c.req.valid('json'),
      });
      return c.json({ result }, 200);
    },
  );
}
