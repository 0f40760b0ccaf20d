import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { authorize, can } from '../../domain/auth/policy.ts';
import {
  addDepartment,
  editDepartment,
  listOrganisationTree,
  MAX_NAME,
  retireDepartment,
} from '../../domain/departments/organisation.service.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import {
  emptyOrganisationValues,
  ORGANISATION_URL,
  type OrganisationFormValues,
  organisationValuesOf,
  orgFieldId,
  parseOrganisationForm,
} from './organisation.form.ts';
import { OrganisationPage, UnitPage } from './organisation.page.tsx';
import type { FieldError } from './settings.fields.tsx';

const NOTICES: Record<string, string> = {
  added: '追加しました。',
  saved: '変更しました。',
  retired: '廃止しました。',
};

/** A service refusal a person can fix, at its field; anything else goes on to the error page. */
function fieldErrorOf(error: unknown): FieldError | undefined {
  if (!(error instanceof AppError) || !['INVALID_INPUT', 'CONFLICT'].includes(error.code)) return undefined;
  const field = error.location.field;
  const id =
    field === 'displayOrder'
      ? orgFieldId.order
      : field === 'parentId'
        ? orgFieldId.parent
        : field === 'department'
          ? orgFieldId.retire
          : orgFieldId.name;
  return { field: id, message: error.message };
}

/** 部局と課・センター (planning and admin): list and add; one page per unit to rename, order or retire. */
export function registerOrganisationRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  const manager = (c: Context<AppEnv>) => {
    const { actor } = requireSession(c);
    authorize(actor, 'organisation.manage', { municipalityId: actor.municipalityId });
    return actor;
  };

  const renderList = async (
    c: Context<AppEnv>,
    values = emptyOrganisationValues(),
    errors: FieldError[] = [],
  ) => {
    const { actor } = requireSession(c);
    const view = {
      tree: await listOrganisationTree(db, actor),
      csrf: c.get('csrfToken'),
      canManage: can(actor, 'organisation.manage', { municipalityId: actor.municipalityId }),
      values,
      errors,
      notice: NOTICES[c.req.query('done') ?? ''],
    };
    return c.html(await renderPage(<OrganisationPage view={view} />), errors.length > 0 ? 400 : 200);
  };

  const renderUnit = async (
    c: Context<AppEnv>,
    values?: OrganisationFormValues,
    errors: FieldError[] = [],
  ) => {
    const actor = manager(c);
    const id = Number(c.req.param('id'));
    const tree = await listOrganisationTree(db, actor);
    const department = tree.find((d) => d.id === id);
    const parent = tree.find((d) => d.units.some((u) => u.id === id));
    const unit = department ?? parent?.units.find((u) => u.id === id);
    if (!unit) throw new AppError('NOT_FOUND', 'その部局・課は見つかりません。一覧から選び直してください。');
    const view = {
      unit: { id, name: unit.name, displayOrder: unit.displayOrder, parentName: parent?.name },
      csrf: c.get('csrfToken'),
      values: values ?? {
        name: unit.name,
        parent: '',
        displayOrder: unit.displayOrder === null ? '' : String(unit.displayOrder),
      },
      errors,
    };
    return c.html(await renderPage(<UnitPage view={view} />), errors.length > 0 ? 400 : 200);
  };

  app.get(ORGANISATION_URL, async (c) => loginRedirect(c) ?? renderList(c));

  app.post(ORGANISATION_URL, async (c) => {
    const actor = manager(c);
    const values = organisationValuesOf(await formBody(c));
    const parsed = parseOrganisationForm(values, MAX_NAME);
    if (!parsed.ok) return renderList(c, values, parsed.errors);
    try {
      await addDepartment(db, actor, parsed.input);
    } catch (error) {
      const field = fieldErrorOf(error);
      if (!field) throw error;
      return renderList(c, values, [field]);
    }
    return c.redirect(`${ORGANISATION_URL}?done=added`, 303);
  });

  app.get(`${ORGANISATION_URL}/:id{[0-9]+}`, async (c) => loginRedirect(c) ?? renderUnit(c));

  app.post(`${ORGANISATION_URL}/:id{[0-9]+}`, async (c) => {
    const actor = manager(c);
    const values = organisationValuesOf(await formBody(c));
    const parsed = parseOrganisationForm(values, MAX_NAME);
    if (!parsed.ok) return renderUnit(c, values, parsed.errors);
    try {
      await editDepartment(db, actor, Number(c.req.param('id')), parsed.input);
    } catch (error) {
      const field = fieldErrorOf(error);
      if (!field) throw error;
      return renderUnit(c, values, [field]);
    }
    return c.redirect(`${ORGANISATION_URL}?done=saved`, 303);
  });

  app.post(`${ORGANISATION_URL}/:id{[0-9]+}/retire`, async (c) => {
    const actor = manager(c);
    try {
      await retireDepartment(db, actor, Number(c.req.param('id')));
    } catch (error) {
      const field = fieldErrorOf(error);
      if (!field) throw error;
      return renderUnit(c, undefined, [field]);
    }
    return c.redirect(`${ORGANISATION_URL}?done=retired`, 303);
  });
}
