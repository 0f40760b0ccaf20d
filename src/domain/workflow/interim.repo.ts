import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface InterimEntry {
  itemId: number;
  text: string;
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
  const quantities =
    rows.length === 0
      ? []
      : await db
          .selectFrom('interim_quantity')
          .selectAll()
          .where(
            'progress_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('position')
          .execute();
  return new Map(
    rows.map((r) => [
      r.item_id,
      {
        itemId: r.item_id,
        text: r.text,
        version: r.version,
        quantities: quantities
          .filter((q) => q.progress_id === r.id)
          .map((q) => ({ value: q.value, unit: q.unit, comparator: q.comparator, text: q.span_text })),
      },
    ]),
  );
}
