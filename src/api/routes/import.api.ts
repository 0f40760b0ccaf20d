import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { documentSchema } from '../../format/document.schema.ts';
import { formBody } from '../../http/request-body.ts';
import { confirmPendingImport, stagePendingImport } from '../../importer/pending/pending-import.service.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, errorSchema, json } from './schemas.ts';

const changeSchema = z.object({
  kind: z.enum(['added', 'changed', 'removed']),
  block: z.enum(['review', 'plan']),
  fiscalYear: z.number(),
  goalNo: z.number(),
  itemNo: z.number().optional(),
});

const resultSchema = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  documents: z.array(
    z.object({
      file: z.string(),
      departmentId: z.number(),
      department: z.string(),
      reviewYear: z.number(),
      planYear: z.number(),
      replaced: z.boolean(),
      published: z.boolean().describe('stored as published history; false: drafts (作成中) of their phases'),
      changes: z.array(changeSchema),
      warnings: documentSchema.shape.warnings,
    }),
  ),
});

export function registerImportApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      tags: ['import'],
      summary: 'Upload a 一覧表 file: parsed and kept for confirmation, nothing stored yet',
      security: [{ session: [] }],
      request: {
        body: {
          content: { 'multipart/form-data': { schema: z.object({ file: z.any().describe('the file') }) } },
        },
      },
      responses: {
        201: json(
          z.object({ token: z.string(), documents: z.array(documentSchema) }),
          'parsed; confirm to store',
        ),
        400: errorResponses[400],
        403: errorResponses[403],
        413: errorResponses[413],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const file = (await formBody(c)).file;
      if (!(file instanceof File))
        throw new AppError('INVALID_INPUT', 'send the file as multipart field "file"', { field: 'file' });
      const pending = await stagePendingImport(
        db,
        actor,
        file.name,
        new Uint8Array(await file.arrayBuffer()),
      );
      return c.json({ token: pending.token, documents: pending.source.documents }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/imports/{token}/confirm',
      tags: ['import'],
      summary: 'Store an uploaded file (one transaction), optionally correcting department and plan year',
      security: [{ session: [] }],
      request: {
        params: z.object({ token: z.string() }),
        body: {
          content: {
            'application/json': {
              schema: z.object({
                department: z.string().optional(),
                planYear: z.number().int().min(1900).optional(),
                published: z
                  .boolean()
                  .optional()
                  .describe("planning/admin only: load the city's past table as already published"),
                allowYear: z
                  .boolean()
                  .optional()
                  .describe('confirm a plan year after next 年度 or before 平成元年度 (1989)'),
              }),
            },
          },
        },
      },
      responses: {
        200: json(resultSchema, 'what was added, changed and removed'),
        400: errorResponses[400],
        403: errorResponses[403],
        404: errorResponses[404],
        423: {
          description:
            'LOCKED: a block of the table is submitted, approved or published (the message names it)',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { published, allowYear, ...corrections } = c.req.valid('json');
      const result = await confirmPendingImport(db, actor, c.req.valid('param').token, corrections, {
        published,
        allowYear,
      });
      return c.json(result, 200);
    },
  );
}
