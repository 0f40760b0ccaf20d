import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isPhaseIncomplete } from '../../domain/workflow/completeness.ts';
import { loadPanel } from '../../domain/workflow/pages.service.ts';
import { type WorkflowAction, workflowActions } from '../../domain/workflow/state-machine.ts';
import { transition } from '../../domain/workflow/transition.service.ts';
import { AppError, httpStatusOf } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { readableDepartment } from './access.ts';
import { idParam, integer, isRecoverable, messageOf, phaseParam, readForm, text } from './form.ts';
import { workflowUrls } from './format.ts';
import { gapLinks } from './gap-links.ts';
import { PanelPage } from './panel.page.tsx';
import { presentPanel } from './panel.presenter.ts';
import type { PanelView } from './panel.types.ts';
import { registerPublishConfirm } from './publish-confirm.routes.tsx';

const PANEL = '/staff/workflow/:departmentId{[0-9]+}/:year{[0-9]{4}}';

const doneMessages: Record<WorkflowAction, string> = {
  submit: '提出しました。承認者の受信箱に通知しました。',
  approve: '承認しました。',
  accept: '受理しました。',
  sign: '決裁を記録しました。',
  publish: '公表しました。',
  return: '差し戻しました。作成者の受信箱に通知しました。',
};

async function renderPanel(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  extra: Pick<PanelView, 'notice' | 'error' | 'errorPhase' | 'comment' | 'gaps'> = {},
  status: 200 | 400 | 409 | 423 = 200,
) {
  const session = requireSession(c);
  const department = await readableDepartment(db, session.actor, idParam(c.req.param('departmentId')));
  const year = Number(c.req.param('year'));
  const now = new Date();
  const loaded = await loadPanel(db, session.actor, department, year, now);
  const view = presentPanel(session.actor, department, year, now, loaded);
  return c.html(
    await renderPage(<PanelPage view={{ ...view, ...extra, csrfToken: session.csrfToken }} />),
    status,
  );
}

/** A department's yearly panel and the transitions posted from it. */
export function registerPanelRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  registerPublishConfirm(app, db);
  app.get(PANEL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const done = workflowActions.find((a) => a === c.req.query('done'));
    return renderPanel(c, db, { notice: done ? doneMessages[done] : undefined });
  });

  app.post(`${PANEL}/:phase{goal_setting|interim|final}`, async (c) => {
    const session = requireSession(c);
    const departmentId = idParam(c.req.param('departmentId'));
    const year = Number(c.req.param('year'));
    const phase = phaseParam(c.req.param('phase'));
    const form = await readForm(c);
    const action = workflowActions.find((a) => a === text(form, 'action'));
    if (!action) throw new AppError('INVALID_INPUT', 'unknown action', { field: 'action' });
    const comment = text(form, 'comment');
    // 公表 only from the confirmation page (a form posted from elsewhere is sent there first).
    if (action === 'publish' && text(form, 'confirmed') !== '1') {
      const version = encodeURIComponent(text(form, 'version'));
      return c.redirect(`${workflowUrls.publishConfirm(departmentId, year, phase)}?version=${version}`, 303);
    }
    try {
      await transition(db, session.actor, {
        departmentId,
        year,
        phase,
        action,
        version: integer(form, 'version'),
        comment,
      });
    } catch (error) {
      if (isPhaseIncomplete(error)) {
        const gaps = gapLinks(error.departmentId, error.year, error.gaps);
        const message = `提出できません。入力が必要な項目が${gaps.length}件あります。下の一覧から入力してください。`;
        return renderPanel(c, db, { error: message, errorPhase: phase, comment, gaps }, 409);
      }
      if (!isRecoverable(error)) throw error;
      const status = httpStatusOf(error.code) as 400 | 409 | 423;
      return renderPanel(c, db, { error: messageOf(error), errorPhase: phase, comment }, status);
    }
    return c.redirect(`${workflowUrls.panel(departmentId, year)}?done=${action}#phase-${phase}`, 303);
  });
}
