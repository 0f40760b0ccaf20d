import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.service.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { listFiscalYears } from '../../domain/fiscal-years/fiscal-year.service.ts';
import {
  deleteReorganisation,
  listReorganisations,
  recordReorganisation,
} from '../../domain/organisation/reorganisation.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { REORGANISATION_CSS_URL, reorganisationCss } from './reorganisation.css.ts';
import { fieldErrorOf } from './reorganisation.errors.ts';
import {
  emptyFormValues,
  type FieldError,
  formValuesOf,
  parseReorganisationForm,
  type ReorganisationFormValues,
} from './reorganisation.form.ts';
import { REORGANISATIONS_URL } from './reorganisation.list.tsx';
import { ReorganisationPage, type ReorganisationPageView } from './reorganisation.page.tsx';

/** The years the form offers: the stored fiscal years and this one, two either side. */
function offeredYears(stored: number[], current: number): number[] {
  const all = [...stored, current];
  const [first, last] = [Math.max(1989, Math.min(...all) - 2), Math.max(...all) + 2];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The 組織改編 records: GET lists them with the form, POSTs record or delete and redirect (Post/Redirect/Get). */
export function registerReorganisationRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(REORGANISATION_CSS_URL, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(reorganisationCss);
  });

  const departmentsOf = async (municipalityId: number) =>
    (await listTopDepartments(db, municipalityId)).map((d) => ({ id: d.id, name: d.name }));

  const render = async (
    c: Context<AppEnv>,
    form: {
      values?: ReorganisationFormValues;
      errors?: FieldError[];
      notice?: ReorganisationPageView['notice'];
    },
    status: 200 | 400 = 200,
  ) => {
    const { actor } = requireSession(c);
    const municipalityId = actor.municipalityId;
    const view: ReorganisationPageView = {
      events: await listReorganisations(db, municipalityId),
      departments: await departmentsOf(municipalityId),
      years: offeredYears(await listFiscalYears(db, municipalityId), fiscalYearOf(new Date())),
      csrf: c.get('csrfToken'),
      canManage: can(actor, 'organisation.manage', { municipalityId }),
      values: form.values ?? emptyFormValues(),
      errors: form.errors ?? [],
      notice: form.notice,
    };
    return c.html(await renderPage(<ReorganisationPage view={view} />), status);
  };

  app.get(REORGANISATIONS_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const notice =
      c.req.query('saved') === '1' ? 'saved' : c.req.query('deleted') === '1' ? 'deleted' : undefined;
    return render(c, { notice });
  });

  app.post(REORGANISATIONS_URL, async (c) => {
    const { actor } = requireSession(c);
    // Refused before the body is read, so that nobody else gets the form back; the service checks again.
    authorize(actor, 'organisation.manage', { municipalityId: actor.municipalityId });
    const values = formValuesOf(await formBody(c, { all: true }));
    const parsed = parseReorganisationForm(values, await departmentsOf(actor.municipalityId));
    if (!parsed.ok) return render(c, { values, errors: parsed.errors }, 400);
    try {
      await recordReorganisation(db, actor, parsed.input);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      return render(c, { values, errors: [fieldErrorOf(error)] }, 400);
    }
    return c.redirect(`${REORGANISATIONS_URL}?saved=1`, 303);
  });

  app.post(`${REORGANISATIONS_URL}/:id{[0-9]+}/delete`, async (c) => {
    const { actor } = requireSession(c);
    authorize(actor, 'organisation.manage', { municipalityId: actor.municipalityId });
    const id = Number(c.req.param('id'));
    // The record and the lineage suggestions it caused go together, or not at all.
    await db.transaction().execute((trx) => deleteReorganisation(trx, actor, id));
    return c.redirect(`${REORGANISATIONS_URL}?deleted=1`, 303);
  });
}
