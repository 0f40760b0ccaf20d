import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import {
  getGradeScale,
  listScaleVersions,
  regradeCandidates,
  regradeYear,
  setGradeScale,
} from '../../domain/evaluation/index.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
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
import { REGRADE_URL } from './grade-scale.years.tsx';

/** The grade scale (評価区分) form: GET shows it, POST saves and redirects (Post/Redirect/Get). */
export function registerGradeScaleRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(GRADE_SCALE_CSS_URL, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(gradeScaleCss);
  });

  const render = async (
    c: Context<AppEnv>,
    form: {
      values?: GradeScaleFormValues;
      errors?: FieldError[];
      saved?: boolean;
      regraded?: number;
      regradeError?: string;
    },
    status: 200 | 400 = 200,
  ) => {
    const { actor } = requireSession(c);
    const currentYear = fiscalYearOf(new Date());
    const scale = await getGradeScale(db, actor.municipalityId);
    const view = {
      scale,
      csrf: c.get('csrfToken'),
      canManage: can(actor, 'policy.manage', { municipalityId: actor.municipalityId }),
      values: form.values ?? formValuesFromScale(scale, currentYear),
      errors: form.errors ?? [],
      saved: form.saved ?? false,
      currentYear,
      versions: await listScaleVersions(db, actor.municipalityId),
      regrade: await regradeCandidates(db, actor.municipalityId),
      regraded: form.regraded,
      regradeError: form.regradeError,
    };
    return c.html(await renderPage(<GradeScalePage view={view} />), status);
  };

  app.get(GRADE_SCALE_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const regraded = Number(c.req.query('regraded'));
    return render(c, {
      saved: c.req.query('saved') === '1',
      regraded: Number.isInteger(regraded) && regraded > 0 ? regraded : undefined,
    });
  });

  app.post(GRADE_SCALE_URL, async (c) => {
    const { actor } = requireSession(c);
    // Refused before the body is read, so that nobody else gets the form back; the service checks again.
    authorize(actor, 'policy.manage', { municipalityId: actor.municipalityId });
    const values = formValuesOf(await formBody(c));
    const parsed = parseGradeScaleForm(values, fiscalYearOf(new Date()));
    if (!parsed.ok) return render(c, { values, errors: parsed.errors }, 400);
    try {
      await setGradeScale(db, actor, actor.municipalityId, parsed.input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      return render(c, { values, errors: [fieldErrorOf(error)] }, 400);
    }
    return c.redirect(`${GRADE_SCALE_URL}?saved=1`, 303);
  });

  // Re-grading a published year: an explicit, confirmed act, separate from setting a scale.
  app.post(REGRADE_URL, async (c) => {
    const { actor } = requireSession(c);
    authorize(actor, 'policy.manage', { municipalityId: actor.municipalityId });
    const body = await formBody(c);
    const year = Number(body.fiscalYear);
    if (body.confirm !== '1') {
      return render(c, { regradeError: '付け直す前に、確認の欄にチェックを入れてください。' }, 400);
    }
    if (!Number.isInteger(year)) {
      return render(
        c,
        { regradeError: '付け直す年度が分かりませんでした。ページを開き直してやり直してください。' },
        400,
      );
    }
    try {
      await regradeYear(db, actor, actor.municipalityId, year);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      return render(
        c,
        { regradeError: 'この年度は付け直しの対象ではありません。ページを開き直して確認してください。' },
        400,
      );
    }
    return c.redirect(`${GRADE_SCALE_URL}?regraded=${year}`, 303);
  });
}
