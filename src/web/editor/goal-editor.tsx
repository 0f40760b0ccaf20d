import { CsrfField } from '../components/csrf-field.tsx';
import { FlashNotice, MoveButtons, problemFor, SaveButton } from './controls.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockView, GoalView } from './editor.view.ts';
import { ItemEditor, ItemForm } from './item-editor.tsx';
import { PairingNotice } from './pairing-notice.tsx';
import { ProblemNotice } from './problem-notice.tsx';

function GoalTitleField({ id, value, label }: { id: string; value: string; label: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} name="title" rows={2} required>
        {value}
      </textarea>
    </div>
  );
}

export function GoalEditor({
  view,
  goal,
  first,
  last,
}: {
  view: BlockView;
  goal: GoalView;
  first: boolean;
  last: boolean;
}) {
  const anchor = `goal-${goal.id}`;
  const problem = problemFor(view, anchor);
  const addTarget = `new-item-${goal.id}`;
  const addProblem = problemFor(view, addTarget);
  const name = `重点目標${goal.no}`;
  return (
    <section class="editor-goal" id={anchor} aria-labelledby={`${anchor}-heading`}>
      <h2 id={`${anchor}-heading`}>{name}</h2>
      <FlashNotice flash={view.flash} anchor={anchor} />
      <PairingNotice view={view} anchor={anchor} />
      <form method="post" action={editorUrls.goal(view.address, goal.id)} class="staff-form goal-form">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="version" value={String(problem?.version ?? goal.version)} />
        {problem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
        <GoalTitleField
          id={`${anchor}-title`}
          value={problem?.kind === 'goal' && problem.fields ? problem.fields.title : goal.title}
          label={`${name}の内容`}
        />
        <SaveButton label="保存" context={name} />
      </form>
      <div class="row-controls">
        <MoveButtons
          action={editorUrls.goalMove(view.address, goal.id)}
          csrf={view.csrfToken}
          version={goal.version}
          label={name}
          first={first}
          last={last}
        />
        <a href={editorUrls.goalDelete(view.address, goal.id)} class="delete-link">
          {name}を削除…
        </a>
      </div>
      {goal.items.map((item, i) => (
        <ItemEditor view={view} item={item} first={i === 0} last={i === goal.items.length - 1} />
      ))}
      <details class="add-item" id={addTarget} open={addProblem !== undefined}>
        <summary>{name}に取組項目を追加</summary>
        {addProblem ? <ProblemNotice problem={addProblem} noteLabel={view.noteLabel} /> : null}
        <ItemForm
          view={view}
          action={editorUrls.items(view.address, goal.id)}
          idPrefix={addTarget}
          fields={
            (addProblem?.kind === 'item' && addProblem.fields) || {
              no: '',
              unit: '',
              newUnit: '',
              text: '',
              note: '',
            }
          }
          label="取組項目を追加"
          context={name}
        />
      </details>
    </section>
  );
}

export function AddGoalForm({ view }: { view: BlockView }) {
  const problem = problemFor(view, 'new-goal');
  return (
    <section class="add-goal" id="new-goal" aria-labelledby="new-goal-heading">
      <h2 id="new-goal-heading">重点目標を追加</h2>
      <form method="post" action={editorUrls.goals(view.address)} class="staff-form">
        <CsrfField token={view.csrfToken} />
        {problem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
        <GoalTitleField
          id="new-goal-title"
          value={problem?.kind === 'goal' ? (problem.fields?.title ?? '') : ''}
          label="新しい重点目標の内容"
        />
        <SaveButton label="重点目標を追加" context={view.blockLabel} />
      </form>
    </section>
  );
}
