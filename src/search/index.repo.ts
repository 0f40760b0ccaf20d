import type { Kysely } from 'kysely';
import { insertBatches } from '../db/batch.ts';
import type { BlockKind, Database, Phase } from '../db/schema.ts';
import { loadBlock } from '../domain/goals/goal.repo.ts';
import { type EntryRow, entryRow } from './entries.ts';
import { refreshGrades } from './grade-index.ts';
import { municipalityVariants } from './variants.repo.ts';

export interface BlockRef {
  departmentId: number;
  fiscalYearId: number;
  block: BlockKind;
}

/**
 * Makes the search entries of one block equal to what is stored: delete its entries, insert them
 * anew, then grade the department's year again (a change of either block can change the pairing).
 * Call it inside the transaction that changed the block, so search never sees half a block.
 */
export async function reindexBlock(db: Kysely<Database>, ref: BlockRef): Promise<number> {
  await db
    .deleteFrom('search_entry')
    .where('department_id', '=', ref.departmentId)
    .where('fiscal_year_id', '=', ref.fiscalYearId)
    .where('block', '=', ref.block)
    .execute();
  const entries = await blockEntries(db, ref);
  await insertBatches(entries, (chunk) => db.insertInto('search_entry').values(chunk).execute());
  await refreshGrades(db, ref);
  return entries.length;
}

/**
 * For the workflow: call when a phase becomes published. Blocks are edited only while their phase
 * is a draft, so publication is the moment the index must match the edited block. The interim
 * report has no block of its own.
 */
export async function reindexPhase(
  db: Kysely<Database>,
  ref: { departmentId: number; fiscalYearId: number; phase: Phase },
): Promise<number> {
  if (ref.phase === 'interim') return 0;
  const block: BlockKind = ref.phase === 'goal_setting' ? 'plan' : 'review';
  return reindexBlock(db, { departmentId: ref.departmentId, fiscalYearId: ref.fiscalYearId, block });
}

async function blockEntries(db: Kysely<Database>, ref: BlockRef): Promise<EntryRow[]> {
  const fiscalYear = await db
    .selectFrom('fiscal_year')
    .select(['year', 'municipality_id'])
    .where('id', '=', ref.fiscalYearId)
    .executeTakeFirst();
  if (!fiscalYear) return [];
  const base = {
    municipalityId: fiscalYear.municipality_id,
    departmentId: ref.departmentId,
    fiscalYearId: ref.fiscalYearId,
    year: fiscalYear.year,
    block: ref.block,
  };
  // Folded with the municipality's own 表記ゆれ pairs, as its queries are.
  const dictionary = await municipalityVariants(db, fiscalYear.municipality_id);
  return (await loadBlock(db, ref)).flatMap((goal) => [
    entryRow({ ...base, goal }, dictionary),
    ...goal.items.map((item) =>
      entryRow(
        {
          ...base,
          goal,
          item: { ...item, note: ref.block === 'plan' ? item.target : item.achievement },
        },
        dictionary,
      ),
    ),
  ]);
}
