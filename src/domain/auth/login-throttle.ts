import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { RateLimitedError } from '../../errors.ts';
import {
  deleteAttempts,
  failuresSince,
  forgetFailures,
  insertFailures,
  pruneAttempts,
} from './rate-limit.repo.ts';

/**
 * Guessing is slowed per (login, client) and per client, never per login alone: a per-login lock
 * would let anyone shut a known account out for everyone. The counts live in the database, so every
 * app server behind the proxy sees the same budget.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_LOGIN_AND_CLIENT = 5;
export const MAX_FAILURES_PER_CLIENT = 30;

export const THROTTLED =
  'ログインの失敗が続いたため、しばらく受け付けません。時間をおいてから、もう一度お試しください。';

export interface Attempt {
  ids: number[];
  pairKey: string;
}

/**
 * Claims one attempt from the budget before any password hash is computed, or refuses with
 * RATE_LIMITED. The claim is written first and counted after, so concurrent guesses (on any server)
 * cannot all slip in under the limit together.
 */
export async function claimAttempt(
  db: Kysely<Database>,
  login: string,
  client: string,
  now: Date,
): Promise<Attempt> {
  const pairKey = `pair:${login}\n${client}`;
  const clientKey = `client:${client}`;
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  await pruneAttempts(db, since);
  const ids = await insertFailures(db, [pairKey, clientKey], now.toISOString());
  const pair = await failuresSince(db, pairKey, since);
  const byClient = await failuresSince(db, clientKey, since);
  const over = [
    pair.count > MAX_FAILURES_PER_LOGIN_AND_CLIENT ? pair.oldest : undefined,
    byClient.count > MAX_FAILURES_PER_CLIENT ? byClient.oldest : undefined,
  ].filter((oldest) => oldest !== undefined);
  if (over.length === 0) return { ids, pairKey };
  // A refused attempt costs nothing and is not kept: the window ends when the failures in it age out.
  await deleteAttempts(db, ids);
  const retryAt = Math.max(
    ...over.map((oldest) => Date.parse(oldest ?? now.toISOString()) + THROTTLE_WINDOW_MS),
  );
  throw new RateLimitedError(THROTTLED, Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
}

/** A correct password: the claim was not a failure, and this client's earlier misses of this login are forgiven. */
export async function settleSuccess(db: Kysely<Database>, attempt: Attempt): Promise<void> {
  await deleteAttempts(db, attempt.ids);
  await forgetFailures(db, attempt.pairKey);
}
