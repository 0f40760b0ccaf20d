import { MIN_PASSWORD_LENGTH } from '../../domain/auth/password.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { SETTINGS_STYLES } from './accounts.page.tsx';
import { ActionButton, errorMap, type FieldError, Notice, TextField } from './settings.fields.tsx';

export const PASSWORD_URL = '/staff/settings/password';
export const SIGN_OUT_EVERYWHERE_URL = `${PASSWORD_URL}/sign-out-everywhere`;
export const passwordFieldId = {
  current: 'password-current',
  next: 'password-next',
  confirm: 'password-confirm',
};

export interface PasswordView {
  login: string;
  csrf: string;
  /** After an admin's reset: the person must choose a password before any other staff page. */
  mustChange: boolean;
  errors: FieldError[];
  notice?: string;
}

/** Every signed-in person's own password, and 「すべての端末からログアウト」 for themself. */
export function PasswordPage({ view }: { view: PasswordView }) {
  const errors = errorMap(view.errors);
  const title = 'パスワードの変更';
  return (
    <Layout title={title} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        {view.mustChange ? null : (
          <p>
            <a href="/staff">職員メニュー</a>
          </p>
        )}
        <h1 class="page-title">{title}</h1>
        <Notice text={view.notice} />
        {view.mustChange ? (
          <div class="workflow-notice" role="status">
            <p>
              仮パスワードでログインしました。続けて使うには、自分で決めたパスワードに変更してください。変更するまで、ほかの画面は使えません。
            </p>
          </div>
        ) : null}
        <form method="post" action={PASSWORD_URL} class="staff-form">
          <CsrfField token={view.csrf} />
          <ErrorSummary
            id="password-errors"
            heading="変更できませんでした。次の項目を確認してください。"
            errors={view.errors}
          />
          <input type="hidden" name="username" value={view.login} autocomplete="username" />
          <TextField
            id={passwordFieldId.current}
            name="current"
            type="password"
            label={view.mustChange ? '仮パスワード' : '現在のパスワード'}
            value=""
            errors={errors}
            autocomplete="current-password"
          />
          <TextField
            id={passwordFieldId.next}
            name="next"
            type="password"
            label="新しいパスワード"
            hint={`${MIN_PASSWORD_LENGTH}文字以上。ほかのサービスと同じものは避けてください。`}
            value=""
            errors={errors}
            autocomplete="new-password"
          />
          <TextField
            id={passwordFieldId.confirm}
            name="confirm"
            type="password"
            label="新しいパスワード（確認）"
            value=""
            errors={errors}
            autocomplete="new-password"
          />
          <button type="submit" class="button-primary">
            パスワードを変更する
          </button>
        </form>
        <section aria-labelledby="sign-out-heading">
          <h2 id="sign-out-heading">すべての端末からログアウト</h2>
          <p id="self-sign-out-hint">
            ほかのパソコンでログインしたままかもしれないときに使います。この端末も含めて、すべてのログインを終わらせます。
          </p>
          <ActionButton
            action={SIGN_OUT_EVERYWHERE_URL}
            csrf={view.csrf}
            label="すべての端末からログアウト"
            describedBy="self-sign-out-hint"
          />
        </section>
      </div>
    </Layout>
  );
}
