import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadBlockPage, loadEditList } from '../../domain/goals/block-page.service.ts';
import { copyPlanToNextYear, startYearEndReport } from '../../domain/goals/goal-edit.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { BlockPage } from './block.page.tsx';
import { presentBlock } from './block.presenter.ts';
import { registerDeleteRoutes } from './delete.routes.tsx';
import { EditListPage } from './edit-list.page.tsx';
import { presentEditList } from './edit-list.presenter.ts';
import { editorCss } from './editor.css.ts';
import { editorUrls, readFlash } from './editor.urls.ts';
import { addressOf } from './form.ts';
import { registerGoalRoutes } from './goal.routes.tsx';
import { registerItemRoutes } from './item.routes.tsx';
import { registerPairingRoutes } from './pairing.routes.tsx';
import { registerQuantityRoutes } from './quantity.routes.tsx';
import { BLOCK_PATH, numberParam } from './route-kit.tsx';

const COPY_REFUSALS: Record<string, string> = {
  CONFLICT: 'その年度の目標はすでにあります。一覧から開いて編集してください。',
  LOCKED: '作成先が提出・承認などにより編集できない状態のため、作成できませんでした。',
  NOT_FOUND: '作成元の重点目標がありません。',
};

/** Copies a plan block (next year's plan, or this year's review); on success the new block opens. */
async function copyAction(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  kind: 'next' | 'review',
): Promise<Response> {
  const session = requireSession(c);
  const input = { departmentId: numberParam(c, 'departmentId'), year: numberParam(c, 'year') };
  try {
    const { to } = await (kind === 'next' ? copyPlanToNextYear : startYearEndReport)(
      db,
      session.actor,
      input,
    );
    return c.redirect(editorUrls.done(to, { kind: 'copied', entity: 'block' }), 303);
  } catch (error) {
    const message = error instanceof AppError ? COPY_REFUSALS[error.code] : undefined;
    if (!message) throw error;
    const view = presentEditList(session, await loadEditList(db, session.actor), message);
    return c.html(await renderPage(<EditListPage view={view} />), 409);
  }
}

/** The staff editor of goals and items (issue "Staff editing"). */
export function registerEditorRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(editorUrls.stylesheet(), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(editorCss);
  });

  app.get(editorUrls.list(), async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const session = requireSession(c);
    const view = presentEditList(session, await loadEditList(db, session.actor));
    return c.html(await renderPage(<EditListPage view={view} />));
  });

  app.get(BLOCK_PATH, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const flash = readFlash((name) => c.req.query(name));
    const session = requireSession(c);
    const address = addressOf(c);
    const page = await loadBlockPage(db, session.actor, address);
    const view = presentBlock(session, address, page, { flash });
    return c.html(await renderPage(<BlockPage view={view} />));
  });

  const YEAR = '/staff/edit/:departmentId{[0-9]+}/:year{[0-9]{4}}';
  app.post(`${YEAR}/copy-next-year`, (c) => copyAction(c, db, 'next'));
  app.post(`${YEAR}/start-review`, (c) => copyAction(c, db, 'review'));

  registerGoalRoutes(app, db);
  registerItemRoutes(app, db);
  registerQuantityRoutes(app, db);
  registerDeleteRoutes(app, db);
  registerPairingRoutes(app, db);
}
