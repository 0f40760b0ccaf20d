import { TextLines } from '../../views/text-lines.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { ReturnNotice } from '../components/return-notice.tsx';
import { editorUrls } from '../editor/editor.urls.ts';
import { workflowUrls } from './format.ts';
import type { ReportGoal, ReportItem, ReportView } from './report.presenter.ts';
import { reviewUrls } from './review.urls.ts';
import { WorkflowShell } from './shell.tsx';

/** A goal form the server refused: the user's input per item, why, and the versions to carry. */
export interface KeptGoalForm {
  goalId: number;
  message: string;
  items: Record<number, { text: string; notStarted: boolean }>;
  versions: Record<number, number>;
  /** Message per wrong field, keyed by the field's id (`progress-12`). */
  issues: Record<string, string>;
  /** After another person's save: show the stored text beside the kept input. */
  stale: boolean;
}

export interface ReportPageView extends ReportView {
  csrfToken: string;
  notice?: string;
  error?: string;
  /** `goal-12`: the goal a save just stored; its notice sits in that goal. */
  saved?: string;
  kept?: KeptGoalForm;
}

export const interimNames = {
  form: (goalId: number) => `interim-goal-${goalId}`,
  text: (itemId: number) => `progress-${itemId}-text`,
  notStarted: (itemId: number) => `progress-${itemId}-not-started`,
  version: (itemId: number) => `progress-${itemId}-version`,
};

/** The goal-level notices: saved here, or why this goal's 保存 was refused. */
export function GoalNotices({ view, goalId }: { view: ReportPageView; goalId: number }) {
  const kept = view.kept?.goalId === goalId ? view.kept : undefined;
  return (
    <div class="report-goal__notices">
      {view.saved === `goal-${goalId}` ? (
        <p class="workflow-notice report-saved" role="status" tabindex={-1} autofocus>
          この重点目標の入力を保存しました。
        </p>
      ) : null}
      {kept ? (
        <div class="form-error" role="alert" tabindex={-1} autofocus id="problem">
          <p>{kept.message}</p>
          {Object.entries(kept.issues).map(([id, message]) => (
            <p>
              <a href={`#${id}`}>{message}</a>
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** The target the progress answers, right above the field: what was promised, then how far it got. */
export function AnswersTarget({ id, label, text }: { id: string; label: string; text: string | null }) {
  return (
    <div class="answers-target" id={id}>
      <span class="answers-target__label">{label}</span>
      <p class="pre">{text || '（記載なし）'}</p>
    </div>
  );
}

function ItemFields(props: { view: ReportPageView; item: ReportItem; goalNo: number; kept?: KeptGoalForm }) {
  const { item, kept } = props;
  const id = `progress-${item.id}`;
  const input = kept?.items[item.id] ?? {
    text: item.progress?.text ?? '',
    notStarted: item.progress?.notStarted ?? false,
  };
  const issue = kept?.issues[id];
  const describedBy = [`${id}-target`, issue ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <>
      <input
        type="hidden"
        name={interimNames.version(item.id)}
        value={String(kept?.versions[item.id] ?? item.progress?.version ?? 0)}
      />
      <AnswersTarget
        id={`${id}-target`}
        label="この進捗が答える目標（期限・数値目標等）"
        text={item.detail}
      />
      {kept?.stale && (item.progress?.text ?? '') !== input.text ? (
        <p class="hint">
          現在保存されている進捗: {item.progress?.notStarted ? '【未着手】' : ''}
          {item.progress?.text || '（なし）'}
        </p>
      ) : null}
      <div class="field">
        <label for={id}>
          重点目標{props.goalNo}・取組項目{item.no}の進捗（数値があれば記入してください）
        </label>
        {issue ? (
          <p class="field-error" id={`${id}-error`}>
            {issue}
          </p>
        ) : null}
        <textarea
          id={id}
          name={interimNames.text(item.id)}
          rows={3}
          aria-describedby={describedBy}
          aria-invalid={issue ? 'true' : undefined}
        >
          {input.text}
        </textarea>
      </div>
      <div class="field field--check">
        <label class="choice">
          <input
            type="checkbox"
            name={interimNames.notStarted(item.id)}
            value="1"
            id={`not-started-${item.id}`}
            checked={input.notStarted}
          />
          未着手（まだ取り組んでいない。理由があれば上の欄に記入）
        </label>
      </div>
    </>
  );
}

function ItemHeading({ item }: { item: ReportItem }) {
  return (
    <>
      <h3>
        取組項目{item.no}
        {item.unitName ? `（${item.unitName}）` : ''}
      </h3>
      <TextLines text={item.text} />
      {item.progress ? (
        <p>
          読み取った数値: {item.progress.quantities.length > 0 ? item.progress.quantities.join('、') : 'なし'}
        </p>
      ) : null}
    </>
  );
}

/** One form per goal: every item's progress, one 保存 (nothing typed in another item is lost). */
function GoalForm({ view, goal }: { view: ReportPageView; goal: ReportGoal }) {
  const formId = interimNames.form(goal.id);
  const kept = view.kept?.goalId === goal.id ? view.kept : undefined;
  return (
    <form
      method="post"
      action={workflowUrls.interimGoal(view.departmentId, view.year, goal.id)}
      class="staff-form"
      id={formId}
      data-unsaved-guard=""
    >
      <CsrfField token={view.csrfToken} />
      {goal.items.map((item) => (
        <div class="report-item">
          <ItemHeading item={item} />
          <ItemFields view={view} item={item} goalNo={goal.no} kept={kept} />
        </div>
      ))}
      <div class="goal-save">
        <button type="submit" class="button-primary">
          重点目標{goal.no}の進捗を保存する
        </button>
        <p class="unsaved-note" data-unsaved-for={formId} aria-live="polite" />
      </div>
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
      scripts={[editorUrls.unsavedGuard()]}
    >
      {view.returnNote ? <ReturnNotice note={view.returnNote} /> : null}
      <p>
        状況: {view.statusLabel}。
        <a href={workflowUrls.panel(view.departmentId, view.year)}>手続きの画面へ戻る</a>
      </p>
      {view.editable ? (
        <p class="hint">重点目標ごとに、すべての取組項目の進捗をまとめて保存します。</p>
      ) : (
        <p class="hint">作成中の間だけ入力できます（提出後は差し戻されると再び入力できます）。</p>
      )}
      {view.goals.length === 0 ? <p>この年度の重点目標（計画）はまだ登録されていません。</p> : null}
      {view.goals.map((g) => (
        <section class="report-goal" id={`goal-${g.id}`} aria-labelledby={`goal-${g.id}-heading`}>
          <h2 id={`goal-${g.id}-heading`}>
            重点目標{g.no} {g.title}
          </h2>
          <GoalNotices view={view} goalId={g.id} />
          {view.editable ? (
            <GoalForm view={view} goal={g} />
          ) : (
            g.items.map((item) => (
              <div class="report-item">
                <ItemHeading item={item} />
                <p class="hint">
                  期限・数値目標等: <TextLines text={item.detail ?? ''} />
                </p>
                <p>
                  進捗: {item.progress?.notStarted ? '【未着手】' : ''}
                  {item.progress?.text || (item.progress?.notStarted ? '' : '（未入力）')}
                </p>
              </div>
            ))
          )}
        </section>
      ))}
    </WorkflowShell>
  );
}
