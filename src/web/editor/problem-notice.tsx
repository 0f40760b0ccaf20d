import type { GoalSnapshot, ItemSnapshot } from '../../domain/goals/goal-edit.types.ts';
import { circledNumber } from '../../views/circled-number.ts';
import type { Problem } from './editor.view.ts';
import { comparatorLabels } from './labels.ts';

function CurrentGoal({ goal }: { goal: GoalSnapshot }) {
  return (
    <dl class="other-change__values">
      <dt>重点目標 {goal.no}</dt>
      <dd>{goal.title}</dd>
    </dl>
  );
}

function CurrentItem({ item, noteLabel }: { item: ItemSnapshot; noteLabel: string }) {
  return (
    <dl class="other-change__values">
      <dt>番号</dt>
      <dd>{circledNumber(item.no)}</dd>
      <dt>担当課等</dt>
      <dd>{item.unitName ?? '（なし）'}</dd>
      <dt>具体的な重点取組項目</dt>
      <dd class="pre">{item.text}</dd>
      <dt>{noteLabel}</dt>
      <dd class="pre">{item.note ?? ''}</dd>
      <dt>数量</dt>
      <dd>
        {item.quantities.length === 0
          ? 'なし'
          : item.quantities
              .map(
                (q) =>
                  `${q.value}${q.unit}${q.comparator === '=' ? '' : (comparatorLabels[q.comparator] ?? q.comparator)}`,
              )
              .join('、')}
      </dd>
    </dl>
  );
}

/**
 * Why a save was refused, said first and focused. For STALE it shows the change that won, so the
 * user can compare it with their own input, which the form below still holds.
 */
export function ProblemNotice({ problem, noteLabel }: { problem: Problem; noteLabel: string }) {
  if (problem.kind === 'goal-form') return <GoalFormNotice problem={problem} noteLabel={noteLabel} />;
  const current = problem.current;
  return (
    <div class="form-error problem" role="alert" tabindex={-1} autofocus id="problem">
      <p class="problem__message">{problem.message}</p>
      {current === null ? (
        <p>この項目は他の人が削除したため、保存できません。あなたの入力内容は下に残っています。</p>
      ) : null}
      {current ? (
        <div class="other-change">
          <p>他の人が保存した、現在の内容:</p>
          {problem.kind === 'goal' && problem.current ? <CurrentGoal goal={problem.current} /> : null}
          {problem.kind !== 'goal' && problem.current ? (
            <CurrentItem item={problem.current} noteLabel={noteLabel} />
          ) : null}
          <p>
            あなたの入力内容は入力欄に残っています。現在の内容と見比べて、必要なら直してから、もう一度保存してください。
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** The user's input when its form is gone from the page (the row was deleted, or the block locked). */
export function OrphanProblem({ problem, noteLabel }: { problem: Problem; noteLabel: string }) {
  const fields: Array<[string, string]> = [];
  if (problem.kind === 'goal' && problem.fields) fields.push(['重点目標', problem.fields.title]);
  if (problem.kind === 'item' && problem.fields) {
    fields.push(['具体的な重点取組項目', problem.fields.text], [noteLabel, problem.fields.note]);
  }
  if (problem.kind === 'goal-form') {
    fields.push(['重点目標', problem.fields.title]);
    for (const item of Object.values(problem.fields.items)) {
      fields.push(['具体的な重点取組項目', item.text], [noteLabel, item.note]);
    }
  }
  if (problem.kind === 'quantity' && problem.fields) {
    fields.push(['数量', `${problem.fields.value}${problem.fields.unit}`]);
  }
  return (
    <div class="orphan-problem">
      <ProblemNotice problem={problem} noteLabel={noteLabel} />
      {fields.length > 0 ? <h2>保存できなかった入力内容</h2> : null}
      {fields.length > 0 ? <p>必要であれば、ここからコピーしてください。</p> : null}
      {fields.map(([label, value], i) => (
        <div class="field">
          <label for={`orphan-${i}`}>{label}</label>
          <textarea id={`orphan-${i}`} readonly rows={3}>
            {value}
          </textarea>
        </div>
      ))}
    </div>
  );
}

const fieldLabels: Record<string, string> = {
  title: '重点目標の内容',
  no: '番号',
  text: '具体的な重点取組項目',
};

/** Names the field an issue id points at: `goal-3-title` → 重点目標の内容, `item-12-text` → its label. */
function issueLabel(id: string): string {
  return fieldLabels[/-(\w+)$/.exec(id)?.[1] ?? ''] ?? '入力欄';
}

/**
 * Why the goal's one form was refused. Wrong fields are listed as links to each (their messages also
 * sit at the fields); after another person's save, what they saved is shown beside the kept input.
 */
export function GoalFormNotice({
  problem,
  noteLabel,
}: {
  problem: Extract<Problem, { kind: 'goal-form' }>;
  noteLabel: string;
}) {
  const issues = Object.entries(problem.issues);
  const current = problem.current;
  return (
    <div class="form-error problem" role="alert" tabindex={-1} autofocus id="problem">
      <p class="problem__message">{problem.message}</p>
      {issues.length > 0 ? (
        <ul class="problem__fields">
          {issues.map(([id, message]) => (
            <li>
              <a href={`#${id}`}>
                {issueLabel(id)}: {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {current ? (
        <div class="other-change">
          <p>他の人が保存した、現在の内容:</p>
          {current.goal === null ? <p>この重点目標は削除されています。</p> : null}
          {current.goal ? <CurrentGoal goal={current.goal} /> : null}
          {current.items.map((item) => (
            <CurrentItem item={item} noteLabel={noteLabel} />
          ))}
          {current.gone.map((id) => (
            <div>
              <p>削除された取組項目に、あなたが入力した内容（必要ならコピーしてください）:</p>
              <p class="pre">{problem.fields.items[id]?.text ?? ''}</p>
              <p class="pre">{problem.fields.items[id]?.note ?? ''}</p>
            </div>
          ))}
          <p>
            あなたの入力内容は入力欄に残っています。現在の内容と見比べて、必要なら直してから、もう一度保存してください。
          </p>
        </div>
      ) : null}
    </div>
  );
}
