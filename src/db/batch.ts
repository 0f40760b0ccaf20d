/**
 * Bulk statements in pieces both engines accept. SQLite refuses more than 32,766 bound variables
 * (999 in older builds) with "too many SQL variables"; PostgreSQL's bind message counts parameters
 * in 16 bits, so 65,536 or more wrap around ("bind message has 1664 parameter formats"). One bound,
 * well under both, keeps every statement valid whatever the size of a city's table.
 */
export const MAX_PARAMETERS = 900;

/** Splits rows so that no piece binds more than MAX_PARAMETERS (less `reserved` for the rest of the statement). */
export function chunked<T>(rows: readonly T[], columnsPerRow: number, reserved = 0): T[][] {
  const perChunk = Math.max(1, Math.floor((MAX_PARAMETERS - reserved) / Math.max(1, columnsPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += perChunk) chunks.push(rows.slice(i, i + perChunk));
  return chunks;
}

/** Columns an INSERT of these rows binds per row: Kysely writes the union of their keys. */
function columnCount(rows: readonly object[]): number {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return keys.size;
}

/** Runs `insert` once per piece of rows, in order; use it for every multi-row INSERT. */
export async function insertBatches<T extends object>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  for (const chunk of chunked(rows, columnCount(rows))) await insert(chunk);
}

/**
 * Runs `query` once per piece of an `in (...)` list and concatenates the results, in piece order
 * (sort afterwards where the caller needs one order overall). `reserved` counts the statement's
 * other parameters; `timesBound` how often the piece appears in it. An empty list runs nothing.
 */
export async function inChunks<V, R>(
  values: readonly V[],
  query: (chunk: V[]) => Promise<R[]>,
  reserved = 0,
  timesBound = 1,
): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of chunked(values, timesBound, reserved)) results.push(...(await query(chunk)));
  return results;
}

/** For statements that return nothing (DELETE, UPDATE … where id in (...)). */
export async function forChunks<V>(
  values: readonly V[],
  run: (chunk: V[]) => Promise<unknown>,
  reserved = 0,
): Promise<void> {
  for (const chunk of chunked(values, 1, reserved)) await run(chunk);
}
