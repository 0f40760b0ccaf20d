import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { documentSchema } from '../../domain/document/document.schema.ts';
import { AppError } from '../../errors.ts';
import { confirmPendingImport, stagePendingImport } from '../../importer/pending/pending-import.service.ts';
import { formBody } from '../../web/request-body.ts';
import type { ApiApp } from '../api-app.ts';
import { requireActor } from './require-actor.ts';
import { errorResponses, json } from './schemas.ts';

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
      changes: z.array(changeSchema),
      warnings: documentSchema.shape.warnings,
    }),
  ),
});

export function registerImportApi(api: ApiApp, db: Db): void {
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
        db.kysely,
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
                planYear: z.number().int().min(1989).optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(resultSchema, 'what was added, changed and removed'),
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const result = await confirmPendingImport(db, actor, c.req.valid('param').token, c.req.valid('json'));
      return c.json(result, 200);
    },
  );
}
