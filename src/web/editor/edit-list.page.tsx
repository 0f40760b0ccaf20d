import { CsrfField } from '../components/csrf-field.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockCell, EditListView } from './editor.view.ts';
import { EditorLayout } from './editor-layout.tsx';
import { yearLabel } from './labels.ts';

function Cell({ cell, emptyHref }: { cell?: BlockCell; emptyHref?: string }) {
  if (!cell) {
    return emptyHref ? <a href={emptyHref}>空の状態から作成</a> : <span class="muted">なし</span>;
  }
  return (
    <>
      <a href={cell.href}>{cell.editable ? '編集する' : '内容を見る'}</a>
      <span class="status-tag" data-editable={cell.editable ? 'yes' : 'no'}>
        {cell.stateLabel}
      </span>
      <span class="muted">（重点目標 {cell.goalCount}件）</span>
    </>
  );
}

function ActionForm({ action, csrf, label }: { action: string; csrf: string; label: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={csrf} />
      <button type="submit" class="button-secondary">
        {label}
      </button>
    </form>
  );
}

export function EditListPage({ view }: { view: EditListView }) {
  return (
    <EditorLayout title="目標の編集">
      <h1 class="page-title">目標の編集</h1>
      {view.error ? (
        <div class="form-error" role="alert" tabindex={-1} autofocus>
          <p>{view.error}</p>
        </div>
      ) : null}
      {view.departments.length === 0 ? (
        <p>編集できる部局がありません。目標を編集するには、部局の編集者の権限が必要です。</p>
      ) : null}
      {view.departments.map((d) => (
        <section class="edit-department" aria-labelledby={`department-${d.id}`}>
          <h2 id={`department-${d.id}`}>{d.name}</h2>
          <table class="edit-years">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">重点目標（計画）</th>
                <th scope="col">達成状況（年度末報告）</th>
                <th scope="col">始める</th>
              </tr>
            </thead>
            <tbody>
              {d.years.map((y) => (
                <tr>
                  <th scope="row">{y.yearLabel}</th>
                  <td>
                    <Cell cell={y.plan} emptyHref={y.newPlanHref} />
                  </td>
                  <td>
                    <Cell cell={y.review} />
                  </td>
                  <td class="edit-actions">
                    {y.canCopyNextYear ? (
                      <ActionForm
                        action={editorUrls.copyNextYear(d.id, y.year)}
                        csrf={view.csrfToken}
                        label={`この年度から${yearLabel(y.year + 1)}の目標を作成`}
                      />
                    ) : null}
                    {y.canStartReview ? (
                      <ActionForm
                        action={editorUrls.startReview(d.id, y.year)}
                        csrf={view.csrfToken}
                        label="この年度の年度末報告を開始"
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </EditorLayout>
  );
}
