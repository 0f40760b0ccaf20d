import type { Account } from '../../domain/auth/account.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { ACCOUNTS_URL, type AccountFormValues, accountUrl, fieldId } from './accounts.form.ts';
import {
  type DepartmentOption,
  departmentOptions,
  grantLabel,
  roleOptions,
  SETTINGS_STYLES,
} from './accounts.page.tsx';
import { FieldMessage } from './grade-scale.fields.tsx';
import {
  ActionButton,
  type Errors,
  errorMap,
  type FieldError,
  Notice,
  SelectField,
  TextField,
} from './settings.fields.tsx';

export interface AccountView {
  account: Account;
  departments: DepartmentOption[];
  csrf: string;
  /** The admin looking at their own account: disabling it is still refused by the last-admin rule. */
  self: boolean;
  values: AccountFormValues;
  errors: FieldError[];
  notice?: string;
}

/** One account: display name, roles per department, temporary password, sessions, enabled or not. */
export function AccountPage({ view }: { view: AccountView }) {
  const a = view.account;
  const errors = errorMap(view.errors);
  const title = `アカウント「${a.login}」`;
  return (
    <Layout title={title} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        <p>
          <a href={ACCOUNTS_URL}>アカウントの一覧に戻る</a>
        </p>
        <h1 class="page-title">{title}</h1>
        <Notice text={view.notice} />
        <ErrorSummary
          id="account-errors"
          heading="変更できませんでした。次の項目を確認してください。"
          errors={view.errors}
        />
        <p>{`状態：${a.disabled ? '無効（ログインできません）' : a.mustChangePassword ? '有効（次のログインでパスワードの変更が必要）' : '有効'}`}</p>
        <NameSection view={view} errors={errors} />
        <GrantsSection view={view} errors={errors} />
        <PasswordSection view={view} errors={errors} />
        <StateSection view={view} errors={errors} />
      </div>
    </Layout>
  );
}

type Props = { view: AccountView; errors: Errors };

function NameSection({ view, errors }: Props) {
  return (
    <section aria-labelledby="name-heading">
      <h2 id="name-heading">表示名</h2>
      <form method="post" action={`${accountUrl(view.account.id)}/name`} class="staff-form">
        <CsrfField token={view.csrf} />
        <TextField
          id={fieldId.displayName}
          name="displayName"
          label="表示名"
          value={view.values.displayName || view.account.displayName}
          errors={errors}
          maxlength={100}
        />
        <button type="submit" class="button-primary">
          表示名を変更する
        </button>
      </form>
    </section>
  );
}

function GrantsSection({ view, errors }: Props) {
  const a = view.account;
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">役割</h2>
      {a.grants.length === 0 ? (
        <p>役割がありません。役割が無いアカウントは職員用の画面を使えません。</p>
      ) : (
        <ul>
          {a.grants.map((g) => (
            <li class="row-actions">
              <span>{grantLabel(g, view.departments)}</span>
              <ActionButton
                action={`${accountUrl(a.id)}/revoke`}
                csrf={view.csrf}
                label={`${grantLabel(g, view.departments)}を取り消す`}
              >
                <input type="hidden" name="role" value={g.role} />
                <input
                  type="hidden"
                  name="department"
                  value={g.departmentId === null ? '' : String(g.departmentId)}
                />
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${accountUrl(a.id)}/grant`} class="staff-form">
        <CsrfField token={view.csrf} />
        <SelectField
          id={fieldId.role}
          name="role"
          label="付ける役割"
          value={view.values.role}
          options={roleOptions}
          errors={errors}
        />
        <SelectField
          id={fieldId.department}
          name="department"
          label="担当する部局"
          hint="編集担当と承認者は部局を選びます。管理者・企画担当・閲覧者は全庁の役割です。"
          value={view.values.department}
          options={departmentOptions(view.departments)}
          errors={errors}
        />
        <button type="submit" class="button-primary">
          役割を付ける
        </button>
      </form>
    </section>
  );
}

function PasswordSection({ view, errors }: Props) {
  const id = view.account.id;
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">パスワードとログイン</h2>
      <form method="post" action={`${accountUrl(id)}/password-reset`} class="staff-form">
        <CsrfField token={view.csrf} />
        <TextField
          id={fieldId.password}
          name="password"
          type="password"
          label="仮パスワード（任意）"
          hint="空欄にすると自動で作ります。発行すると、このアカウントはすべての端末でログアウトし、次のログインでパスワードの変更が必要になります。"
          value=""
          errors={errors}
          autocomplete="new-password"
        />
        <button type="submit" class="button-primary">
          仮パスワードを発行する
        </button>
      </form>
      <p id="sign-out-hint">
        パソコンの紛失などのときは、このアカウントのログインをすべての端末で終わらせます。
      </p>
      <ActionButton
        action={`${accountUrl(id)}/sign-out`}
        csrf={view.csrf}
        label="すべての端末からログアウト"
        describedBy="sign-out-hint"
      />
    </section>
  );
}

function StateSection({ view, errors }: Props) {
  const a = view.account;
  return (
    <section aria-labelledby="state-heading">
      <h2 id="state-heading">アカウントの有効・無効</h2>
      <p id="state-hint">
        {a.disabled
          ? '無効のアカウントはログインできません。再び使うときは有効にします。'
          : '退職や異動で使わなくなったアカウントは無効にします。無効にすると、すぐにすべての端末でログアウトします。記録は残ります。'}
      </p>
      <FieldMessage id={fieldId.disabled} errors={errors} />
      <form
        method="post"
        action={`${accountUrl(a.id)}/${a.disabled ? 'enable' : 'disable'}`}
        class="inline-form"
      >
        <CsrfField token={view.csrf} />
        <button type="submit" id={fieldId.disabled} class="button-secondary" aria-describedby="state-hint">
          {a.disabled ? 'アカウントを有効にする' : 'アカウントを無効にする'}
        </button>
      </form>
    </section>
  );
}
