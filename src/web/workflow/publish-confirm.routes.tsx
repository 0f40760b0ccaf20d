import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, Phase } from '../../db/schema.ts';
import { loadPanel } from '../../domain/workflow/pages.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { editorUrls } from '../editor/editor.urls.ts';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { readableDepartment } from './access.ts';
import { idParam, phaseParam } from './form.ts';
import { workflowUrls } from './format.ts';
import { presentPanel } from './panel.presenter.ts';
import { PublishConfirmPage } from './publish-confirm.page.tsx';

const CONFIRM =
  '/staff/workflow/:departmentId{[0-9]+}/:year{[0-9]{4}}/:phase{goal_setting|interim|final}/publish';

/** Where the content a phase publishes can be read before saying yes. */
function contentHref(departmentId: number, year: number, phase: Phase): string {
  if (phase === 'interim') return workflowUrls.interim(departmentId, year);
  if (phase === 'final') return workflowUrls.final(departmentId, year);
  return editorUrls.block({ departmentId, year, block: 'plan' });
}

/** 公表 asks first: a page that says what becomes public, with the one button that publishes. */
export function registerPublishConfirm(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(CONFIRM, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const session = requireSession(c);
    const department = await readableDepartment(db, session.actor, idParam(c.req.param('departmentId')));
    const year = Number(c.req.param('year'));
    const phase = phaseParam(c.req.param('phase'));
    const now = new Date();
    const loaded = await loadPanel(db, session.actor, department, year, now);
    const panel = presentPanel(session.actor, department, year, now, loaded);
    const p = panel.phases.find((x) => x.phase === phase);
    const seen = c.req.query('version');
    return c.html(
      await renderPage(
        <PublishConfirmPage
          view={{
            title: `${panel.title}：公表の確認`,
            unread: panel.unread,
            csrfToken: session.csrfToken,
            departmentName: department.name,
            year,
            phase,
            phaseLabel: p?.label ?? phase,
            statusLabel: p?.statusLabel ?? '未開始',
            canPublish: p?.actions.some((a) => a.action === 'publish') ?? false,
            version: seen && /^\d{1,12}$/.test(seen) ? Number(seen) : (p?.version ?? 0),
            action: workflowUrls.transition(department.id, year, phase),
            panelHref: `${workflowUrls.panel(department.id, year)}#phase-${phase}`,
            contentHref: contentHref(department.id, year, phase),
          }}
        />,
      ),
    );
  });
}
