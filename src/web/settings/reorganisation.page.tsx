import type { Reorganisation } from '../../domain/organisation/reorganisation.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { errorMap } from './grade-scale.fields.tsx';
import { REORGANISATION_CSS_URL } from './reorganisation.css.ts';
import { DepartmentChoices, KindChoices, NoteField, YearSelect } from './reorganisation.fields.tsx';
import type { DepartmentOption, FieldError, ReorganisationFormValues } from './reorganisation.form.ts';
import { REORGANISATIONS_URL, ReorganisationList } from './reorganisation.list.tsx';

const TITLE = '組織改編の記録';
const NOTICES = {
  saved: '組織改編を記録しました。新しい部局の重点目標と改編前の目標のつながりを提案し直しました。',
  deleted: '組織改編の記録を削除しました。',
} as const;

export interface ReorganisationPageView {
  events: Reorganisation[];
  departments: DepartmentOption[];
  years: number[];
  csrf: string;
  /** Only planning and admin get the form and the delete buttons; others see the record. */
  canManage: boolean;
  values: ReorganisationFormValues;
  errors: FieldError[];
  notice?: keyof typeof NOTICES;
}

/** The planning division's page for the municipality's 組織改編 (rename, merge, split of departments). */
export function ReorganisationPage({ view }: { view: ReorganisationPageView }) {
  return (
    <Layout title={TITLE} stylesheets={['/assets/staff.css', '/assets/workflow.css', REORGANISATION_CSS_URL]}>
      <div class="page workflow reorganisation">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        {view.notice ? (
          <div class="workflow-notice" role="status">
            <p>{NOTICES[view.notice]}</p>
          </div>
        ) : null}
        <p id="reorg-intro">
          部局の名称変更・統合・分割を記録すると、改編後の部局の重点目標が改編前の部局の目標とつながり、年度をまたいで追えるようになります。
        </p>
        <ReorganisationList events={view.events} csrf={view.csrf} canManage={view.canManage} />
        {view.canManage ? (
          <ReorganisationForm view={view} />
        ) : (
          <p>組織改編を記録できるのは、企画担当と管理者です。</p>
        )}
      </div>
    </Layout>
  );
}

function ReorganisationForm({ view }: { view: ReorganisationPageView }) {
  const errors = errorMap(view.errors);
  const fields = { values: view.values, errors };
  return (
    <section aria-labelledby="reorg-form-heading">
      <h2 id="reorg-form-heading">組織改編を記録する</h2>
      {view.departments.length === 0 ? (
        <p>部局がまだ登録されていません。一覧表を取り込むと、部局を選べるようになります。</p>
      ) : (
        <form method="post" action={REORGANISATIONS_URL} class="staff-form" aria-describedby="reorg-intro">
          <CsrfField token={view.csrf} />
          <ErrorSummary
            id="reorg-errors"
            heading="記録できませんでした。次の項目を確認してください。"
            errors={view.errors}
          />
          <KindChoices {...fields} />
          <YearSelect {...fields} years={view.years} />
          <DepartmentChoices {...fields} side="from" departments={view.departments} />
          <DepartmentChoices {...fields} side="to" departments={view.departments} />
          <NoteField {...fields} />
          <button type="submit" class="button-primary">
            記録する
          </button>
        </form>
      )}
    </section>
  );
}
