import { yearLabel } from '../../importer/import-governance.ts';
import type { ImportHistoryEntry } from '../../importer/import-history.service.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { formatTokyo } from '../components/datetime.ts';
import { Layout } from '../components/layout.tsx';

export const IMPORT_HISTORY_URL = '/staff/import/history';
export const undoUrl = (id: number) => `${IMPORT_HISTORY_URL}/${id}`;

const blockLabel = { review: '達成状況', plan: '数値目標' } as const;

function Blocks({ entry }: { entry: ImportHistoryEntry }) {
  return (
    <ul>
      {entry.blocks.map((b) => (
        <li>
          {b.department} {yearLabel(b.fiscalYear)}の{blockLabel[b.block]}
        </li>
      ))}
    </ul>
  );
}

function Facts({ entry }: { entry: ImportHistoryEntry }) {
  return (
    <dl class="import-facts">
      <dt>取り込んだ人</dt>
      <dd>{entry.actorLogin === 'system' ? 'コマンド（運用担当）' : entry.actorLogin}</dd>
      <dt>日時</dt>
      <dd>{formatTokyo(entry.at)}</dd>
      <dt>ファイル</dt>
      <dd>{entry.files.join('、')}</dd>
      <dt>取り込み方</dt>
      <dd>{entry.published ? '公表済みとして' : '作成中として'}</dd>
      <dt>部局・年度</dt>
      <dd>
        <Blocks entry={entry} />
      </dd>
    </dl>
  );
}

export function ImportHistoryPage({ entries, undone }: { entries: ImportHistoryEntry[]; undone?: number }) {
  return (
    <Layout title="取り込み履歴" stylesheets={['/assets/staff.css', '/assets/import.css']}>
      <div class="page staff-narrow">
        <h1 class="page-title">取り込み履歴</h1>
        {undone === undefined ? null : (
          <p role="status" class="import-warnings">
            取り込み {undone} を取り消しました。各部局の内容は取り込みの前に戻っています。
          </p>
        )}
        <p>
          取り込みを取り消すと、その取り込みで書き換えた部局・年度の内容が取り込みの前に戻ります。取り込みの後に編集などで変更された場合は取り消せません。
        </p>
        {entries.length === 0 ? <p>取り込みの記録はまだありません。</p> : null}
        {entries.map((entry) => (
          <section aria-labelledby={`import-${entry.id}`}>
            <h2 id={`import-${entry.id}`}>取り込み {entry.id}</h2>
            <Facts entry={entry} />
            {entry.undoneAt !== null ? (
              <p>
                取り消し済み（{formatTokyo(entry.undoneAt)}、{entry.undoneBy}）
              </p>
            ) : entry.undoable ? (
              <p>
                <a class="button-secondary" href={undoUrl(entry.id)}>
                  取り込み {entry.id} を取り消す
                </a>
              </p>
            ) : null}
          </section>
        ))}
        <p>
          <a href="/staff/import">一覧表を取り込む</a> ・ <a href="/staff">職員メニューへ</a>
        </p>
      </div>
    </Layout>
  );
}

export interface UndoConfirmView {
  entry: ImportHistoryEntry;
  csrfToken: string;
  error?: string;
}

export function UndoConfirmPage({ view }: { view: UndoConfirmView }) {
  const { entry } = view;
  return (
    <Layout
      title={`取り込み ${entry.id} の取り消し`}
      stylesheets={['/assets/staff.css', '/assets/import.css']}
    >
      <div class="page staff-narrow">
        <h1 class="page-title">取り込み {entry.id} の取り消し</h1>
        {view.error ? (
          <div class="form-error" role="alert">
            <p>{view.error}</p>
          </div>
        ) : null}
        <Facts entry={entry} />
        {entry.undoable ? (
          <form method="post" action={`${undoUrl(entry.id)}/undo`} class="staff-form">
            <CsrfField token={view.csrfToken} />
            <p>
              上の部局・年度の目標・取組・数値・状況を、この取り込みの前の内容に戻します。取り込みで新しく作られた部局・年度の内容は削除されます。よろしければ「取り消す」を押してください。
            </p>
            <button type="submit" class="button-primary">
              取り消す
            </button>
          </form>
        ) : null}
        <p>
          <a href={IMPORT_HISTORY_URL}>取り込み履歴へ戻る</a>
        </p>
      </div>
    </Layout>
  );
}
