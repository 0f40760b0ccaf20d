import type { GoalSaveInput } from '../../domain/goals/goal-save.service.ts';
import { GoalFormInvalid, GoalFormStale } from '../../domain/goals/goal-save.service.ts';
import type { AppError } from '../../errors.ts';
import { foldWidth } from '../../quantities/numbers.ts';
import type { GoalFormFields, ItemFields, Problem } from './editor.view.ts';
import type { FormData } from './form.ts';
import { unitChoiceOf } from './form.ts';
import { fieldMessages, problemMessage } from './problem.ts';

/**
 * Names of the goal form's inputs. They double as element ids, so a field's error, its label and a
 * link from the summary all point at the same place: `goal-3-title`, `item-12-text`, `item-12-version`.
 */
export const goalFormNames = {
  form: (goalId: number) => `goal-${goalId}-form`,
  title: (goalId: number) => `goal-${goalId}-title`,
  item: (itemId: number, field: 'no' | 'unit' | 'new-unit' | 'text' | 'note' | 'version') =>
    `item-${itemId}-${field}`,
};

const multiline = (value: string) => value.replace(/\r\n?/g, '\n');

/** The items the form carried: every `item-<id>-version` field names one. */
function itemIdsOf(form: FormData): number[] {
  return Object.keys(form)
    .map((key) => /^item-(\d{1,9})-version$/.exec(key)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
}

const versionOf = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? '') ? Number(value) : -1);

/** The user's input as typed (kept for the re-rendered form) and the versions it was loaded at. */
export function goalFormFields(form: FormData, goalId: number) {
  const items: Record<number, ItemFields> = {};
  const versions: Record<number, number> = {};
  for (const id of itemIdsOf(form)) {
    const f = (field: Parameters<typeof goalFormNames.item>[1]) => form[goalFormNames.item(id, field)] ?? '';
    items[id] = {
      no: f('no'),
      unit: f('unit'),
      newUnit: f('new-unit'),
      text: multiline(f('text')),
      note: multiline(f('note')),
    };
    versions[id] = versionOf(f('version'));
  }
  const fields: GoalFormFields = { title: multiline(form[goalFormNames.title(goalId)] ?? ''), items };
  return { fields, versions: { goal: versionOf(form.version), items: versions } };
}

/** A typed number that is not a number becomes NaN, which the service names at the field. */
function itemNo(value: string): number | undefined {
  const folded = foldWidth(value.trim());
  if (folded === '') return undefined;
  return /^\d{1,3}$/.test(folded) ? Number(folded) : Number.NaN;
}

export function goalSaveInput(goalId: number, parsed: ReturnType<typeof goalFormFields>): GoalSaveInput {
  return {
    goalId,
    version: parsed.versions.goal,
    title: parsed.fields.title,
    items: Object.entries(parsed.fields.items).map(([id, fields]) => ({
      itemId: Number(id),
      version: parsed.versions.items[Number(id)] ?? -1,
      no: itemNo(fields.no),
      unit: unitChoiceOf(fields),
      text: fields.text,
      note: fields.note,
    })),
  };
}

const INVALID_MESSAGE =
  '入力内容に誤りがあるため、何も保存していません。印の付いた欄を直して、もう一度保存してください。';
const STALE_MESSAGE =
  'この重点目標または取組項目を、他の人が先に変更しました。上書きしないよう、何も保存していません。';

/** A refused goal form: the user's input, a message per wrong field, and what is stored now. */
export function goalFormProblem(
  goalId: number,
  parsed: ReturnType<typeof goalFormFields>,
  error: AppError,
): Problem {
  const base = { kind: 'goal-form' as const, target: `goal-${goalId}`, fields: parsed.fields };
  if (error instanceof GoalFormInvalid) {
    const issues: Record<string, string> = {};
    for (const issue of error.issues) {
      const id =
        issue.target === 'goal'
          ? goalFormNames.title(goalId)
          : `${issue.target}-${issue.field === 'title' ? 'text' : issue.field}`;
      issues[id] = fieldMessages[issue.field] ?? '入力内容を確認してください。';
    }
    return { ...base, message: INVALID_MESSAGE, issues, versions: parsed.versions };
  }
  if (error instanceof GoalFormStale) {
    const items = { ...parsed.versions.items };
    for (const item of error.items) items[item.id] = item.version;
    return {
      ...base,
      message: STALE_MESSAGE,
      issues: {},
      current: { goal: error.goal, items: error.items, gone: error.gone },
      versions: { goal: error.goal?.version ?? parsed.versions.goal, items },
    };
  }
  const issues: Record<string, string> = {};
  return { ...base, message: problemMessage(error), issues, versions: parsed.versions };
}
