import type { IchiranDocument, ImportWarning } from '../../domain/document/document.schema.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { IchiranhyoTable } from '../components/ichiranhyo-table.tsx';
import { Layout } from '../components/layout.tsx';
import { warningText } from '../components/warning-text.ts';
import { yearPairLabel } from '../components/year-label.ts';

export interface PreviewView {
  csrfToken: string;
  token: string;
  name: string;
  documents: IchiranDocument[];
  /** The text file's lines, when it was a text extraction: warnings are shown beside them. */
  lines?: string[];
  departments: string[];
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

export function PreviewPage({ view }: { view: PreviewView }) {
  const single = view.documents.length === 1 ? view.documents[0] : undefined;
  return (
    <Layout title="取り込み内容の確認" wide stylesheets={['/assets/staff.css', '/assets/import.css']}>
      <div class="page">
        <h1 class="page-title">取り込み内容の確認</h1>
        <p>
          ファイル「{view.name}」から {view.documents.length}{' '}
          件の一覧表を読み取りました。まだ保存されていません。
        </p>
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
                  value={single.department}
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
                  min="1989"
                  max="2200"
                  value={String(single.plan.fiscalYear)}
                  required
                />
              </div>
            </fieldset>
          ) : null}
          <button type="submit" class="button-primary">
            この内容で保存する
          </button>{' '}
          <a href="/staff/import">やり直す</a>
        </form>
        {view.documents.map((doc) => (
          <section
            class="import-document"
            aria-label={`${doc.department} ${yearPairLabel(doc.plan.fiscalYear)}`}
          >
            <h2>
              {doc.department} {yearPairLabel(doc.plan.fiscalYear)}
            </h2>
            {doc.warnings.length > 0 ? (
              <div class="import-warnings" role="note">
                <h3>警告 {doc.warnings.length} 件</h3>
                {view.lines ? <SourceLines lines={view.lines} warnings={doc.warnings} /> : null}
                <ul>
                  {doc.warnings.map((w) => (
                    <li>
                      {w.line === undefined ? '' : `${w.line}行目: `}
                      {warningText(w.message)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>警告はありません。</p>
            )}
            <IchiranhyoTable document={doc} />
          </section>
        ))}
      </div>
    </Layout>
  );
}
