import type { OrganisationUnit } from '../../domain/departments/organisation.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { SETTINGS_STYLES } from './accounts.page.tsx';
import { FieldMessage } from './grade-scale.fields.tsx';
import { ORGANISATION_URL, type OrganisationFormValues, orgFieldId, unitUrl } from './organisation.form.ts';
import { REORGANISATIONS_URL } from './reorganisation.list.tsx';
import { errorMap, type FieldError, Notice, SelectField, TextField } from './settings.fields.tsx';

const TITLE = '部局と課・センター';

export interface OrganisationView {
  tree: OrganisationUnit[];
  csrf: string;
  canManage: boolean;
  values: OrganisationFormValues;
  errors: FieldError[];
  notice?: string;
}

const orderText = (order: number | null) => (order === null ? '—' : String(order));

/** The city's departments and their sub-units, with the form to add one (planning and admin). */
export function OrganisationPage({ view }: { view: OrganisationView }) {
  return (
    <Layout title={TITLE} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        <Notice text={view.notice} />
        <p>
          名称の誤りを直すときや、部局・課を追加するときに使います。年度をまたぐ名称変更・統合・分割は
          <a href={REORGANISATIONS_URL}>組織改編の記録</a>
          で記録すると、改編前後の重点目標がつながります。
        </p>
        <section aria-labelledby="org-list-heading">
          <h2 id="org-list-heading">部局の一覧</h2>
          {view.tree.length === 0 ? (
            <p>部局がまだありません。下のフォームから追加するか、一覧表を取り込んでください。</p>
          ) : (
            <div class="table-scroll">
              <table class="workflow-table">
                <thead>
                  <tr>
                    <th scope="col">表示順</th>
                    <th scope="col">部局</th>
                    <th scope="col">課・センター</th>
                  </tr>
                </thead>
                <tbody>
                  {view.tree.map((d) => (
                    <tr>
                      <td>{orderText(d.displayOrder)}</td>
                      <td>{view.canManage ? <a href={unitUrl(d.id)}>{d.name}</a> : d.name}</td>
                      <td>
                        {d.units.length === 0 ? (
                          'なし'
                        ) : (
                          <ul class="unit-list">
                            {d.units.map((u) => (
                              <li>{view.canManage ? <a href={unitUrl(u.id)}>{u.name}</a> : u.name}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        {view.canManage ? (
          <AddForm view={view} />
        ) : (
          <p>部局や課・センターを変更できるのは、企画担当と管理者です。</p>
        )}
      </div>
    </Layout>
  );
}

function AddForm({ view }: { view: OrganisationView }) {
  const errors = errorMap(view.errors);
  const parents = [
    { value: '', label: '部局として追加' },
    ...view.tree.map((d) => ({ value: String(d.id), label: `${d.name}の課・センターとして追加` })),
  ];
  return (
    <section aria-labelledby="org-add-heading">
      <h2 id="org-add-heading">部局・課・センターを追加する</h2>
      <form method="post" action={ORGANISATION_URL} class="staff-form">
        <CsrfField token={view.csrf} />
        <ErrorSummary
          id="org-errors"
          heading="追加できませんでした。次の項目を確認してください。"
          errors={view.errors}
        />
        <TextField
          id={orgFieldId.name}
          name="name"
          label="名称"
          hint="例：総務部、北部地域自治センター"
          value={view.values.name}
          errors={errors}
          maxlength={50}
        />
        <SelectField
          id={orgFieldId.parent}
          name="parent"
          label="追加する場所"
          value={view.values.parent}
          options={parents}
          errors={errors}
        />
        <OrderField value={view.values.displayOrder} errors={errors} />
        <button type="submit" class="button-primary">
          追加する
        </button>
      </form>
    </section>
  );
}

export function OrderField({ value, errors }: { value: string; errors: ReturnType<typeof errorMap> }) {
  return (
    <TextField
      id={orgFieldId.order}
      name="displayOrder"
      label="表示順（任意）"
      hint="小さい数ほど上に表示します。空欄のものは、数を入れたものの後に登録順で並びます。"
      value={value}
      errors={errors}
      inputmode="numeric"
      maxlength={4}
    />
  );
}

export interface UnitView {
  unit: { id: number; name: string; displayOrder: number | null; parentName?: string };
  csrf: string;
  values: OrganisationFormValues;
  errors: FieldError[];
}

/** One department or sub-unit: correct its name, set its order, or retire it when nothing refers to it. */
export function UnitPage({ view }: { view: UnitView }) {
  const errors = errorMap(view.errors);
  const u = view.unit;
  const title = `「${u.name}」の編集`;
  return (
    <Layout title={title} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        <p>
          <a href={ORGANISATION_URL}>部局と課・センターの一覧に戻る</a>
        </p>
        <h1 class="page-title">{title}</h1>
        {u.parentName ? <p>{`${u.parentName}の課・センターです。`}</p> : null}
        <ErrorSummary
          id="org-errors"
          heading="変更できませんでした。次の項目を確認してください。"
          errors={view.errors}
        />
        <form method="post" action={unitUrl(u.id)} class="staff-form">
          <CsrfField token={view.csrf} />
          <TextField
            id={orgFieldId.name}
            name="name"
            label="名称"
            value={view.values.name}
            errors={errors}
            maxlength={50}
          />
          <OrderField value={view.values.displayOrder} errors={errors} />
          <button type="submit" class="button-primary">
            変更する
          </button>
        </form>
        <section aria-labelledby="retire-heading">
          <h2 id="retire-heading">廃止する</h2>
          <p id="retire-hint">
            誤って追加したものなど、重点目標・取り込み・アカウントの役割などから使われていないものだけを廃止できます。使われている部局の廃止や統合は、組織改編として記録してください。
          </p>
          <FieldMessage id={orgFieldId.retire} errors={errors} />
          <form method="post" action={`${unitUrl(u.id)}/retire`} class="inline-form">
            <CsrfField token={view.csrf} />
            <button
              type="submit"
              id={orgFieldId.retire}
              class="button-secondary"
              aria-describedby="retire-hint"
            >
              {`「${u.name}」を廃止する`}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}
