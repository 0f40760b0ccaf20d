import { CsrfField } from '../components/csrf-field.tsx';
import { workflowUrls } from './format.ts';
import type { MatrixView } from './matrix.presenter.ts';
import { WorkflowShell } from './shell.tsx';

export interface MatrixPageView extends MatrixView {
  csrfToken: string;
  notice?: string;
  error?: string;
}

function DeadlineFields({ view }: { view: MatrixPageView }) {
  return (
    <>
      {view.columns.map((c) => (
        <div class="field">
          <label for={`due-${c.phase}`}>{c.label}の期限</label>
          <input id={`due-${c.phase}`} name={`due_${c.phase}`} type="date" value={c.dueDate} required />
        </div>
      ))}
    </>
  );
}

function PlanningForms({ view }: { view: MatrixPageView }) {
  if (!view.canOpen) return null;
  return (
    <section aria-labelledby="year-settings-title" class="workflow-settings">
      <h2 id="year-settings-title">{view.opened ? '期限の変更・部局の追加' : '年度の開始'}</h2>
      {view.opened ? (
        <p>
          <a href={`/staff/settings/deadlines?year=${view.year}`}>受付開始日の設定・部局ごとの前倒し受付</a>
        </p>
      ) : null}
      {view.opened ? (
        <form
          method="post"
          action={`${workflowUrls.matrix(view.year)}/deadlines`}
          class="staff-form workflow-inline"
        >
          <CsrfField token={view.csrfToken} />
          <DeadlineFields view={view} />
          <button type="submit" class="button-secondary">
            期限を保存する
          </button>
        </form>
      ) : null}
      <form
        method="post"
        action={`${workflowUrls.matrix(view.year)}/open`}
        class="staff-form workflow-inline"
      >
        <CsrfField token={view.csrfToken} />
        {view.opened ? null : <DeadlineFields view={view} />}
        <button type="submit" class="button-primary">
          {view.opened
            ? '新しい部局にも作成中の手続きを用意する'
            : 'この年度を開始する（全部局に作成中の手続きを用意）'}
        </button>
      </form>
    </section>
  );
}

export function MatrixPage({ view }: { view: MatrixPageView }) {
  return (
    <WorkflowShell title={view.title} unread={view.unread} notice={view.notice} error={view.error}>
      <p class="workflow-years">
        <a href={workflowUrls.matrix(view.year - 1)}>前年度</a>
        <a href={workflowUrls.matrix(view.year + 1)}>翌年度</a>
      </p>
      {view.opened ? (
        <p>{view.overdueCount > 0 ? `期限超過: ${view.overdueCount}件` : '期限超過はありません。'}</p>
      ) : (
        <p>この年度はまだ開始されていません。</p>
      )}
      <table class="workflow-table workflow-matrix">
        <caption class="visually-hidden">部局ごとの手続きの状況と期限</caption>
        <thead>
          <tr>
            <th scope="col">部局</th>
            {view.columns.map((c) => (
              <th scope="col">
                {c.label}
                <span class="deadline">期限 {c.dueLabel}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr>
              <th scope="row">{r.href ? <a href={r.href}>{r.name}</a> : r.name}</th>
              {r.cells.map((cell) => (
                <td class={`status status--${cell.status ?? 'none'}${cell.overdue ? ' is-overdue' : ''}`}>
                  {cell.statusLabel}
                  {cell.overdue ? <strong class="overdue">期限超過</strong> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <PlanningForms view={view} />
    </WorkflowShell>
  );
}
