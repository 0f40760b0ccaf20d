import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';

export interface LoginView {
  csrfToken: string;
  login?: string;
  error?: string;
  next?: string;
}

export function LoginPage({ view }: { view: LoginView }) {
  return (
    <Layout title="職員ログイン" stylesheets={['/assets/staff.css']}>
      <div class="page staff-narrow">
        <h1 class="page-title">職員ログイン</h1>
        {view.error ? (
          <div class="form-error" role="alert" id="login-error">
            <p>{view.error}</p>
          </div>
        ) : null}
        <form method="post" action="/login" class="staff-form">
          <CsrfField token={view.csrfToken} />
          {view.next ? <input type="hidden" name="next" value={view.next} /> : null}
          <div class="field">
            <label for="login">ログインID</label>
            <input
              id="login"
              name="login"
              type="text"
              autocomplete="username"
              required
              value={view.login ?? ''}
              aria-describedby={view.error ? 'login-error' : undefined}
            />
          </div>
          <div class="field">
            <label for="password">パスワード</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit" class="button-primary">
            ログイン
          </button>
        </form>
        <p class="hint">アカウントは管理者が発行します。パスワードを忘れた場合は管理者に連絡してください。</p>
      </div>
    </Layout>
  );
}
