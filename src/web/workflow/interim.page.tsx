import { CsrfField } from '../components/csrf-field.tsx';
import { ReturnNotice } from '../components/return-notice.tsx';
import { TextLines } from '../components/text-lines.tsx';
import { workflowUrls } from './format.ts';
import type { ReportItem, ReportView } from './report.presenter.ts';
import { reviewUrls } from './review.urls.ts';
import { WorkflowShell } from './shell.tsx';

export interface ReportPageView extends ReportView {
  csrfToken: string;
  notice?: string;
  error?: string;
}

function ItemForm({ view, item, goalNo }: { view: ReportPageView; item: ReportItem; goalNo: number }) {
  const id = `progress-${item.id}`;
  return (
    <form
      method="post"
      action={`${workflowUrls.interim(view.departmentId, view.year)}/${item.id}`}
      class="staff-form"
    >
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="version" value={String(item.progress?.version ?? 0)} />
      <div class="field">
        <label for={id}>
          重点目標{goalNo}・取組項目{item.no}の進捗（数値があれば記入してください）
        </label>
        <textarea id={id} name="text" rows={3}>
          {item.progress?.text ?? ''}
        </textarea>
      </div>
      <div class="field field--check">
        <label class="choice">
          <input
            type="checkbox"
            name="not_started"
            value="1"
            id={`not-started-${item.id}`}
            checked={item.progress?.notStarted ?? false}
          />
          未着手（まだ取り組んでいない。理由があれば上の欄に記入）
        </label>
      </div>
      <button type="submit" class="button-secondary">
        この項目の進捗を保存する
      </button>
    </form>
  );
}

export function InterimPage({ view }: { view: ReportPageView }) {
  return (
    <WorkflowShell
      title={view.title}
      unread={view.unread}
      notice={view.notice}
      error={view.error}
      stylesheets={[reviewUrls.stylesheet()]}
    >
      {view.returnNote ? <ReturnNotice note={view.returnNote} /> : null}
      <p>
        状況: {view.statusLabel}。
        <a href={workflowUrls.panel(view.departmentId, view.year)}>手続きの画面へ戻る</a>
      </p>
      {view.editable ? null : (
        <p class="hint">作成中の間だけ入力できます（提出後は差し戻されると再び入力できます）。</p>
      )}
      {view.goals.length === 0 ? <p>この年度の重点目標（計画）はまだ登録されていません。</p> : null}
      {view.goals.map((g) => (
        <section class="report-goal" aria-labelledby={`goal-${g.id}`}>
          <h2 id={`goal-${g.id}`}>
            重点目標{g.no} {g.title}
          </h2>
          {g.items.map((item) => (
            <div class="report-item">
              <h3>
                取組項目{item.no}
                {item.unitName ? `（${item.unitName}）` : ''}
              </h3>
              <TextLines text={item.text} />
              {item.detail ? (
                <p class="hint">
                  期限・数値目標等: <TextLines text={item.detail} />
                </p>
              ) : null}
              {item.progress ? (
                <p>
                  読み取った数値:{' '}
                  {item.progress.quantities.length > 0 ? item.progress.quantities.join('、') : 'なし'}
                </p>
              ) : null}
              {view.editable ? (
                <ItemForm view={view} item={item} goalNo={g.no} />
              ) : (
                <p>
                  進捗: {item.progress?.notStarted ? '【未着手】' : ''}
                  {item.progress?.text || (item.progress?.notStarted ? '' : '（未入力）')}
                </p>
              )}
            </div>
          ))}
        </section>
      ))}
    </WorkflowShell>
  );
}
