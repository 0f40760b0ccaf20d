import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadBlockPage } from '../../domain/goals/block-page.service.ts';
import type { BlockAddress } from '../../domain/goals/goal-edit.types.ts';
import { AppError, httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { requireSession } from '../staff/require-session.ts';
import { BlockPage } from './block.page.tsx';
import { presentBlock } from './block.presenter.ts';
import { editorUrls, type Flash } from './editor.urls.ts';
import type { Problem } from './editor.view.ts';
import { type ProblemBase, RECOVERABLE, toProblem } from './problem.ts';

/** The group matters: Hono's trie router tests `^plan|review$` against the rest of the path, so an
 * ungrouped alternation would let the block page swallow `/plan/goals/7/delete`. */
export const BLOCK_PATH = '/staff/edit/:departmentId{[0-9]+}/:year{[0-9]{4}}/:block{(?:plan|review)}';
export const ID = '{[0-9]+}';

export const numberParam = (c: Context<AppEnv>, name: string) => Number(c.req.param(name));

/**
 * Runs one save. Success: Post/Redirect/Get to the block, flash and anchor on what changed.
 * A refusal the user can act on (stale, invalid, locked, gone): the block page again, with the
 * user's input kept in its form and the reason (and the other change) beside it.
 */
export async function attempt(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  address: BlockAddress,
  base: ProblemBase | ((error: AppError) => Problem),
  run: () => Promise<Flash>,
): Promise<Response> {
  const session = requireSession(c);
  try {
    return c.redirect(editorUrls.done(address, await run()), 303);
  } catch (error) {
    if (!(error instanceof AppError) || !RECOVERABLE.has(error.code)) throw error;
    const problem = toProblem(base, error);
    const view = presentBlock(session, address, await loadBlockPage(db, session.actor, address), {
      problem,
    });
    return c.html(await renderPage(<BlockPage view={view} />), httpStatusOf(error.code) as 400);
  }
}
