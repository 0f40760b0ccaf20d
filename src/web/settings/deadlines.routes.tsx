import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, Phase } from '../../db/schema.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.service.ts';
import { fiscalYearOf } from '../../domain/fiscal-year/wareki.ts';
import { phases } from '../../domain/workflow/labels.ts';
import { openPhaseEarly } from '../../domain/workflow/phase-opening.service.ts';
import {
  readSchedule,
  type ScheduleInput,
  saveSchedule,
  validateSchedule,
} from '../../domain/workflow/schedule.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { workflowUrls, yearHeading } from '../workflow/format.ts';
import { DEADLINES_URL, DeadlinesPage, type DeadlinesView } from './deadlines.page.tsx';

const NOTICES: Record<string, string> = {
  saved: '期限と受付開始日を保存しました。',
  early: '選んだ部局で手続きを前倒しして開きました。',
};

const yearOf = (text: string | undefined): number => {
  const year = Number(text);
  return Number.isInteger(year) && year >= 1989 && year <= 2200 ? year : fiscalYearOf(new Date());
};

const fieldsOf = (body: Record<string, unknown>): ScheduleInput =>
  Object.fromEntries(
    phases
      .flatMap((p: Phase) => [`due_${p}`, `opens_${p}`])
      .map((k) => [k, typeof body[k] === 'string' ? body[k] : '']),
  );

/** 期限と受付開始日 (/staff/settings/deadlines): planning and admins edit a year's schedule. */
export function registerDeadlineRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  const render = async (
    c: Context<AppEnv>,
    year: number,
    form: { values?: ScheduleInput; errors?: DeadlinesView['errors']; notice?: string } = {},
    status: 200 | 400 = 200,
  ) => {
    const { actor } = requireSession(c);
    const schedule = await readSchedule(db, actor.municipalityId, year);
    const stored: ScheduleInput = {};
    for (const p of phases) {
      stored[`due_${p}`] = schedule?.due[p] ?? '';
      stored[`opens_${p}`] = schedule?.opens[p] ?? '';
    }
    const municipalityId = actor.municipalityId;
    const view: DeadlinesView = {
      year,
      yearLabel: yearHeading(year),
      opened: schedule !== undefined,
      csrf: c.get('csrfToken'),
      values: form.values ?? stored,
      errors: form.errors ?? [],
      notice: form.notice,
      departments: can(actor, 'fiscalYear.open', { municipalityId })
        ? (await listTopDepartments(db, municipalityId)).map((d) => ({ id: d.id, name: d.name }))
        : undefined,
      matrixHref: workflowUrls.matrix(year),
    };
    return c.html(await renderPage(<DeadlinesPage view={view} />), status);
  };

  app.get(DEADLINES_URL, async (c) => {
    const redirect = loginRedirect(c);
    if (redirect) return redirect;
    const { actor } = requireSession(c);
    authorize(actor, 'workflow.configure', { municipalityId: actor.municipalityId });
    return render(c, yearOf(c.req.query('year')), { notice: NOTICES[c.req.query('done') ?? ''] });
  });

  app.post(DEADLINES_URL, async (c) => {
    const { actor } = requireSession(c);
    // Refused before the body is read; the service checks again.
    authorize(actor, 'workflow.configure', { municipalityId: actor.municipalityId });
    const body = await formBody(c);
    const year = yearOf(typeof body.year === 'string' ? body.year : undefined);
    const values = fieldsOf(body);
    const { errors } = validateSchedule(values);
    const list = Object.entries(errors).map(([field, message]) => ({
      field: field.replace('_', '-'),
      message: message ?? '',
    }));
    if (list.length > 0) return render(c, year, { values, errors: list }, 400);
    await saveSchedule(db, actor, { year, form: values });
    return c.redirect(`${DEADLINES_URL}?year=${year}&done=saved`, 303);
  });

  app.post(`${DEADLINES_URL}/open-early`, async (c) => {
    const { actor } = requireSession(c);
    authorize(actor, 'fiscalYear.open', { municipalityId: actor.municipalityId });
    const body = await formBody(c);
    const year = yearOf(typeof body.year === 'string' ? body.year : undefined);
    const phase = phases.find((p) => p === body.phase);
    if (!phase) throw new AppError('INVALID_INPUT', '手続きを選んでください。', { field: 'phase' });
    await openPhaseEarly(db, actor, { departmentId: Number(body.department), year, phase });
    return c.redirect(`${DEADLINES_URL}?year=${year}&done=early`, 303);
  });
}
