import type { IchiranDocument } from '../../format/document.schema.ts';
import { readByOcr } from '../../importer/pdf/ocr/ocr-notice.ts';
import { IchiranhyoTable } from '../../views/ichiranhyo-table.tsx';
import { yearPairLabel } from '../../views/year-label.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../components/layout.tsx';
import { OcrReview, uncertainPlaces, warningsBesideOcrReview } from './ocr-review.tsx';
import { SourceBeside, type SourcePagesView } from './source-pages.tsx';
import { WarningList } from './warning-list.tsx';

/** One uploaded file of several: read and waiting (token), or refused with a message for this file. */
export type BatchEntry =
  | { name: string; token: string; documents: IchiranDocument[]; sourcePages: SourcePagesView }
  | { name: string; error: string; where?: string };

export interface BatchView {
  csrfToken: string;
  entries: BatchEntry[];
}

const isRead = (e: BatchEntry): e is Extract<BatchEntry, { token: string }> => 'token' in e;

function Summary({ documents }: { documents: IchiranDocument[] }) {
  return (
    <dl class="import-summary">
      {documents.map((d) => (
        <>
          <dt>担当部局</dt>
          <dd>{d.department}</dd>
          <dt>年度</dt>
          <dd>{yearPairLabel(d.plan.fiscalYear)}</dd>
          <dt>重点目標</dt>
          <dd>
            達成状況 {d.review.goals.length} 件・数値目標 {d.plan.goals.length} 件
          </dd>
          <dt>警告</dt>
          {/* Counted as listed below: what the OCR review shows is counted there. */}
          <dd>{warningsBesideOcrReview(d).length} 件</dd>
          {readByOcr(d) ? (
            <>
              <dt>文字認識（OCR）</dt>
              <dd>読み取りが不確かな箇所 {uncertainPlaces(d).length} 件</dd>
            </>
          ) : null}
        </>
      ))}
    </dl>
  );
}

/** The document's warnings, but not those its OCR review shows (the notice, the unsure paragraphs). */
function BesideOcrReview({ document: doc }: { document: IchiranDocument }) {
  const warnings = warningsBesideOcrReview(doc);
  return warnings.length > 0 ? <WarningList class="import-warnings" warnings={warnings} /> : null;
}

function ReadFile({
  entry,
  index,
  view,
}: {
  entry: Extract<BatchEntry, { token: string }>;
  index: number;
  view: BatchView;
}) {
  const others = view.entries.filter(isRead).filter((e) => e.token !== entry.token);
  return (
    <section class="import-document" aria-labelledby={`file${index}`}>
      <h2 id={`file${index}`}>{entry.name}</h2>
      <Summary documents={entry.documents} />
      <div class="batch-actions">
        <form method="post" action={`/staff/import/${entry.token}`}>
          <CsrfField token={view.csrfToken} />
          <button type="submit" class="button-primary" aria-label={`この表を取り込む（${entry.name}）`}>
            この表を取り込む
          </button>
        </form>
        <form method="post" action={`/staff/import/${entry.token}/discard`}>
          <CsrfField token={view.csrfToken} />
          {/* After discarding, the page comes back with the other files still waiting. */}
          {others.map((e) => (
            <input type="hidden" name="t" value={e.token} />
          ))}
          <button type="submit" class="button-secondary" aria-label={`除外（${entry.name}）`}>
            除外
          </button>
        </form>
      </div>
      <SourceBeside token={entry.token} view={entry.sourcePages} heading={(text) => <h3>{text}</h3>}>
        {entry.documents.map((doc, n) => (
          <>
            <BesideOcrReview document={doc} />
            <OcrReview document={doc} />
            {/* Several tables on one page: each its own header ids. */}
            <IchiranhyoTable document={doc} idPrefix={`f${index}d${n + 1}-`} />
          </>
        ))}
      </SourceBeside>
    </section>
  );
}

/** Several files uploaded at once: each read file with its table, each refused file with its reason. */
export function BatchPage({ view }: { view: BatchView }) {
  const read = view.entries.filter(isRead);
  const refused = view.entries.length - read.length;
  return (
    <Layout
      title="取り込み内容の確認（複数ファイル）"
      wide
      stylesheets={['/assets/staff.css', '/assets/import.css']}
    >
      <div class="page">
        <h1 class="page-title">取り込み内容の確認（複数ファイル）</h1>
        <p>
          {view.entries.length} 件のファイルのうち {read.length} 件を読み取りました
          {refused > 0 ? `（${refused} 件は読み取れませんでした。理由はそのファイルの欄にあります）` : ''}
          。まだ保存されていません。すべて作成中として保存します。
        </p>
        {read.length > 0 ? (
          <form method="post" action="/staff/import/batch" class="staff-form import-confirm">
            <CsrfField token={view.csrfToken} />
            {read.map((e) => (
              <input type="hidden" name="t" value={e.token} />
            ))}
            <button type="submit" class="button-primary">
              すべて取り込む（{read.length} 件）
            </button>{' '}
            <a href="/staff/import">やり直す</a>
          </form>
        ) : (
          <p>
            <a href="/staff/import">ファイルを選び直す</a>
          </p>
        )}
        {view.entries.map((entry, index) =>
          isRead(entry) ? (
            <ReadFile entry={entry} index={index + 1} view={view} />
          ) : (
            <section class="import-document" aria-labelledby={`file${index + 1}`}>
              <h2 id={`file${index + 1}`}>{entry.name}</h2>
              <div class="form-error" role="alert">
                <p>
                  {entry.where ? <strong>{entry.where}: </strong> : null}
                  {entry.error}
                </p>
              </div>
            </section>
          ),
        )}
      </div>
    </Layout>
  );
}
