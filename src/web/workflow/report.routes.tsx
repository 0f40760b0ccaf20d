import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Assessment } from '../../db/tables/workflow.ts';
import { saveAssessment } from '../../domain/workflow/final.service.ts';
import { saveInterimProgress } from '../../domain/workflow/interim.service.ts';
import { saveInterimGoal } from '../../domain/workflow/interim-goal.service.ts';
import { loadReport } from '../../domain/workflow/pages.service.ts';
import { AppError, httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { readableDepartment } from './access.ts';
import { FinalPage } from './final.page.tsx';
import { idParam, integer, isRecoverable, messageOf, readForm, text } from './form.ts';
import { InterimPage, type KeptGoalForm } from './interim.page.tsx';
import { interimGoalItems, keptInterimForm } from './interim-goal.form.ts';
import { presentReport } from './report.presenter.ts';

const BASE = '/staff/workflow/:departmentId{[0-9]+}/:year{[0-9]{4}}';
type ReportPhase = 'interim' | 'final';

async function renderReport(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  phase: ReportPhase,
  extra: { notice?: string; error?: string; saved?: string; kept?: KeptGoalForm } = {},
  status: 200 | 400 | 409 | 423 = 200,
) {
  const session = requireSession(c);
  const department = await readableDepartment(db, session.actor, idParam(c.req.param('departmentId')));
  const year = Number(c.req.param('year'));
  const data = await loadReport(db, session.actor, department, year, phase);
  const report = presentReport(session.actor, department, year, phase, data);
  const view = { ...report, ...extra, csrfToken: session.csrfToken };
  return c.html(
    await renderPage(phase === 'interim' ? <InterimPage view={view} /> : <FinalPage view={view} />),
    status,
  );
}

const assessments: readonly Assessment[] = ['achieved', 'mostly', 'not_achieved'];

/** The 中間報告 and 期末評価 forms: one form per goal (all its items' progress; its assessment). */
export function registerReportRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  // One 保存 per goal of the 中間報告: every item's progress in one transaction; back to the goal.
  app.post(`${BASE}/interim/goals/:goalId{[0-9]+}`, async (c) => {
    const { actor } = requireSession(c);
    const departmentId = idParam(c.req.param('departmentId'));
    await readableDepartment(db, actor, departmentId);
    const goalId = idParam(c.req.param('goalId'));
    const items = interimGoalItems(await readForm(c));
    try {
      await saveInterimGoal(db, actor, { goalId, items });
    } catch (error) {
      if (!isRecoverable(error)) throw error;
      const kept = keptInterimForm(goalId, items, error);
      return renderReport(c, db, 'interim', { kept }, httpStatusOf(error.code) as 400);
    }
    const page = c.req.path.replace(/\/goals\/\d+$/, '');
    return c.redirect(`${page}?saved=goal-${goalId}#goal-${goalId}`, 303);
  });

  for (const phase of ['interim', 'final'] as const) {
    app.get(`${BASE}/${phase}`, async (c) => {
      const redirect = loginRedirect(c);
      if (redirect) return redirect;
      const saved = /^goal-\d{1,9}$/.exec(c.req.query('saved') ?? '')?.[0];
      return renderReport(c, db, phase, {
        notice: c.req.query('done') === 'saved' ? '保存しました。' : undefined,
        saved,
      });
    });

    app.post(`${BASE}/${phase}/:id{[0-9]+}`, async (c) => {
      const { actor } = requireSession(c);
      const departmentId = idParam(c.req.param('departmentId'));
      await readableDepartment(db, actor, departmentId);
      const form = await readForm(c);
      const id = idParam(c.req.param('id'));
      try {
        const version = integer(form, 'version');
        if (phase === 'interim') {
          await saveInterimProgress(db, actor, {
            itemId: id,
            text: text(form, 'text'),
            notStarted: text(form, 'not_started') === '1',
            version,
          });
        } else {
          const assessment = assessments.find((a) => a === text(form, 'assessment'));
          if (!assessment)
            throw new AppError('INVALID_INPUT', '評価を選んでください。', { field: 'assessment' });
          await saveAssessment(db, actor, {
            goalId: id,
            assessment,
            reason: text(form, 'reason'),
            version,
          });
        }
      } catch (error) {
        if (!isRecoverable(error)) throw error;
        return renderReport(c, db, phase, { error: messageOf(error) }, httpStatusOf(error.code) as 400);
      }
      // Back to the goal (final) or the item's goal section (interim's single-item save keeps its notice).
      if (phase === 'final')
        return c.redirect(`${c.req.path.replace(/\/\d+$/, '')}?saved=goal-${id}#goal-${id}`, 303);
      return c.redirect(`${c.req.path.replace(/\/\d+$/, '')}?done=saved`, 303);
    });
  }
}
