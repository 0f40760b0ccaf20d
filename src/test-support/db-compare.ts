import type { Kysely } from 'kysely';
import { engineOf } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import {
  appliedMigrations,
  lastIds,
  listDataTables,
  primaryKey,
  tableColumns,
} from '../db/transfer/catalog.repo.ts';
import { readRows } from '../db/transfer/rows.repo.ts';

/**
 * Everything a database holds, read from its own catalogue (so no table can be forgotten), in a
 * form that compares equal across engines: rows ordered by primary key and keyed by column name,
 * values normalised where the engines differ in representation only.
 */
export interface DatabaseContents {
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
  /** Highest id each table has issued: a restored database must not issue them again. */
  lastIds: Record<string, number>;
}

export async function readContents(db: Kysely<Database>): Promise<DatabaseContents> {
  const engine = engineOf(db);
  const names = await listDataTables(db, engine);
  const tables: DatabaseContents['tables'] = {};
  for (const name of names) {
    const columns = (await tableColumns(db, engine, name)).sort();
    const pk = await primaryKey(db, engine, name);
    const rows: Record<string, unknown>[] = [];
    for await (const batch of readRows(db, name, columns, pk)) {
      for (const r of batch) rows.push(Object.fromEntries(columns.map((c, i) => [c, normalise(r[i])])));
    }
    tables[name] = rows;
  }
  const ids = await lastIds(db, engine, names);
  for (const name of names) {
    // A table's next id is past both its sequence and its rows, whichever the engine keeps.
    const pk = (await primaryKey(db, engine, name))[0];
    const max = Math.max(0, ...(tables[name] ?? []).map((r) => Number(pk ? r[pk] : 0)));
    ids.set(name, Math.max(ids.get(name) ?? 0, max));
  }
  return {
    migrations: await appliedMigrations(db, engine),
    tables,
    lastIds: Object.fromEntries(ids),
  };
}

function normalise(value: unknown): unknown {
  // JSON would print these as null or 0 and hide a difference.
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
    return `float:${Object.is(value, -0) ? '-0' : value}`;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('base64')}`;
  return value;
}

/** The first differences between two databases, readable in a failed assertion; empty when equal. */
export function differences(a: DatabaseContents, b: DatabaseContents, limit = 10): string[] {
  const out: string[] = [];
  if (a.migrations.join() !== b.migrations.join()) out.push(`migrations: ${a.migrations} vs ${b.migrations}`);
  const names = [...new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])].sort();
  for (const name of names) {
    const ra = a.tables[name];
    const rb = b.tables[name];
    if (!ra || !rb) {
      out.push(`table ${name} only on ${ra ? 'the first' : 'the second'}`);
      continue;
    }
    if (ra.length !== rb.length) out.push(`${name}: ${ra.length} rows vs ${rb.length}`);
    for (let i = 0; i < Math.min(ra.length, rb.length) && out.length < limit; i++) {
      const ja = JSON.stringify(ra[i]);
      const jb = JSON.stringify(rb[i]);
      if (ja !== jb) out.push(`${name} row ${i}: ${ja} vs ${jb}`);
    }
    if (a.lastIds[name] !== b.lastIds[name]) {
      out.push(`${name}: last id ${a.lastIds[name]} vs ${b.lastIds[name]}`);
    }
  }
  return out.slice(0, limit);
}
