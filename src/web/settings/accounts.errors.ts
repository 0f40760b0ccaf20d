import { AppError } from '../../errors.ts';
import type { FieldError } from '../components/error-summary.tsx';
import { isForPeople } from '../components/people-text.ts';
import { fieldId, LOGIN_RULE, PASSWORD_RULE } from './accounts.form.ts';

/** createUser (shared with the CLI) words its refusals in English: here they are said in Japanese. */
const ENGLISH: Record<string, string> = {
  login: `ログインIDは${LOGIN_RULE}で入力してください。`,
  password: `パスワードは${PASSWORD_RULE}で入力してください。`,
  department: '担当する部局を選び直してください。',
};

/**
 * A service refusal a person can fix (wrong input, a login taken, the last admin) as an error at the
 * field it concerns; anything else is not the form's business and goes on to the error page.
 */
export function accountFieldError(error: unknown): FieldError | undefined {
  if (!(error instanceof AppError) || !['INVALID_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(error.code))
    return undefined;
  const key = error.location.field ?? 'login';
  const field = fieldId[key as keyof typeof fieldId] ?? fieldId.login;
  // createUser's English may quote a stored department name: starting in English, it is English.
  if (isForPeople(error.message) && !/^[a-z]/.test(error.message)) return { field, message: error.message };
  if (error.code === 'CONFLICT' && key === 'login')
    return { field, message: 'このログインIDはすでに使われています。別のログインIDを入力してください。' };
  return { field, message: ENGLISH[key] ?? '入力内容を確認してください。' };
}
