import { CsrfField } from '../components/csrf-field.tsx';
import { EditorLayout } from './editor-layout.tsx';

export interface ConfirmDeleteView {
  csrfToken: string;
  /** `重点目標2` / `取組項目①`. */
  name: string;
  /** What is stored now: the user confirms exactly this. */
  lines: Array<{ label: string; value: string }>;
  /** What goes with it (the goal's items). */
  consequence?: string;
  version: number;
  action: string;
  cancelHref: string;
  /** Shown when the row changed after this page was opened. */
  staleMessage?: string;
}

/** The confirmation step of a delete: a page of its own, so it works without script. */
export function ConfirmDeletePage({ view }: { view: ConfirmDeleteView }) {
  return (
    <EditorLayout title={`${view.name}の削除`}>
      <h1 class="page-title">{view.name}を削除しますか？</h1>
      {view.staleMessage ? (
        <div class="form-error" role="alert" tabindex={-1} autofocus>
          <p>{view.staleMessage}</p>
        </div>
      ) : null}
      <dl class="read-only-fields">
        {view.lines.map((l) => (
          <>
            <dt>{l.label}</dt>
            <dd class="pre">{l.value}</dd>
          </>
        ))}
      </dl>
      {view.consequence ? <p>{view.consequence}</p> : null}
      <p>削除すると元に戻せません（操作の記録は残ります）。</p>
      <form method="post" action={view.action} class="confirm-form">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="version" value={String(view.version)} />
        <button type="submit" class="button-danger">
          削除する
        </button>{' '}
        <a href={view.cancelHref} class="button-secondary button-link">
          やめる
        </a>
      </form>
    </EditorLayout>
  );
}
