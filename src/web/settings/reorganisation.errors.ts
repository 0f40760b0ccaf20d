import type { AppError } from '../../errors.ts';
import { isForPeople } from '../components/people-text.ts';
import { type FieldError, fieldId, KIND_LABEL, KINDS, shapeRule } from './reorganisation.form.ts';

/**
 * The service's own refusals (it re-checks everything the form did), in Japanese and pointed at the
 * 種別 group, whose errors are keyed by its first radio: a shape that does not fit the kind, or else.
 */
export function fieldErrorOf(error: AppError): FieldError {
  const field = fieldId.kind(KINDS[0]);
  const kind = KINDS.find((k) => error.message === `a ${k} takes ${SERVICE_SHAPES[k]}`);
  if (error.location.field === 'kind' && kind)
    return { field, message: `${KIND_LABEL[kind]}では、${shapeRule(kind)}選んでください。` };
  return {
    field,
    message: isForPeople(error.message)
      ? `入力内容を確認してください（${error.message}）。`
      : '入力内容を確認してください。',
  };
}

/** The service's wording of each shape (reorganisation.service.ts). */
const SERVICE_SHAPES: Record<(typeof KINDS)[number], string> = {
  rename: 'one department to one',
  merge: 'two or more departments into one',
  split: 'one department into two or more',
};
