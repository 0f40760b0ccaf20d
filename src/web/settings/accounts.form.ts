import { z } from 'zod';
import type { Role, RoleGrant } from '../../domain/auth/actor.ts';
import { roles } from '../../domain/auth/actor.ts';
import { MIN_PASSWORD_LENGTH } from '../../domain/auth/password.ts';
import { departmentRoles } from '../../domain/vocabulary/roles.ts';
import type { FieldError } from '../components/error-summary.tsx';

/** The account forms: raw values (kept as typed on error), field ids, and zod parsing into service input. */
export const ACCOUNTS_URL = '/staff/settings/accounts';
export const accountUrl = (id: number) => `${ACCOUNTS_URL}/${id}`;
export const MAX_DISPLAY_NAME = 100;

export const fieldId = {
  login: 'account-login',
  displayName: 'account-display-name',
  password: 'account-password',
  role: 'account-role',
  department: 'account-department',
  /** The 無効にする button: the last admin's refusal is shown there. */
  disabled: 'account-state',
};

export interface AccountFormValues {
  login: string;
  displayName: string;
  password: string;
  role: string;
  department: string;
}
export const emptyAccountValues = (): AccountFormValues => ({
  login: '',
  displayName: '',
  password: '',
  role: 'editor',
  department: '',
});

const text = (body: Record<string, unknown>, key: string) => {
  const v = body[key];
  return typeof v === 'string' ? v : '';
};
export const accountValuesOf = (body: Record<string, unknown>): AccountFormValues => ({
  login: text(body, 'login'),
  displayName: text(body, 'displayName'),
  password: text(body, 'password'),
  role: text(body, 'role'),
  department: text(body, 'department'),
});

export const LOGIN_RULE = '半角の英小文字・数字と「.」「_」「-」で2〜63文字（先頭は英数字）';
export const PASSWORD_RULE = `${MIN_PASSWORD_LENGTH}文字以上`;

const roleField = z.enum(roles, { error: '役割を選んでください。' });
const departmentField = z.string().regex(/^\d*$/, '部局を選び直してください。');

/** A role with its department: editor and approver need one, the others (全庁) none. */
function grantIssues(role: Role, department: string): string | undefined {
  if (departmentRoles.has(role) && department === '') return 'この役割では、担当する部局を選んでください。';
  if (!departmentRoles.has(role) && department !== '')
    return 'この役割は全庁の役割です。部局は「選ばない（全庁）」にしてください。';
  return undefined;
}

const createSchema = z
  .object({
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, `ログインIDは${LOGIN_RULE}で入力してください。`),
    displayName: z
      .string()
      .trim()
      .min(1, '表示名を入力してください。')
      .max(MAX_DISPLAY_NAME, `表示名は${MAX_DISPLAY_NAME}文字以内で入力してください。`),
    password: z
      .string()
      .refine(
        (p) => p === '' || [...p].length >= MIN_PASSWORD_LENGTH,
        `仮パスワードは${PASSWORD_RULE}で入力するか、空欄にして自動で作ってください。`,
      ),
    role: roleField,
    department: departmentField,
  })
  .superRefine((v, ctx) => {
    const issue = grantIssues(v.role, v.department);
    if (issue) ctx.addIssue({ code: 'custom', path: ['department'], message: issue });
  });

const toErrors = (issues: z.core.$ZodIssue[]): FieldError[] => {
  const errors = issues.map((i) => ({
    field: fieldId[(i.path[0] as keyof typeof fieldId) ?? 'login'] ?? fieldId.login,
    message: i.message,
  }));
  return errors.filter((e, k) => errors.findIndex((o) => o.field === e.field) === k);
};

export type Parsed<T> = { ok: true; input: T } | { ok: false; errors: FieldError[] };

export function parseAccountForm(values: AccountFormValues): Parsed<{
  login: string;
  displayName: string;
  password?: string;
  role: Role;
  departmentId?: number;
}> {
  const parsed = createSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: toErrors(parsed.error.issues) };
  const v = parsed.data;
  return {
    ok: true,
    input: {
      login: v.login,
      displayName: v.displayName,
      password: v.password || undefined,
      role: v.role,
      departmentId: v.department === '' ? undefined : Number(v.department),
    },
  };
}

export function parseGrant(values: Pick<AccountFormValues, 'role' | 'department'>): Parsed<RoleGrant> {
  const parsed = z.object({ role: roleField, department: departmentField }).safeParse(values);
  if (!parsed.success) return { ok: false, errors: toErrors(parsed.error.issues) };
  const issue = grantIssues(parsed.data.role, parsed.data.department);
  if (issue) return { ok: false, errors: [{ field: fieldId.department, message: issue }] };
  const department = parsed.data.department;
  return {
    ok: true,
    input: { role: parsed.data.role, departmentId: department === '' ? null : Number(department) },
  };
}

export function parseDisplayName(value: string): Parsed<string> {
  const name = value.trim();
  if (name === '' || [...name].length > MAX_DISPLAY_NAME)
    return {
      ok: false,
      errors: [
        { field: fieldId.displayName, message: `表示名を${MAX_DISPLAY_NAME}文字以内で入力してください。` },
      ],
    };
  return { ok: true, input: name };
}

export function parseTemporaryPassword(value: string): Parsed<string | undefined> {
  if (value !== '' && [...value].length < MIN_PASSWORD_LENGTH)
    return {
      ok: false,
      errors: [
        {
          field: fieldId.password,
          message: `仮パスワードは${PASSWORD_RULE}で入力するか、空欄にして自動で作ってください。`,
        },
      ],
    };
  return { ok: true, input: value || undefined };
}
