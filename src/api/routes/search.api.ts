import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { MAX_QUERY_LENGTH } from '../../search/query.ts';
import { COUNT_CAP, PAGE_SIZE, search } from '../../search/search.service.ts';
import { searchUrls } from '../../views/search.urls.ts';
import type { ApiApp } from '../api-app.ts';
import { errorResponses, json } from './schemas.ts';

const segments = z
  .array(z.object({ text: z.string(), hit: z.boolean() }))
  .describe('The text as written, split into matched (hit) and other parts');

const searchResultSchema = z.object({
  terms: z.array(z.string()).describe('The folded terms, all of which a hit contains'),
  total: z
    .number()
    .describe(
      `How many entries match, counted up to ${COUNT_CAP}: when more match, total is ${COUNT_CAP} and totalCapped is true`,
    ),
  totalCapped: z
    .boolean()
    .describe(
      `true: more entries match than total says; only the first ${COUNT_CAP} (newest fiscal year first) can be paged — add terms or filters to reach the others`,
    ),
  page: z.number(),
  pageCount: z
    .number()
    .describe(
      `Pages of pageSize hits over the total (at most ${COUNT_CAP}) hits; a page past the last reads as the last`,
    ),
  pageSize: z.number(),
  hits: z.array(
    z.object({
      municipality: z.object({ code: z.string(), name: z.string() }),
      department: z.object({ id: z.number(), name: z.string() }),
      year: z.number().describe('Fiscal year (西暦) the block is about'),
      block: z.enum(['plan', 'review']),
      goalNo: z.number(),
      goalTitle: segments,
      grade: z
        .string()
        .nullable()
        .describe('Grade of the goal (title hits) or item; null when none is public'),
      item: z
        .object({ no: z.number(), unit: segments.nullable(), text: segments, note: segments.nullable() })
        .optional(),
      tableUrl: z.string().describe('The public 一覧表 page, at the goal row'),
    }),
  ),
});

const querySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH),
  municipality: z.string().max(50).optional(),
  year: z.coerce.number().int().min(1989).max(2999).optional(),
  department: z.coerce.number().int().positive().optional(),
  block: z.enum(['plan', 'review']).optional(),
  grade: z.string().min(1).max(20).optional(),
  page: z.coerce.number().int().min(1).max(99_999).optional(),
});

/** The public search as JSON: the same published data, filters and order as the /search page. */
export function registerSearchApi(api: ApiApp, db: Kysely<Database>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags: ['public'],
      summary: 'Full-text search over published goals and items, all years',
      request: { query: querySchema },
      responses: { 200: json(searchResultSchema, 'one page of hits'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { department, ...query } = c.req.valid('query');
      const { capped, ...result } = await search(db, { ...query, departmentId: department });
      const hits = result.hits.map((hit) => ({
        ...hit,
        tableUrl: searchUrls.hit({ ...hit, code: hit.municipality.code, departmentId: hit.department.id }),
      }));
      return c.json({ ...result, totalCapped: capped, pageSize: PAGE_SIZE, hits }, 200);
    },
  );
}
