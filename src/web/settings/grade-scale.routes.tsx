import type { Context, Hono } from 'hono';
import type { Db } from '../../db/database.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import { getGradeScale, setGradeScale } from '../../domain/evaluation/index.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../render.tsx';
import { formBody } from '../request-body.ts';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { GRADE_SCALE_CSS_URL, gradeScaleCss } from './grade-scale.css.ts';
import { fieldErrorOf } from './grade-scale.errors.ts';
import {
  type FieldError,
  formValuesFromScale,
  formValuesOf,
  type GradeScaleFormValues,
  parseGradeScaleForm,
} from './grade-scale.form.ts';
import { GRADE_SCALE_URL, GradeScalePage } from './grade-scale.page.tsx';

/** The grade scale (評価区分) form: GET shows it, POST saves and redirects (Post/Redirect/Get). */
export function registerGradeScaleRoutes(app: Hono<AppEnv>, db: Db): void {
  app.get(GRADE_SCALE_CSS_URL, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(gradeScaleCss);
  });

  const render = async (
    c: Context<AppEnv>,
    form: { values?: GradeScaleFormValues; errors?: FieldError[]; saved?: boolean },
    status: 200 | 400 = 200,
  ) => {
    const { actor } = requireSession(c);
    const scale = await getGradeScale(db.kysely, actor.municipalityId);
    const view = {
      scale,
      csrf: c.get('csrfToken'),
      canManage: can(actor, 'policy.manage', { municipalityId: actor.municipalityId }),
      values: form.values ?? formValuesFromScale(scale),
      errors: form.errors ?? [],
      saved: form.saved ?? false,
    };
    return c.html(await renderPage(<GradeScalePage view={view} />), status);
  };

  app.get(GRADE_SCALE_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    return render(c, { saved: c.req.query('saved') === '1' });
  });

  app.post(GRADE_SCALE_URL, async (c) => {
    const { actor } = requireSession(c);
    // Refused before the body is read, so that nobody else gets the form back; the service checks again.
    authorize(actor, 'policy.manage', { municipalityId: actor.municipalityId });
    const values = formValuesOf(await formBody(c));
    const parsed = parseGradeScaleForm(values);
    if (!parsed.ok) return render(c, { values, errors: parsed.errors }, 400);
    try {
      await setGradeScale(db.kysely, actor, actor.municipalityId, parsed.input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      return render(c, { values, errors: [fieldErrorOf(error)] }, 400);
    }
    return c.redirect(`${GRADE_SCALE_URL}?saved=1`, 303);
  });
}
