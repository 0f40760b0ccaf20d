import type { Account } from '../../domain/auth/account.service.ts';
import { roleLabels } from '../../domain/vocabulary/roles.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { ACCOUNTS_URL, type AccountFormValues, accountUrl, fieldId, LOGIN_RULE } from './accounts.form.ts';
import { SETTINGS_CSS_URL } from './settings.css.ts';
import { errorMap, type FieldError, Notice, SelectField, TextField } from './settings.fields.tsx';

export const SETTINGS_STYLES = ['/assets/staff.css', '/assets/workflow.css', SETTINGS_CSS_URL];
const TITLE = 'アカウントの管理';

export interface DepartmentOption {
  id: number;
  name: string;
}

/** "編集担当（総務部）": a grant in words. */
export function grantLabel(g: Account['grants'][number], departments: DepartmentOption[]): string {
  const department = departments.find((d) => d.id === g.departmentId)?.name;
  return g.departmentId === null
    ? roleLabels[g.role]
    : `${roleLabels[g.role]}（${department ?? '不明な部局'}）`;
}

export const roleOptions = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));
export const departmentOptions = (departments: DepartmentOption[]) => [
  { value: '', label: '選ばない（全庁）' },
  ...departments.map((d) => ({ value: String(d.id), label: d.name })),
];

export interface AccountsView {
  accounts: Account[];
  departments: DepartmentOption[];
  csrf: string;
  values: AccountFormValues;
  errors: FieldError[];
  notice?: string;
}

/** The admin's list of the city's accounts, with the form to create one. */
export function AccountsPage({ view }: { view: AccountsView }) {
  return (
    <Layout title={TITLE} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        <Notice text={view.notice} />
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading">アカウントの一覧</h2>
          <div class="table-scroll">
            <table class="workflow-table">
              <thead>
                <tr>
                  <th scope="col">ログインID</th>
                  <th scope="col">表示名</th>
                  <th scope="col">役割</th>
                  <th scope="col">状態</th>
                </tr>
              </thead>
              <tbody>
                {view.accounts.map((a) => (
                  <tr class={a.disabled ? 'is-disabled' : undefined}>
                    <td>
                      <a href={accountUrl(a.id)}>{a.login}</a>
                    </td>
                    <td>{a.displayName}</td>
                    <td>{a.grants.map((g) => grantLabel(g, view.departments)).join('、') || '役割なし'}</td>
                    <td>
                      {a.disabled ? '無効' : a.mustChangePassword ? '有効（パスワードの変更待ち）' : '有効'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <CreateForm view={view} />
      </div>
    </Layout>
  );
}

function CreateForm({ view }: { view: AccountsView }) {
  const errors = errorMap(view.errors);
  const v = view.values;
  return (
    <section aria-labelledby="account-create-heading">
      <h2 id="account-create-heading">アカウントを作成する</h2>
      <form method="post" action={ACCOUNTS_URL} class="staff-form">
        <CsrfField token={view.csrf} />
        <ErrorSummary
          id="account-errors"
          heading="作成できませんでした。次の項目を確認してください。"
          errors={view.errors}
        />
        <TextField
          id={fieldId.login}
          name="login"
          label="ログインID"
          hint={`${LOGIN_RULE}。`}
          value={v.login}
          errors={errors}
          autocomplete="off"
          maxlength={63}
        />
        <TextField
          id={fieldId.displayName}
          name="displayName"
          label="表示名"
          hint="画面や監査記録に表示する名前です（例：総務部 山田）。"
          value={v.displayName}
          errors={errors}
          maxlength={100}
        />
        <TextField
          id={fieldId.password}
          name="password"
          type="password"
          label="仮パスワード（任意）"
          hint="空欄にすると自動で作り、作成後に一度だけ表示します。本人は最初のログインで自分のパスワードに変更します。"
          value=""
          errors={errors}
          autocomplete="new-password"
        />
        <SelectField
          id={fieldId.role}
          name="role"
          label="役割"
          value={v.role}
          options={roleOptions}
          errors={errors}
        />
        <SelectField
          id={fieldId.department}
          name="department"
          label="担当する部局"
          hint="編集担当と承認者は部局を選びます。管理者・企画担当・閲覧者は全庁の役割です。"
          value={v.department}
          options={departmentOptions(view.departments)}
          errors={errors}
        />
        <button type="submit" class="button-primary">
          作成する
        </button>
      </form>
    </section>
  );
}

/** The temporary password, shown once: it is not stored in a readable form anywhere. */
export function TemporaryPasswordPage(props: {
  login: string;
  password: string;
  created: boolean;
  back: string;
}) {
  const title = props.created ? 'アカウントを作成しました' : '仮パスワードを発行しました';
  return (
    <Layout title={title} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        <h1 class="page-title">{title}</h1>
        <p>
          {`ログインID「${props.login}」の仮パスワードです。この画面を閉じると二度と表示できません。本人に安全な方法で伝えてください。`}
        </p>
        <p>
          <span class="temporary-password" id="temporary-password">
            {props.password}
          </span>
        </p>
        <p>本人は最初のログインで、自分で決めたパスワードに変更するまで、ほかの画面を使えません。</p>
        <p>
          <a href={props.back}>アカウントのページに戻る</a>
        </p>
      </div>
    </Layout>
  );
}
