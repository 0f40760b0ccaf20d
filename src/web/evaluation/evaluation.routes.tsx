import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { can } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.service.ts';
import { setSelfAssessment } from '../../domain/evaluation/index.ts';
import { listFiscalYears } from '../../domain/fiscal-years/fiscal-year.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import '../../api/routes/evaluation.api.ts';
import {
  applyMatchAction,
  authorizeEditor,
  evaluationForEditor,
} from '../../domain/evaluation/match-action.ts';
import { formBody } from '../../http/request-body.ts';
import { evaluationCss } from './evaluation.css.ts';
import { EvaluationPage } from './evaluation.page.tsx';
import { EVALUATION_PAGE_ROUTE, evaluationUrls, itemAnchor, targetAnchor } from './evaluation.urls.ts';
import { failureOf, readMatchForm, readText } from './form.ts';
import { EvaluationIndexPage } from './index.page.tsx';
import { registerIndicatorRoutes } from './indicator-action.ts';
import { indicatorFieldOf } from './indicator-input.ts';
import { PoliciesPage } from './policies.page.tsx';
import { presentPolicies } from './policies.presenter.ts';

const PAGE = EVALUATION_PAGE_ROUTE;

export function registerEvaluationRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(evaluationUrls.stylesheet(), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(evaluationCss);
  });

  app.get('/m/:code/policies/:year{[0-9]{4}}', async (c) => {
    const view = await presentPolicies(db, c.req.param('code'), Number(c.req.param('year')));
    return c.html(await renderPage(<PoliciesPage view={view} />));
  });

  app.get(evaluationUrls.index(), async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const departments = (await listTopDepartments(db, actor.municipalityId)).filter((d) =>
      can(actor, 'evaluation.edit', { municipalityId: actor.municipalityId, departmentId: d.id }),
    );
    const view = { departments, years: await listFiscalYears(db, actor.municipalityId) };
    return c.html(await renderPage(<EvaluationIndexPage view={view} />));
  });

  app.get(PAGE, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    const evaluation = await evaluationForEditor(
      db,
      actor,
      Number(c.req.param('departmentId')),
      Number(c.req.param('year')),
    );
    const view = {
      evaluation,
      csrf: c.get('csrfToken'),
      saved: c.req.query('saved'),
      failed: c.req.query('failed'),
      invalid:
        c.req.query('failed') === 'invalid'
          ? invalidOf(c.req.query('target'), c.req.query('field'))
          : undefined,
    };
    return c.html(await renderPage(<EvaluationPage view={view} />));
  });

  app.post(`${PAGE}/matches/:targetId{[0-9]+}`, async (c) => {
    const { actor } = requireSession(c);
    const departmentId = Number(c.req.param('departmentId'));
    const year = Number(c.req.param('year'));
    const targetId = Number(c.req.param('targetId'));
    const back = evaluationUrls.page(departmentId, year);
    const anchor = `#${targetAnchor(targetId)}`;
    // Who may, before what was sent: a refused caller hears 403, not a note about the form.
    await authorizeEditor(db, actor, departmentId);
    try {
      const form = await readMatchForm(c);
      await applyMatchAction(db, actor, targetId, form.action, form.actualId);
      return c.redirect(`${back}?saved=${form.action}${anchor}`, 303);
    } catch (error) {
      const failed = failureOf(error);
      if (!failed) throw error;
      return c.redirect(`${back}?failed=${failed}${anchor}`, 303);
    }
  });

  app.post(`${PAGE}/items/:itemId{[0-9]+}/assessment`, async (c) => {
    const { actor } = requireSession(c);
    const back = evaluationUrls.page(Number(c.req.param('departmentId')), Number(c.req.param('year')));
    const itemId = Number(c.req.param('itemId'));
    const anchor = `#${itemAnchor(itemId)}`;
    await authorizeEditor(db, actor, Number(c.req.param('departmentId')));
    try {
      const body = await formBody(c);
      await setSelfAssessment(db, actor, itemId, {
        grade: readText(body, 'grade'),
        comment: readText(body, 'comment'),
      });
      return c.redirect(`${back}?saved=assessment${anchor}`, 303);
    } catch (error) {
      const failed = failureOf(error);
      if (!failed) throw error;
      return c.redirect(`${back}?failed=${failed}${anchor}`, 303);
    }
  });

  registerIndicatorRoutes(app, db);
}

/** `?target=12&field=baselineDate` after a failed indicator save; anything else is ignored. */
function invalidOf(target: string | undefined, field: string | undefined) {
  const known = indicatorFieldOf(field);
  return known && target && /^\d{1,12}$/.test(target)
    ? { targetId: Number(target), field: known }
    : undefined;
}
