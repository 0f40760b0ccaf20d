import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { removeIndicator, setIndicator } from '../../domain/evaluation/index.ts';
import { authorizeEditor } from '../../domain/evaluation/match-action.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { requireSession } from '../staff/require-session.ts';
import { EVALUATION_PAGE_ROUTE, evaluationUrls, targetAnchor } from './evaluation.urls.ts';
import { failureOf } from './form.ts';
import { indicatorFieldOfPath, readIndicatorForm } from './indicator-input.ts';

const INDICATOR = `${EVALUATION_PAGE_ROUTE}/indicator/:targetId{[0-9]+}`;

interface Where {
  departmentId: number;
  year: number;
  targetId: number;
}

/** Save (replace) and remove a target's indicator (成果指標・活動指標) from the staff evaluation page. */
export function registerIndicatorRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.post(INDICATOR, async (c) =>
    respond(c, db, whereOf(c), 'indicator', async (actor, targetId) => {
      const input = readIndicatorForm(await formBody(c));
      await setIndicator(db, actor, targetId, input);
    }),
  );

  app.post(`${INDICATOR}/delete`, async (c) =>
    respond(c, db, whereOf(c), 'indicator-removed', async (actor, targetId) => {
      await removeIndicator(db, actor, targetId);
    }),
  );
}

function whereOf(c: Context<AppEnv>): Where {
  return {
    departmentId: Number(c.req.param('departmentId')),
    year: Number(c.req.param('year')),
    targetId: Number(c.req.param('targetId')),
  };
}

/**
 * Post/Redirect/Get back to the target's row. Someone who may not edit the department is refused
 * before the form is read (as on the grade-scale page), so nobody else learns what was wrong with
 * it; the service then checks the target's own department. A wrong field comes back in the query
 * by its form name (`field=baselineDate`), never as free text.
 */
async function respond(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  where: Where,
  saved: string,
  run: (actor: Actor, targetId: number) => Promise<void>,
): Promise<Response> {
  const { actor } = requireSession(c);
  await authorizeEditor(db, actor, where.departmentId);
  const back = evaluationUrls.page(where.departmentId, where.year);
  const anchor = `#${targetAnchor(where.targetId)}`;
  try {
    await run(actor, where.targetId);
    return c.redirect(`${back}?saved=${saved}${anchor}`, 303);
  } catch (error) {
    const failed = failureOf(error);
    if (!failed) throw error;
    const field =
      failed === 'invalid' && error instanceof AppError
        ? `&target=${where.targetId}&field=${indicatorFieldOfPath(error.location.field)}`
        : '';
    return c.redirect(`${back}?failed=${failed}${field}${anchor}`, 303);
  }
}
