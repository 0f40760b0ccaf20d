import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppEnv } from '../../http/env.ts';
import { getImportHistoryEntry, listImportHistory } from '../../importer/import-history.service.ts';
import { UndoRefusedError, undoImport } from '../../importer/import-undo.service.ts';
import { logger } from '../../logger.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { IMPORT_HISTORY_URL, ImportHistoryPage, UndoConfirmPage } from './import-history.page.tsx';

/**
 * 取り込み履歴 and undo (issue 9, item 5e). Registered before the import routes: `/staff/import/:token`
 * would otherwise take `history` for a pending upload's token.
 */
export function registerImportHistoryRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(IMPORT_HISTORY_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const entries = await listImportHistory(db, actor);
    const undone = Number(c.req.query('undone'));
    return c.html(
      await renderPage(
        <ImportHistoryPage
          entries={entries}
          undone={Number.isSafeInteger(undone) && undone > 0 ? undone : undefined}
        />,
      ),
    );
  });

  app.get(`${IMPORT_HISTORY_URL}/:importId{[0-9]+}`, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const entry = await getImportHistoryEntry(db, actor, Number(c.req.param('importId')));
    return c.html(await renderPage(<UndoConfirmPage view={{ entry, csrfToken: c.get('csrfToken') }} />));
  });

  app.post(`${IMPORT_HISTORY_URL}/:importId{[0-9]+}/undo`, async (c) => {
    const { actor } = requireSession(c);
    const id = Number(c.req.param('importId'));
    try {
      await undoImport(db, actor, id);
    } catch (error) {
      if (!(error instanceof UndoRefusedError)) throw error;
      logger.info({ importId: id, reason: error.english }, 'import undo refused');
      const entry = await getImportHistoryEntry(db, actor, id);
      const view = {
        entry: { ...entry, undoable: false },
        csrfToken: c.get('csrfToken'),
        error: error.message,
      };
      return c.html(await renderPage(<UndoConfirmPage view={view} />), 409);
    }
    return c.redirect(`${IMPORT_HISTORY_URL}?undone=${id}`, 303);
  });
}
