import type { Context } from 'hono';
import type { Phase } from '../../db/schema.ts';
import { phases } from '../../domain/workflow/labels.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { forPeople } from '../components/people-text.ts';

export type FormBody = Record<string, string | File | (string | File)[]>;

export async function readForm(c: Context<AppEnv>): Promise<FormBody> {
  return formBody(c);
}

export function text(form: FormBody, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** A non-negative integer field (versions, ids), or INVALID_INPUT. */
export function integer(form: FormBody, name: string): number {
  const raw = text(form, name);
  if (!/^\d{1,12}$/.test(raw)) throw new AppError('INVALID_INPUT', `${name} is missing`, { field: name });
  return Number(raw);
}

export function phaseParam(value: string | undefined): Phase {
  const phase = phases.find((p) => p === value);
  if (!phase) throw new AppError('NOT_FOUND', 'no such phase');
  return phase;
}

export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('NOT_FOUND', 'no such page');
  return n;
}

/** Errors a person can fix on the same page: shown there instead of an error page. */
export function isRecoverable(error: unknown): error is AppError {
  return error instanceof AppError && ['INVALID_INPUT', 'STALE', 'CONFLICT', 'LOCKED'].includes(error.code);
}

/** What the page says for a recoverable error. */
export function messageOf(error: AppError): string {
  if (error.code === 'STALE')
    return '他の人が先に操作したため、実行できませんでした。最新の状態を確認してから、もう一度操作してください。';
  if (error.code === 'LOCKED') return '提出後は変更できません。差し戻されると、再び編集できます。';
  return forPeople(error.message, '入力内容を確認して、もう一度操作してください。');
}
