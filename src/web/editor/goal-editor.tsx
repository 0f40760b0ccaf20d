import { CsrfField } from '../components/csrf-field.tsx';
import { FieldError, FlashNotice, MoveButtons, problemFor, SaveButton } from './controls.tsx';
import { editorUrls } from './editor.urls.ts';
import type { BlockView, GoalView, ItemFields, Problem } from './editor.view.ts';
import { goalFormNames } from './goal-form.ts';
import { ItemEditor, ItemForm, itemFieldsOf } from './item-editor.tsx';
import { PairingNotice } from './pairing-notice.tsx';
import { GoalFormNotice, ProblemNotice } from './problem-notice.tsx';

function GoalTitleField(props: {
  id: string;
  name: string;
  value: string;
  label: string;
  issues?: Record<string, string>;
}) {
  const message = props.issues?.[props.id];
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <FieldError id={props.id} issues={props.issues ?? {}} />
      <textarea
        id={props.id}
        name={props.name}
        rows={2}
        required
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={message ? `${props.id}-error` : undefined}
      >
        {props.value}
      </textarea>
    </div>
  );
}

type GoalFormProblem = Extract<Problem, { kind: 'goal-form' }>;

/** What each item's inputs show: the refused form's input, else an older item refusal's, else stored. */
function itemInput(view: BlockView, formProblem: GoalFormProblem | undefined, item: GoalView['items'][0]) {
  const kept = formProblem?.fields.items[item.id];
  if (kept) return { fields: kept, version: formProblem?.versions.items[item.id] ?? item.version };
  const own = problemFor(view, `item-${item.id}`);
  const fields: ItemFields = (own?.kind === 'item' && own.fields) || itemFieldsOf(item);
  return { fields, version: own?.version ?? item.version };
}

/**
 * A goal and its items as ONE form (the title inside the form element, the items' inputs joined to it
 * by the `form` attribute, since their quantity, move and delete forms cannot nest): one 保存 sends
 * everything typed in this goal, so nothing typed elsewhere in it is lost.
 */
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
  const formProblem = problem?.kind === 'goal-form' ? problem : undefined;
  const issues = formProblem?.issues ?? {};
  const addTarget = `new-item-${goal.id}`;
  const addProblem = problemFor(view, addTarget);
  const name = `重点目標${goal.no}`;
  const formId = goalFormNames.form(goal.id);
  const titleValue =
    formProblem?.fields.title ??
    (problem?.kind === 'goal' && problem.fields ? problem.fields.title : goal.title);
  const inputs = goal.items.map((item) => ({ item, ...itemInput(view, formProblem, item) }));
  return (
    <section class="editor-goal" id={anchor} aria-labelledby={`${anchor}-heading`} data-goal-id={goal.id}>
      <h2 id={`${anchor}-heading`}>{name}</h2>
      {/* Notices about the goal as a whole (saved, refused, and any others added later) sit here. */}
      <div class="editor-goal__notices">
        <FlashNotice flash={view.flash} anchor={anchor} />
        <PairingNotice view={view} anchor={anchor} />
        {formProblem ? <GoalFormNotice problem={formProblem} noteLabel={view.noteLabel} /> : null}
        {problem && !formProblem ? <ProblemNotice problem={problem} noteLabel={view.noteLabel} /> : null}
      </div>
      <form
        method="post"
        action={editorUrls.goalSave(view.address, goal.id)}
        class="staff-form goal-form"
        id={formId}
        data-unsaved-guard=""
      >
        <CsrfField token={view.csrfToken} />
        <input
          type="hidden"
          name="version"
          value={String(formProblem?.versions.goal ?? problem?.version ?? goal.version)}
        />
        {inputs.map(({ item, version }) => (
          <input type="hidden" name={goalFormNames.item(item.id, 'version')} value={String(version)} />
        ))}
        <GoalTitleField
          id={goalFormNames.title(goal.id)}
          name={goalFormNames.title(goal.id)}
          value={titleValue}
          label={`${name}の内容`}
          issues={issues}
        />
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
      {inputs.map(({ item, fields }, i) => (
        <ItemEditor
          view={view}
          item={item}
          goalId={goal.id}
          fields={fields}
          issues={issues}
          changedByOther={formProblem?.current?.items.some((c) => c.id === item.id) ?? false}
          first={i === 0}
          last={i === goal.items.length - 1}
        />
      ))}
      <div class="goal-save">
        <button type="submit" class="button-primary" form={formId}>
          {name}を保存<span class="visually-hidden">（内容と取組項目すべて）</span>
        </button>
        <p class="unsaved-note" data-unsaved-for={formId} aria-live="polite" />
        <p class="hint">
          {name}
          の内容と、上のすべての取組項目の入力をまとめて保存します。数量・順番・削除はそれぞれのボタンで操作します。
        </p>
      </div>
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
          name="title"
          value={problem?.kind === 'goal' ? (problem.fields?.title ?? '') : ''}
          label="新しい重点目標の内容"
        />
        <SaveButton label="重点目標を追加" context={view.blockLabel} />
      </form>
    </section>
  );
}
