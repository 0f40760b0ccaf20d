import type { GoalSnapshot, ItemSnapshot } from '../../domain/goals/goal-edit.types.ts';
import { circledNumber } from '../components/circled-number.ts';
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
