import {
  CP932_REPLACEMENT,
  interimColumns,
  itemColumns,
  quantityColumns,
} from '../../exporters/csv/index.ts';
import { urls } from '../../views/view-models.ts';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Layout } from '../components/layout.tsx';
import { ColumnDictionary } from './column-dictionary.tsx';
import { YearFiles } from './file-links.tsx';
import type { OpenDataView } from './open-data.presenter.ts';
import { openDataUrls } from './open-data.urls.ts';

export function OpenDataPage({ view }: { view: OpenDataView }) {
  const only = view.municipalities.length === 1 ? view.municipalities[0] : undefined;
  return (
    <Layout title="オープンデータ" municipalityName={only?.name} stylesheets={[openDataUrls.stylesheet()]}>
      <div class="page">
        <Breadcrumbs items={[{ label: 'トップ', href: urls.home() }, { label: 'オープンデータ' }]} />
        <h1 class="page-title">オープンデータ</h1>
        <p class="lead">
          公開中の重点目標一覧表を、表計算ソフトやプログラムで扱える CSV と JSON で提供しています。CSV
          は総務省「統計表における機械判読可能なデータの表記方法の統一ルール」に沿い、1 セルに 1
          つの値、見出しは 1 行、単位は別の列、年度は西暦と和暦を並べて記載しています。
        </p>
        <FormatNotes />
        {view.municipalities.length === 0 ? (
          <p>公開中のデータはまだありません。</p>
        ) : (
          view.municipalities.map((m) => (
            <section class="od-municipality" aria-labelledby={`od-${m.code}`}>
              <h2 id={`od-${m.code}`}>{m.name}</h2>
              {m.years.length === 0 ? (
                <p>公開中の年度はありません。</p>
              ) : (
                m.years.map((y) => <YearFiles code={m.code} year={y} />)
              )}
            </section>
          ))
        )}
        <section aria-labelledby="od-columns">
          <h2 id="od-columns">列の説明</h2>
          <p>
            CSV
            の列と、その内容です。どちらの表も、自治体コード・担当部局名・区分コード・年度・重点目標番号・取組番号で行を結び付けられます。
          </p>
          <ColumnDictionary
            id="od-items-columns"
            caption="重点取組項目の表（items.csv）：取組 1 件につき 1 行"
            columns={itemColumns}
          />
          <ColumnDictionary
            id="od-quantities-columns"
            caption="数量の表（quantities.csv）：目標・実績の数値 1 件につき 1 行"
            columns={quantityColumns}
          />
          <p id="od-interim-note">
            中間報告の表（interim.csv）は、当年度の中間報告が公表された部局の取組だけを含みます。中間報告を庁内のみで使い公表しない自治体、まだ公表していない部局の行はありません。
            重点取組項目の表とは、自治体コード・担当部局名・年度・重点目標番号・取組番号（区分コードは
            plan）で結び付けられます。
          </p>
          <ColumnDictionary
            id="od-interim-columns"
            caption="中間報告の表（interim.csv）：公表された中間報告の取組 1 件につき 1 行"
            columns={interimColumns}
          />
        </section>
        <UrlScheme />
      </div>
    </Layout>
  );
}

function FormatNotes() {
  return (
    <section aria-labelledby="od-format">
      <h2 id="od-format">ファイルの形式</h2>
      <dl class="od-format">
        <dt>CSV（UTF-8）</dt>
        <dd>
          文字コードは UTF-8（BOM 付き）、改行は CRLF、区切りはカンマ（RFC 4180）。1 行目が見出しで、 その後に
          1 件 1 行でデータが続きます。
        </dd>
        <dt>Shift_JIS（CP932）版</dt>
        <dd>
          内容は UTF-8 版と同じです。CP932 で表せない文字（𠮷 などの一部の漢字や絵文字）は「
          {CP932_REPLACEMENT}
          」に置き換えています。元の文字が必要な場合は UTF-8 版をお使いください。
        </dd>
        <dt>数式の扱い</dt>
        <dd>
          表計算ソフトが数式として実行しないよう、「=」「+」「-」「@」などで始まる文字列には先頭に「'」を付けています。数値の列（値・年度・番号）には付けません。
        </dd>
        <dt>JSON（UTF-8）</dt>
        <dd>
          一覧表の交換用 JSON です。部局ごとのファイルは一覧表 1
          件、全部局のファイルはその配列です。前年度（review）と当年度（plan）の重点目標・取組・数量をそのまま含みます。
        </dd>
      </dl>
    </section>
  );
}

function UrlScheme() {
  const example = (path: string) => <code>{path}</code>;
  return (
    <section aria-labelledby="od-urls">
      <h2 id="od-urls">ファイルの URL</h2>
      <p>URL は変わりません。プログラムから定期的に取得する場合は次の形をお使いください。</p>
      <ul class="od-url-list">
        <li>全部局：{example('/open-data/{自治体の英字名}/{年度（西暦）}/items.csv')}</li>
        <li>部局ごと：{example('/open-data/{自治体の英字名}/{年度（西暦）}/{部局番号}/items.csv')}</li>
        <li>
          ファイル名は {example('items.csv')}・{example('quantities.csv')}・{example('interim.csv')}・
          {example('tables.json')}。CSV の Shift_JIS（CP932）版は末尾に {example('?encoding=cp932')}{' '}
          を付けます。
        </li>
        <li>年度は一覧表の当年度です（前年度の実績も同じファイルに入ります）。</li>
      </ul>
    </section>
  );
}
