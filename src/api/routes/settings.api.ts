import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import {
  regradeYear,
  removeIndicator,
  scaleForYear,
  setGradeScale,
  setIndicator,
} from '../../domain/evaluation/index.ts';
import { indicatorInputSchema } from '../../domain/evaluation/indicator.service.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import {
  recordReorganisation,
  reorganisationInputSchema,
} from '../../domain/organisation/reorganisation.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses } from './schemas.ts';

const security = [{ session: [] }];
const fromYear = z
  .number()
  .int()
  .optional()
  .describe('First fiscal year (西暦) the scale grades; the current 年度 (Asia/Tokyo) when absent');
const gradeScaleSchema = z.union([
  z.object({ preset: z.enum(['achievement', 'abc', 'a_to_d', 's_to_c']), fromYear }),
  z.object({
    preset: z.literal('custom'),
    fromYear,
    name: z.string(),
    bands: z
      .array(z.object({ label: z.string(), minRate: z.number() }))
      .describe('Highest first; the last band starts at 0'),
  }),
]);

/** Evaluation settings and organisation changes: the domain validates, the API passes through. */
export function registerSettingsApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'put',
      path: '/evaluation/indicators/{targetId}',
      tags: ['evaluation'],
      security,
      summary:
        'Mark a target quantity as 成果指標 (outcome) or 活動指標 (activity), with baseline and long-term target',
      request: {
        params: z.object({ targetId: z.coerce.number().int().positive() }),
        body: { content: { 'application/json': { schema: indicatorInputSchema } } },
      },
      responses: { 204: { description: 'saved' }, ...errorResponses },
    }),
    async (c) => {
      await setIndicator(db, requireActor(c), c.req.valid('param').targetId, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/evaluation/indicators/{targetId}',
      tags: ['evaluation'],
      security,
      summary: 'Remove the indicator mark of a target',
      request: { params: z.object({ targetId: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'removed' }, ...errorResponses },
    }),
    async (c) => {
      await removeIndicator(db, requireActor(c), c.req.valid('param').targetId);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/grade-scale',
      tags: ['evaluation'],
      security,
      summary: "Set the municipality's grade scale: a preset or custom bands (planning, admin)",
      request: { body: { content: { 'application/json': { schema: gradeScaleSchema } } } },
      responses: { 204: { description: 'saved' }, ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      await setGradeScale(db, actor, actor.municipalityId, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/grade-scale',
      tags: ['evaluation'],
      security,
      summary: 'The grade scale that grades a fiscal year (kept from publication, else the one in force)',
      request: { query: z.object({ year: z.coerce.number().int().optional() }) },
      responses: {
        200: {
          description: 'the scale',
          content: {
            'application/json': {
              schema: z.object({
                fiscalYear: z.number().int(),
                preset: z.string(),
                name: z.string(),
                bands: z.array(z.object({ label: z.string(), minRate: z.number() })),
              }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const year = c.req.valid('query').year ?? fiscalYearOf(new Date());
      const scale = await scaleForYear(db, actor.municipalityId, year);
      return c.json({ fiscalYear: year, ...scale }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/grade-scale/regrade',
      tags: ['evaluation'],
      security,
      summary:
        'Grade a published fiscal year with the scale now in force for it instead of the one it was published with (planning, admin; audited)',
      request: {
        body: { content: { 'application/json': { schema: z.object({ fiscalYear: z.number().int() }) } } },
      },
      responses: { 204: { description: 're-graded' }, ...errorResponses },
    }),
    async (c) => {
      const actor = requireActor(c);
      await regradeYear(db, actor, actor.municipalityId, c.req.valid('json').fiscalYear);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/reorganisations',
      tags: ['organisation'],
      security,
      summary: 'Record a 組織改編 (rename, merge, split) so that earlier goals stay reachable',
      request: { body: { content: { 'application/json': { schema: reorganisationInputSchema } } } },
      responses: { 201: { description: 'recorded' }, ...errorResponses },
    }),
    async (c) => c.json(await recordReorganisation(db, requireActor(c), c.req.valid('json')), 201),
  );
}
