import { MAX_PROGRESS } from '../../domain/workflow/interim.service.ts';
import { InterimFormInvalid } from '../../domain/workflow/interim-goal.service.ts';
import type { AppError } from '../../errors.ts';
import { type FormBody, messageOf, text } from './form.ts';
import type { KeptGoalForm } from './interim.page.tsx';
import { interimNames } from './interim.page.tsx';

type Item = { itemId: number; text: string; notStarted: boolean; version: number };

/** The items a goal's form carried: every `progress-<id>-version` field names one. */
export function interimGoalItems(form: FormBody): Item[] {
  return Object.keys(form)
    .map((key) => /^progress-(\d{1,9})-version$/.exec(key)?.[1])
    .filter((id): id is string => id !== undefined)
    .map((raw) => {
      const id = Number(raw);
      const version = text(form, interimNames.version(id));
      return {
        itemId: id,
        text: text(form, interimNames.text(id)).replace(/\r\n?/g, '\n'),
        notStarted: text(form, interimNames.notStarted(id)) === '1',
        version: /^\d{1,9}$/.test(version) ? Number(version) : -1,
      };
    });
}

const STALE_TEXT =
  'この重点目標の進捗を、他の人が先に保存しました。上書きしないよう、何も保存していません。現在の内容と見比べて、もう一度保存してください。';

/** The refused form as the page re-renders it: the input kept, a message, per-field errors. */
export function keptInterimForm(goalId: number, items: Item[], error: AppError): KeptGoalForm {
  const kept: KeptGoalForm = {
    goalId,
    message: messageOf(error),
    items: Object.fromEntries(items.map((i) => [i.itemId, { text: i.text, notStarted: i.notStarted }])),
    versions: Object.fromEntries(items.map((i) => [i.itemId, i.version])),
    issues: {},
    stale: error.code === 'STALE',
  };
  if (error instanceof InterimFormInvalid) {
    kept.message =
      '入力内容に誤りがあるため、何も保存していません。印の付いた欄を直して、もう一度保存してください。';
    for (const id of error.itemIds)
      kept.issues[`progress-${id}`] = `進捗は${MAX_PROGRESS}文字以内で入力してください。`;
  }
  // After STALE the form carries the stored versions (the page shows what they hold): a resave lands.
  if (kept.stale) {
    kept.message = STALE_TEXT;
    kept.versions = {};
  }
  return kept;
}
