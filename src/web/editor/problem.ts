import { type StaleCurrent, StaleError } from '../../domain/goals/goal-edit.types.ts';
import type { AppError } from '../../errors.ts';
import { QUANTITY_RANGE_MESSAGE, QUANTITY_RANGE_TEXT } from '../../format/quantity-range.ts';
import type { GoalFields, ItemFields, Problem, QuantityFields } from './editor.view.ts';

export type ProblemBase = { target: string } & (
  | { kind: 'goal'; fields?: GoalFields }
  | { kind: 'item'; fields?: ItemFields }
  | { kind: 'quantity'; fields?: QuantityFields }
);

/** Errors a form re-renders with the user's input kept; anything else goes to the error page. */
export const RECOVERABLE = new Set(['STALE', 'INVALID_INPUT', 'LOCKED', 'NOT_FOUND']);

export const STALE_MESSAGE = '他の人が先にこの項目を変更しました。';

export const fieldMessages: Record<string, string> = {
  title: '重点目標の内容を入力してください。',
  text: '具体的な重点取組項目を入力してください。',
  no: '番号は1〜99の整数で入力してください。',
  unit: '担当課等を一覧から選び直すか、新しい名前を入力してください。',
  value: '値は数値で入力してください（例: 1200、12.5）。',
  comparator: '比較を一覧から選んでください。',
  version: 'フォームが古くなっています。ページを読み込み直してください。',
};

export function problemMessage(error: AppError): string {
  switch (error.code) {
    case 'STALE':
      return STALE_MESSAGE;
    case 'LOCKED':
      return '提出・承認などにより編集できない状態になったため、保存できませんでした。';
    case 'NOT_FOUND':
      return 'この項目は他の人が削除したため、保存できませんでした。';
    default:
      if (error.message === QUANTITY_RANGE_MESSAGE) return QUANTITY_RANGE_TEXT;
      return fieldMessages[error.location.field ?? ''] ?? '入力内容を確認してください。';
  }
}

/** The refused save as the page shows it: the user's fields, why, and what is stored now. */
export function toProblem(base: ProblemBase | ((error: AppError) => Problem), error: AppError): Problem {
  if (typeof base === 'function') return base(error);
  const message = problemMessage(error);
  const stale: StaleCurrent | undefined = error instanceof StaleError ? error.current : undefined;
  const gone = error.code === 'NOT_FOUND' ? null : undefined;
  if (base.kind === 'goal') {
    const current = stale?.entity === 'goal' ? stale.goal : gone;
    return { ...base, message, current, version: current?.version };
  }
  const current = stale?.entity === 'item' ? stale.item : gone;
  return { ...base, message, current, version: current?.version };
}
