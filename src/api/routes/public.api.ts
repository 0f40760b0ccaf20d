import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { documentSchema } from '../../format/document.schema.ts';
import { presentIchiranhyo, presentIndex } from '../../presenters/catalog.presenter.ts';
import type { ApiApp } from '../api-app.ts';
import { errorResponses, json } from './schemas.ts';

const catalogSchema = z.object({
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      departments: z.array(z.object({ id: z.number(), name: z.string(), planYears: z.array(z.number()) })),
    }),
  ),
});

export function registerPublicApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities',
      tags: ['public'],
      summary: 'Municipalities, departments and the plan years with published tables',
      responses: { 200: json(catalogSchema, 'the catalog') },
    }),
    async (c) => c.json(await presentIndex(db), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/departments/{departmentId}/tables/{planYear}',
      tags: ['public'],
      summary: "One department's published 一覧表 (interchange JSON)",
      request: {
        params: z.object({
          code: z.string(),
          departmentId: z.coerce.number().int().positive(),
          planYear: z.coerce.number().int().min(1989),
        }),
      },
      responses: { 200: json(documentSchema, 'the table'), 404: errorResponses[404] },
    }),
    async (c) => {
      const { code, departmentId, planYear } = c.req.valid('param');
      return c.json((await presentIchiranhyo(db, code, departmentId, planYear)).document, 200);
    },
  );
}
