import type { Assessment } from '../../db/tables/workflow.ts';
import { assessmentLabels } from '../../domain/workflow/labels.ts';
import { TextLines } from '../../views/text-lines.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { ReturnNotice } from '../components/return-notice.tsx';
import { editorUrls } from '../editor/editor.urls.ts';
import { workflowUrls } from './format.ts';
import { AnswersTarget, GoalNotices, type ReportPageView } from './interim.page.tsx';
import type { ReportGoal } from './report.presenter.ts';
import { reviewUrls } from './review.urls.ts';
import { WorkflowShell } from './shell.tsx';

const choices: Assessment[] = ['achieved', 'mostly', 'not_achieved'];

function GoalForm({ view, goal }: { view: ReportPageView; goal: ReportGoal }) {
  const reasonId = `reason-${goal.id}`;
  return (
    <form
      method="post"
      action={`${workflowUrls.final(view.departmentId, view.year)}/${goal.id}`}
      class="staff-form"
    >
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="version" value={String(goal.assessment?.version ?? 0)} />
      <fieldset class="assessment-choices" id={`assessment-${goal.id}`}>
        <legend>評価</legend>
        {choices.map((choice) => (
          <label class="choice">
            <input
              type="radio"
              name="assessment"
              value={choice}
              required
              checked={goal.assessment?.value === choice}
            />
            {assessmentLabels[choice]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={reasonId}>理由（概ね達成・未達成、または数値目標の評価が達成に届かないときは必須）</label>
        <textarea id={reasonId} name="reason" rows={3}>
          {goal.assessment?.reason ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button-secondary">
        重点目標{goal.no}の評価を保存する
      </button>
    </form>
  );
}

export function FinalPage({ view }: { view: ReportPageView }) {
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
      <p class="hint">
        すべての取組項目に達成状況を、すべての重点目標に評価を入力してください。「概ね達成」「未達成」の目標と、数値目標から計算した評価が「達成」に届かない目標は、理由を入力するまで提出できません。
      </p>
      {view.goals.length === 0 ? <p>この年度の達成状況（振り返り）はまだ登録されていません。</p> : null}
      {view.goals.map((g) => (
        <section class="report-goal" id={`goal-${g.id}`} aria-labelledby={`goal-${g.id}-heading`}>
          <h2 id={`goal-${g.id}-heading`}>
            重点目標{g.no} {g.title}
          </h2>
          <GoalNotices view={view} goalId={g.id} />
          <ul class="report-achievements">
            {g.items.map((item) => (
              <li>
                取組項目{item.no}
                {item.unitName ? `（${item.unitName}）` : ''}: <TextLines text={item.text} />
                {item.answers === undefined ? null : (
                  <AnswersTarget
                    id={`answers-${item.id}`}
                    label="この達成状況が答える目標（期限・数値目標等）"
                    text={item.answers}
                  />
                )}
                {item.detail ? (
                  <>
                    達成状況: <TextLines text={item.detail} />
                  </>
                ) : (
                  <>
                    達成状況: <strong>未入力</strong>（
                    <a
                      href={`${editorUrls.block({ departmentId: view.departmentId, year: view.year, block: 'review' })}#item-${item.id}-note`}
                    >
                      目標の編集画面で入力する
                    </a>
                    ）
                  </>
                )}
              </li>
            ))}
          </ul>
          {view.editable ? (
            <GoalForm view={view} goal={g} />
          ) : (
            <p>
              評価: {g.assessment ? assessmentLabels[g.assessment.value] : '（未入力）'}
              {g.assessment?.reason ? ` — 理由: ${g.assessment.reason}` : ''}
            </p>
          )}
        </section>
      ))}
    </WorkflowShell>
  );
}
