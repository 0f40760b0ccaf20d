import type { AppError } from '../../errors.ts';
import { isForPeople } from '../components/people-text.ts';
import { type FieldError, fieldId, fieldOf } from './grade-scale.form.ts';

/** The service's own refusals (it re-checks everything), in Japanese and pointed at a field. */
const SERVICE_MESSAGES: Record<string, string> = {
  'labels must differ': '評価の名称が重複しています。',
  'bands go from the highest minRate down': '達成率の下限は上の段階から順に小さくしてください。',
  'the last band starts at 0': '最後の段階の下限は0%にしてください。',
  'a custom scale needs a name': '独自の評価区分の名称を入力してください。',
};

export function fieldErrorOf(error: AppError): FieldError {
  const field = error.location.field;
  const message =
    SERVICE_MESSAGES[error.message] ??
    (isForPeople(error.message)
      ? `入力内容を確認してください（${error.message}）。`
      : '入力内容を確認してください。');
  if (field === 'name') return { field: fieldId.name, message };
  if (field === 'bands') return { field: fieldId.label(0), message };
  return { field: fieldOf(['preset']), message };
}
