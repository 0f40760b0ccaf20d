import type { IchiranDocument, ImportWarning } from '../../format/document.schema.ts';
import { readByOcr } from '../../importer/pdf/ocr/ocr-notice.ts';
import { IchiranhyoTable } from '../../views/ichiranhyo-table.tsx';
import { warningText } from '../../views/warning-text.ts';
import { yearPairLabel } from '../../views/year-label.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';
import { OcrReview, warningsBesideOcrReview } from './ocr-review.tsx';
import { SourceBeside, type SourcePagesView } from './source-pages.tsx';
import { WarningList } from './warning-list.tsx';

export interface PreviewView {
  csrfToken: string;
  token: string;
  name: string;
  documents: IchiranDocument[];
  /** The text file's lines, when it was a text extraction: warnings are shown beside them. */
  lines?: string[];
  departments: string[];
  /** A PDF's pages, shown beside the tables read from them. */
  sourcePages: SourcePagesView;
  /** Planning and admin may load the city's past tables as already published. */
  canPublish: boolean;
  /** Plan years after next 年度 or before 平成: saving them needs an explicit confirmation. */
  implausibleYears: number[];
  /** The last confirmation was refused: why, and what the person had chosen. */
  refused?: {
    message: string;
    field?: string;
    department?: string;
    planYear?: number;
    published: boolean;
    allowYear: boolean;
  };
}

function Choices({ view }: { view: PreviewView }) {
  const refused = view.refused;
  const askYear =
    view.implausibleYears.length > 0 || refused?.field === 'planYear' || refused?.allowYear === true;
  return (
    <fieldset>
      <legend>保存のしかた</legend>
      <p class="hint">
        保存すると、目標設定（当年度）と期末報告（前年度）の<strong>作成中</strong>
        の内容になります。公表されるのは、部局の提出・承認と企画の受理・公表を経てからです。提出済み・承認済み・公表済みの内容は上書きしません。
      </p>
      {view.canPublish ? (
        <div class="choice">
          <input type="checkbox" id="published" name="published" checked={refused?.published === true} />
          <label for="published">
            過去に公表した一覧表として、<strong>公表済み</strong>
            で取り込む（企画担当・管理者のみ。操作の記録に残ります）
          </label>
        </div>
      ) : null}
      {askYear ? (
        <div class="choice">
          <input type="checkbox" id="allowYear" name="allowYear" checked={refused?.allowYear === true} />
          <label for="allowYear">
            この年度のまま取り込む（翌年度より先、または平成元年度より前の年度であることを確認しました）
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

function SourceLines({ lines, warnings }: { lines: string[]; warnings: ImportWarning[] }) {
  const byLine = new Map<number, string[]>();
  for (const w of warnings)
    if (w.line !== undefined) byLine.set(w.line, [...(byLine.get(w.line) ?? []), warningText(w.message)]);
  const shown = [...byLine.keys()].sort((a, b) => a - b);
  if (shown.length === 0) return null;
  return (
    <table class="source-lines">
      <caption>警告のある元の行</caption>
      <thead>
        <tr>
          <th scope="col">行</th>
          <th scope="col">元のテキスト</th>
          <th scope="col">警告</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((n) => (
          <tr>
            <th scope="row">{n}</th>
            <td>
              <code>{(lines[n - 1] ?? '').slice(0, 400)}</code>
            </td>
            <td>{(byLine.get(n) ?? []).join(' / ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The document's warnings, but not those its OCR review shows (the notice, the unsure paragraphs). */
function DocumentWarnings({
  document: doc,
  lines,
}: {
  document: IchiranDocument;
  lines: string[] | undefined;
}) {
  const warnings = warningsBesideOcrReview(doc);
  if (warnings.length === 0) return readByOcr(doc) ? null : <p>警告はありません。</p>;
  return (
    <div class="import-warnings" role="note">
      <h3>警告 {warnings.length} 件</h3>
      {lines ? <SourceLines lines={lines} warnings={warnings} /> : null}
      <WarningList warnings={warnings} />
    </div>
  );
}

export function PreviewPage({ view }: { view: PreviewView }) {
  const single = view.documents.length === 1 ? view.documents[0] : undefined;
  const department = view.refused?.department ?? single?.department;
  const planYear = view.refused?.planYear ?? single?.plan.fiscalYear;
  return (
    <Layout title="取り込み内容の確認" wide stylesheets={['/assets/staff.css', '/assets/import.css']}>
      <div class="page">
        <h1 class="page-title">取り込み内容の確認</h1>
        <p>
          ファイル「{view.name}」から {view.documents.length}{' '}
          件の一覧表を読み取りました。まだ保存されていません。
        </p>
        {view.refused ? (
          <div class="form-error" role="alert">
            <p>保存できませんでした: {view.refused.message}</p>
          </div>
        ) : null}
        <form method="post" action={`/staff/import/${view.token}`} class="staff-form import-confirm">
          <CsrfField token={view.csrfToken} />
          {single ? (
            <fieldset>
              <legend>必要なら担当部局名と年度を訂正してください</legend>
              <div class="field">
                <label for="department">担当部局名</label>
                <input
                  id="department"
                  name="department"
                  type="text"
                  list="departments"
                  value={department}
                  required
                />
                <datalist id="departments">
                  {view.departments.map((d) => (
                    <option value={d} />
                  ))}
                </datalist>
              </div>
              <div class="field">
                <label for="planYear">当年度（西暦）: 前年度の実績はその前年度として取り込みます</label>
                <input
                  id="planYear"
                  name="planYear"
                  type="number"
                  min="1900"
                  max="2200"
                  value={String(planYear)}
                  required
                />
              </div>
            </fieldset>
          ) : null}
          <Choices view={view} />
          <button type="submit" class="button-primary">
            この内容で保存する
          </button>{' '}
          <a href="/staff/import">やり直す</a>
        </form>
        <SourceBeside token={view.token} view={view.sourcePages} heading={(text) => <h2>{text}</h2>}>
          {view.documents.map((doc, index) => (
            <section
              class="import-document"
              aria-label={`${doc.department} ${yearPairLabel(doc.plan.fiscalYear)}`}
            >
              <h2>
                {doc.department} {yearPairLabel(doc.plan.fiscalYear)}
              </h2>
              <DocumentWarnings document={doc} lines={view.lines} />
              <OcrReview document={doc} />
              {/* One table per document on this page: each its own header ids. */}
              <IchiranhyoTable document={doc} idPrefix={`doc${index + 1}-`} />
            </section>
          ))}
        </SourceBeside>
      </div>
    </Layout>
  );
}
