import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { PhaseKey } from './history.repo.ts';
import { findPhaseState } from './phase-status.repo.ts';

/** Reports (interim progress, final assessments) change only while their phase is a draft. */
export async function assertPhaseEditable(db: Kysely<Database>, key: PhaseKey): Promise<void> {
  const status = await findPhaseState(db, key);
  if (status !== undefined && status !== 'draft') {
    throw new AppError('LOCKED', `this phase is ${status}: it can be changed again only after 差し戻し`, {
      field: 'phase',
    });
  }
}

/** Optimistic concurrency for report rows: 0 = "I saw no row yet". */
export function assertVersion(seen: number, stored: number | undefined): void {
  if ((stored ?? 0) !== seen) throw staleError();
}

export function staleError(): AppError {
  return new AppError('STALE', '他の人が先に変更しました。画面を読み込み直してください。', {
    field: 'version',
  });
}

/** A guarded write (… WHERE version = seen, or INSERT … ON CONFLICT DO NOTHING) hit nothing: STALE. */
export function assertWritten(result: {
  numUpdatedRows?: bigint;
  numInsertedOrUpdatedRows?: bigint;
  numDeletedRows?: bigint;
}): void {
  const n = result.numUpdatedRows ?? result.numInsertedOrUpdatedRows ?? result.numDeletedRows ?? 0n;
  if (Number(n) !== 1) throw staleError();
}
