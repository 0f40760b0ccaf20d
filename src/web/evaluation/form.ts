import type { Context } from 'hono';
import { MATCH_ACTIONS, type MatchAction } from '../../domain/evaluation/match-action.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';

/** Errors an editor fixes on the same page: shown there after the redirect instead of an error page. */
export function failureOf(error: unknown): string | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'CONFLICT' || error.code === 'STALE') return 'conflict';
  if (error.code === 'INVALID_INPUT') return 'invalid';
  return undefined;
}

type Body = Record<string, string | File | (string | File)[]>;

export function readText(body: Body, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** `none` and the empty string both mean 未報告 (no actual); anything else must be an id. */
function actualIdOf(raw: string, field: string): number | null {
  if (raw === '' || raw === 'none') return null;
  if (!/^\d{1,12}$/.test(raw)) throw new AppError('INVALID_INPUT', `${field} is not an id`, { field });
  return Number(raw);
}

/**
 * The match form: `set` takes the chosen actual from the select; `confirm` and `reject` send the
 * actual the page showed, so a change made meanwhile by someone else is a conflict, not overwritten.
 */
export async function readMatchForm(
  c: Context<AppEnv>,
): Promise<{ action: MatchAction; actualId: number | null | undefined }> {
  const body = await formBody(c);
  const action = MATCH_ACTIONS.find((a) => a === readText(body, 'action'));
  if (!action) throw new AppError('INVALID_INPUT', 'unknown action', { field: 'action' });
  if (action === 'clear') return { action, actualId: undefined };
  if (action === 'set') return { action, actualId: actualIdOf(readText(body, 'actualId'), 'actualId') };
  return { action, actualId: actualIdOf(readText(body, 'expectedActualId'), 'expectedActualId') };
}
