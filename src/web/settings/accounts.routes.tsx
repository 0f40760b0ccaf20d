import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  createAccount,
  getAccount,
  grantRole,
  listAccounts,
  renameAccount,
  resetPassword,
  revokeRole,
  setAccountDisabled,
  signOutEverywhere,
} from '../../domain/auth/account.service.ts';
import type { Actor } from '../../domain/auth/actor.ts';
import { authorize } from '../../domain/auth/policy.ts';
import { listTopDepartments } from '../../domain/departments/department.service.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { AccountPage } from './account.page.tsx';
import { accountFieldError } from './accounts.errors.ts';
import {
  ACCOUNTS_URL,
  type AccountFormValues,
  accountUrl,
  accountValuesOf,
  emptyAccountValues,
  type Parsed,
  parseAccountForm,
  parseDisplayName,
  parseGrant,
  parseTemporaryPassword,
} from './accounts.form.ts';
import { AccountsPage, TemporaryPasswordPage } from './accounts.page.tsx';
import { SETTINGS_CSS_URL, settingsCss } from './settings.css.ts';
import type { FieldError } from './settings.fields.tsx';

const NOTICES: Record<string, string> = {
  name: '表示名を変更しました。',
  granted: '役割を付けました。次の操作から有効になります。',
  revoked: '役割を取り消しました。',
  disabled: 'アカウントを無効にしました。すべての端末でログアウトしました。',
  enabled: 'アカウントを有効にしました。',
  signedOut: 'すべての端末からログアウトさせました。',
};

/** アカウントの管理 (admin only): list and create, then one page per account whose POSTs redirect back. */
export function registerAccountRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.get(SETTINGS_CSS_URL, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(settingsCss);
  });
  const departmentsOf = async (actor: Actor) =>
    (await listTopDepartments(db, actor.municipalityId)).map((d) => ({ id: d.id, name: d.name }));
  /** Refused before the body is read, so that nobody else gets a form back; the services check again. */
  const admin = (c: Context<AppEnv>) => {
    const { actor } = requireSession(c);
    authorize(actor, 'user.manage', { municipalityId: actor.municipalityId });
    return actor;
  };
  const idOf = (c: Context<AppEnv>) => Number(c.req.param('id'));

  const renderList = async (c: Context<AppEnv>, values: AccountFormValues, errors: FieldError[] = []) => {
    const { actor } = requireSession(c);
    const view = {
      accounts: await listAccounts(db, actor),
      departments: await departmentsOf(actor),
      csrf: c.get('csrfToken'),
      values,
      errors,
    };
    return c.html(await renderPage(<AccountsPage view={view} />), errors.length > 0 ? 400 : 200);
  };

  const renderAccount = async (
    c: Context<AppEnv>,
    id: number,
    form: { values?: Partial<AccountFormValues>; errors?: FieldError[] } = {},
  ) => {
    const { actor } = requireSession(c);
    const errors = form.errors ?? [];
    const view = {
      account: await getAccount(db, actor, id),
      departments: await departmentsOf(actor),
      csrf: c.get('csrfToken'),
      self: id === actor.userId,
      values: { ...emptyAccountValues(), role: 'viewer', ...form.values },
      errors,
      notice: NOTICES[c.req.query('done') ?? ''],
    };
    return c.html(await renderPage(<AccountPage view={view} />), errors.length > 0 ? 400 : 200);
  };

  /** Runs a change; a refusal a person can fix comes back on the account's page at its field (400). */
  const change = async (
    c: Context<AppEnv>,
    values: Partial<AccountFormValues>,
    parsed: Parsed<unknown>,
    run: () => Promise<unknown>,
    done: string,
  ) => {
    const id = idOf(c);
    if (!parsed.ok) return renderAccount(c, id, { values, errors: parsed.errors });
    try {
      await run();
    } catch (error) {
      const field = accountFieldError(error);
      if (!field) throw error;
      return renderAccount(c, id, { values, errors: [field] });
    }
    return c.redirect(`${accountUrl(id)}?done=${done}`, 303);
  };

  app.get(ACCOUNTS_URL, async (c) => loginRedirect(c) ?? renderList(c, emptyAccountValues()));

  app.post(ACCOUNTS_URL, async (c) => {
    const actor = admin(c);
    const values = accountValuesOf(await formBody(c));
    const parsed = parseAccountForm(values);
    if (!parsed.ok) return renderList(c, values, parsed.errors);
    try {
      const { id, temporaryPassword } = await createAccount(db, actor, parsed.input);
      return c.html(
        await renderPage(
          <TemporaryPasswordPage
            login={parsed.input.login}
            password={temporaryPassword}
            created
            back={accountUrl(id)}
          />,
        ),
      );
    } catch (error) {
      const field = accountFieldError(error);
      if (!field) throw error;
      return renderList(c, values, [field]);
    }
  });

  app.get(`${ACCOUNTS_URL}/:id{[0-9]+}`, async (c) => loginRedirect(c) ?? renderAccount(c, idOf(c)));

  app.post(`${ACCOUNTS_URL}/:id{[0-9]+}/name`, async (c) => {
    const actor = admin(c);
    const values = accountValuesOf(await formBody(c));
    const parsed = parseDisplayName(values.displayName);
    return change(c, values, parsed, () => renameAccount(db, actor, idOf(c), values.displayName), 'name');
  });

  for (const [path, grant] of [
    ['grant', true],
    ['revoke', false],
  ] as const) {
    app.post(`${ACCOUNTS_URL}/:id{[0-9]+}/${path}`, async (c) => {
      const actor = admin(c);
      const values = accountValuesOf(await formBody(c));
      const parsed = parseGrant(values);
      const run = async () => {
        if (!parsed.ok) return;
        await (grant ? grantRole : revokeRole)(db, actor, idOf(c), parsed.input);
      };
      return change(c, grant ? values : {}, parsed, run, grant ? 'granted' : 'revoked');
    });
  }

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`${ACCOUNTS_URL}/:id{[0-9]+}/${path}`, async (c) => {
      const actor = admin(c);
      const run = () => setAccountDisabled(db, actor, idOf(c), disabled);
      return change(c, {}, { ok: true, input: null }, run, disabled ? 'disabled' : 'enabled');
    });
  }

  app.post(`${ACCOUNTS_URL}/:id{[0-9]+}/sign-out`, async (c) => {
    const actor = admin(c);
    await signOutEverywhere(db, actor, idOf(c));
    return c.redirect(`${accountUrl(idOf(c))}?done=signedOut`, 303);
  });

  app.post(`${ACCOUNTS_URL}/:id{[0-9]+}/password-reset`, async (c) => {
    const actor = admin(c);
    const values = accountValuesOf(await formBody(c));
    const parsed = parseTemporaryPassword(values.password);
    if (!parsed.ok) return renderAccount(c, idOf(c), { errors: parsed.errors });
    const account = await getAccount(db, actor, idOf(c));
    const { temporaryPassword } = await resetPassword(db, actor, account.id, parsed.input);
    return c.html(
      await renderPage(
        <TemporaryPasswordPage
          login={account.login}
          password={temporaryPassword}
          created={false}
          back={accountUrl(account.id)}
        />,
      ),
    );
  });
}
