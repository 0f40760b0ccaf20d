import type { Kysely } from 'kysely';
import type { BlockKind, Database, PhaseState } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findPhaseState, phaseOfBlock } from './phase-status.repo.ts';

export { phaseOfBlock };

/** Content is editable only while its phase is a draft (new, or returned with 差し戻し). */
const EDITABLE: ReadonlySet<PhaseState> = new Set(['draft']);

export async function blockState(
  db: Kysely<Database>,
  key: { departmentId: number; fiscalYearId: number; block: BlockKind },
): Promise<PhaseState | undefined> {
  return findPhaseState(db, { ...key, phase: phaseOfBlock(key.block) });
}

/** Editors may change a block only while its phase is a draft; a block with no status yet is a draft. */
export async function assertBlockEditable(
  db: Kysely<Database>,
  key: { departmentId: number; fiscalYearId: number; block: BlockKind },
): Promise<void> {
  const state = await blockState(db, key);
  if (state !== undefined && !EDITABLE.has(state)) {
    throw new AppError(
      'LOCKED',
      `this block is ${state}: it can be changed again only after it is returned (差し戻し)`,
      {
        field: 'phase',
      },
    );
  }
}
