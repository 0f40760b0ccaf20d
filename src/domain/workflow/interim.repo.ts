import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import type { Database } from '../../db/schema.ts';

export interface InterimEntry {
  itemId: number;
  text: string;
  /** Marked 未着手: reported as not started (the text, if any, says why). */
  notStarted: boolean;
  version: number;
  quantities: Array<{ value: number; unit: string; comparator: string; text: string }>;
}

/** The 中間報告 of a department's fiscal year, by plan-block item id. */
export async function loadInterim(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
): Promise<Map<number, InterimEntry>> {
  const rows = await db
    .selectFrom('interim_progress')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('fiscal_year_id', '=', fiscalYearId)
    .execute();
  // Pieces split by progress row, so each row's quantities keep their order.
  const quantities = await inChunks(
    rows.map((r) => r.id),
    (chunk) =>
      db
        .selectFrom('interim_quantity')
        .selectAll()
        .where('progress_id', 'in', chunk)
        .orderBy('position')
        .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.item_id,
      {
        itemId: r.item_id,
        text: r.text,
        notStarted: r.not_started === 1,
        version: r.version,
        quantities: quantities
          .filter((q) => q.progress_id === r.id)
          .map((q) => ({ value: q.value, unit: q.unit, comparator: q.comparator, text: q.span_text })),
      },
    ]),
  );
}
