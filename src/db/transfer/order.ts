import { AppError } from '../../errors.ts';
import type { ForeignKey } from './catalog.repo.ts';

/**
 * Tables in an order that inserts every referenced table before the tables that reference it;
 * among tables free to go, by name, so the same schema always gives the same archive.
 */
export function parentsFirst(tables: string[], keys: ForeignKey[]): string[] {
  const waitingOn = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const k of keys) {
    if (k.table !== k.references && waitingOn.has(k.references)) waitingOn.get(k.table)?.add(k.references);
  }
  const done: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const ready = [...left].filter((t) => [...(waitingOn.get(t) ?? [])].every((p) => !left.has(p))).sort();
    if (ready.length === 0) {
      throw new AppError('INTERNAL', `foreign keys form a cycle among: ${[...left].sort().join(', ')}`);
    }
    for (const t of ready) {
      done.push(t);
      left.delete(t);
    }
  }
  return done;
}

/**
 * Rows of a table that references itself (a department's parent, a goal copied from another),
 * reordered so each referenced row comes first; otherwise in the order given.
 */
export function selfParentsFirst(rows: unknown[][], keyIndex: number, refIndexes: number[]): unknown[][] {
  if (refIndexes.length === 0) return rows;
  const byKey = new Map(rows.map((r) => [r[keyIndex], r]));
  const placed = new Set<unknown[]>();
  const out: unknown[][] = [];
  const place = (row: unknown[], path: Set<unknown[]>) => {
    if (placed.has(row) || path.has(row)) return;
    path.add(row);
    for (const i of refIndexes) {
      const parent = row[i] === null ? undefined : byKey.get(row[i]);
      if (parent && parent !== row) place(parent, path);
    }
    placed.add(row);
    out.push(row);
  };
  for (const row of rows) place(row, new Set());
  return out;
}
