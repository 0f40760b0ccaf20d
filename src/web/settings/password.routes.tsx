import type { Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { signOutEverywhere } from '../../domain/auth/account.service.ts';
import { changeOwnPassword } from '../../domain/auth/own-password.service.ts';
import { AppError } from '../../errors.ts';
import { isHttps, SESSION_COOKIE } from '../../http/cookies.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { renderPage } from '../../views/render.tsx';
import { loginRedirect, requireSession } from '../staff/require-session.ts';
import { PASSWORD_URL, PasswordPage, passwordFieldId, SIGN_OUT_EVERYWHERE_URL } from './password.page.tsx';
import type { FieldError } from './settings.fields.tsx';

/** The self-service password page: any signed-in person, whatever their role (the write gate lets it through). */
export function registerPasswordRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  const render = async (c: Context<AppEnv>, errors: FieldError[] = []) => {
    const session = requireSession(c);
    const view = {
      login: session.actor.login,
      csrf: c.get('csrfToken'),
      mustChange: session.mustChangePassword,
      errors,
      notice:
        c.req.query('changed') === '1'
          ? 'パスワードを変更しました。ほかの端末のログインは終了しました。'
          : undefined,
    };
    return c.html(await renderPage(<PasswordPage view={view} />), errors.length > 0 ? 400 : 200);
  };

  app.get(PASSWORD_URL, async (c) => loginRedirect(c) ?? render(c));

  app.post(PASSWORD_URL, async (c) => {
    const session = requireSession(c);
    const body = await formBody(c);
    const field = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const [current, next, confirm] = [field('current'), field('next'), field('confirm')];
    const errors: FieldError[] = [];
    if (current === '')
      errors.push({ field: passwordFieldId.current, message: '現在のパスワードを入力してください。' });
    if (next === '')
      errors.push({ field: passwordFieldId.next, message: '新しいパスワードを入力してください。' });
    else if (next !== confirm)
      errors.push({
        field: passwordFieldId.confirm,
        message: '確認のために、新しいパスワードと同じものをもう一度入力してください。',
      });
    if (errors.length > 0) return render(c, errors);
    try {
      await changeOwnPassword(db, session.actor, session.sessionId, { current, next });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      const key = error.location.field === 'current' ? 'current' : 'next';
      return render(c, [{ field: passwordFieldId[key], message: error.message }]);
    }
    // Forced here after a reset: now the staff menu; otherwise back to this page, saying it is done.
    return c.redirect(session.mustChangePassword ? '/staff' : `${PASSWORD_URL}?changed=1`, 303);
  });

  app.post(SIGN_OUT_EVERYWHERE_URL, async (c) => {
    const { actor } = requireSession(c);
    await signOutEverywhere(db, actor, actor.userId);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
    return c.redirect('/login', 303);
  });
}
