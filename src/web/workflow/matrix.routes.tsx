import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize } from '../../domain/auth/policy.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { phases } from '../../domain/workflow/labels.ts';
import { loadYearMatrix } from '../../domain/workflow/pages.service.ts';
import { openFiscalYear, setDeadline } from '../../domain/workflow/year.service.ts';
import { ensureYearPhases } from '../../domain/workflow/year-phases.service.ts';
import { httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { type FormBody, isRecoverable, messageOf, readForm, text } from './form.ts';
import { workflowUrls } from './format.ts';
import { MatrixPage } from './matrix.page.tsx';
import { presentMatrix } from './matrix.presenter.ts';

const MATRIX = '/staff/workflow/matrix/:year{[0-9]{4}}';

async function renderMatrix(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  extra: { notice?: string; error?: string } = {},
  status: 200 | 400 | 404 | 409 = 200,
) {
  const session = requireSession(c);
  authorize(session.actor, 'internal.read', { municipalityId: session.actor.municipalityId });
  // A year that exists gets every department's phases (new departments, imported years) before it is shown.
  await ensureYearPhases(db, session.actor.municipalityId, Number(c.req.param('year')));
  const year = Number(c.req.param('year'));
  const matrix = await loadYearMatrix(db, session.actor, year, new Date());
  const view = presentMatrix(session.actor, year, matrix);
  return c.html(
    await renderPage(<MatrixPage view={{ ...view, ...extra, csrfToken: session.csrfToken }} />),
    status,
  );
}

const deadlinesOf = (form: FormBody) => Object.fromEntries(phases.map((p) => [p, text(form, `due_${p}`)]));

/** The planning office's overview, opening a year and moving its deadlines. */
export function registerMatrixRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get('/staff/workflow/matrix', (c) => c.redirect(workflowUrls.matrix(fiscalYearOf(new Date()))));

  app.get(MATRIX, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const done = c.req.query('done');
    return renderMatrix(c, db, {
      notice:
        done === 'open' ? '年度を開始しました。' : done === 'deadlines' ? '期限を保存しました。' : undefined,
    });
  });

  const handle =
    (done: 'open' | 'deadlines', run: (c: Context<AppEnv>, year: number, form: FormBody) => Promise<void>) =>
    async (c: Context<AppEnv>) => {
      const { actor } = requireSession(c);
      // Both actions are the planning office's: refuse others before reading the form, so an empty
      // form from them is a 403, not a "saved".
      authorize(actor, 'fiscalYear.open', { municipalityId: actor.municipalityId });
      const year = Number(c.req.param('year'));
      try {
        await run(c, year, await readForm(c));
      } catch (error) {
        if (!isRecoverable(error)) throw error;
        return renderMatrix(c, db, { error: messageOf(error) }, httpStatusOf(error.code) as 400);
      }
      return c.redirect(`${workflowUrls.matrix(year)}?done=${done}`, 303);
    };

  app.post(
    `${MATRIX}/open`,
    handle('open', async (c, year, form) => {
      const deadlines = Object.fromEntries(Object.entries(deadlinesOf(form)).filter(([, v]) => v !== ''));
      await openFiscalYear(db, requireSession(c).actor, { year, deadlines });
    }),
  );

  app.post(
    `${MATRIX}/deadlines`,
    handle('deadlines', async (c, year, form) => {
      const actor = requireSession(c).actor;
      await db.transaction().execute(async (trx) => {
        for (const [phase, dueDate] of Object.entries(deadlinesOf(form))) {
          const p = phases.find((x) => x === phase);
          if (p && dueDate) await setDeadline(trx, actor, { year, phase: p, dueDate });
        }
      });
    }),
  );
}
