import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { SETTINGS_STYLES } from './accounts.page.tsx';
import { errorMap, type FieldError, Notice, TextField } from './settings.fields.tsx';

export const MUNICIPALITY_URL = '/staff/settings/municipality';
export const municipalityFieldId = { name: 'municipality-name', code: 'municipality-code' };

export interface MunicipalityValues {
  name: string;
  localGovCode: string;
}

export interface MunicipalityView {
  csrf: string;
  values: MunicipalityValues;
  errors: FieldError[];
  notice?: string;
}

const TITLE = '自治体の設定';

export function MunicipalityPage({ view }: { view: MunicipalityView }) {
  const errors = errorMap(view.errors);
  return (
    <Layout title={TITLE} stylesheets={SETTINGS_STYLES}>
      <div class="page workflow settings">
        <p>
          <a href="/staff">職員メニュー</a>
        </p>
        <h1 class="page-title">{TITLE}</h1>
        <Notice text={view.notice} />
        <form method="post" action={MUNICIPALITY_URL} class="staff-form">
          <CsrfField token={view.csrf} />
          <ErrorSummary
            id="municipality-errors"
            heading="保存できませんでした。次の項目を確認してください。"
            errors={view.errors}
          />
          <TextField
            id={municipalityFieldId.name}
            name="name"
            label="自治体名"
            hint="公開ページの見出しやオープンデータに表示します。"
            value={view.values.name}
            errors={errors}
            maxlength={50}
          />
          <TextField
            id={municipalityFieldId.code}
            name="localGovCode"
            label="全国地方公共団体コード"
            hint="検査数字を含む6桁（例：千代田区は131016）。オープンデータに記載します。空欄のままなら変更しません。"
            value={view.values.localGovCode}
            errors={errors}
            inputmode="numeric"
            maxlength={6}
          />
          <button type="submit" class="button-primary">
            保存する
          </button>
        </form>
      </div>
    </Layout>
  );
}
