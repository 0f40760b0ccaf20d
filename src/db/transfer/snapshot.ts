import { type Kysely, sql } from 'kysely';
import { type Engine, engineOf } from '../database.ts';
import type { Database } from '../schema.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader, type TransferSink } from './archive-format.ts';
import {
  appliedMigrations,
  foreignKeys,
  lastIds,
  listDataTables,
  primaryKey,
  tableColumns,
} from './catalog.repo.ts';
import { parentsFirst, selfParentsFirst } from './order.ts';
import { countRows, readRows } from './rows.repo.ts';

interface TablePlan {
  pk: string[];
  /** Columns that reference this same table, with the column they reference. */
  selfRefs: string[];
}

/**
 * Streams the whole database into `sink` from one consistent view, while others keep writing:
 * PostgreSQL in one REPEATABLE READ READ ONLY transaction; SQLite in one read transaction, which in
 * WAL mode sees the database as it was when it began and blocks no writer.
 */
export async function snapshot(db: Kysely<Database>, sink: TransferSink): Promise<ArchiveHeader> {
  const engine = engineOf(db);
  const run = async (trx: Kysely<Database>) => {
    const { header, plans } = await describe(trx, engine);
    await sink.begin(header);
    for (const table of header.tables) {
      const plan = plans.get(table.name)!;
      if (plan.selfRefs.length > 0) {
        // Small tables (departments, policy nodes, goals): read whole, then parents first.
        const all: unknown[][] = [];
        for await (const batch of readRows(trx, table.name, table.columns, plan.pk)) all.push(...batch);
        const refs = plan.selfRefs.map((c) => table.columns.indexOf(c));
        const ordered = selfParentsFirst(all, table.columns.indexOf(plan.pk[0]!), refs);
        if (ordered.length > 0) await sink.rows(table.name, ordered);
        continue;
      }
      for await (const batch of readRows(trx, table.name, table.columns, plan.pk)) {
        await sink.rows(table.name, batch);
      }
    }
    await sink.end();
    return header;
  };
  if (engine === 'postgres') {
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(run);
  }
  return db.transaction().execute(async (trx) => {
    // The first read fixes the snapshot; take it before looking at anything else.
    await sql`select count(*) from sqlite_master`.execute(trx);
    return run(trx);
  });
}

async function describe(
  db: Kysely<Database>,
  engine: Engine,
): Promise<{ header: ArchiveHeader; plans: Map<string, TablePlan> }> {
  const names = await listDataTables(db, engine);
  const keys = await foreignKeys(db, engine, names);
  // PostgreSQL sequences stand outside transactions: one may be ahead of the snapshot, never behind,
  // so a restored database at worst skips a few ids.
  const ids = await lastIds(db, engine, names);
  const plans = new Map<string, TablePlan>();
  const tables: ArchiveHeader['tables'] = [];
  for (const name of parentsFirst(names, keys)) {
    const pk = await primaryKey(db, engine, name);
    const selfRefs =
      pk.length === 1
        ? keys.filter((k) => k.table === name && k.references === name && k.referencedColumn === pk[0])
        : [];
    plans.set(name, { pk, selfRefs: selfRefs.map((k) => k.column) });
    tables.push({
      name,
      columns: await tableColumns(db, engine, name),
      rows: await countRows(db, name),
      lastId: ids.get(name) ?? 0,
    });
  }
  return {
    header: {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      engine,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(db, engine),
      tables,
    },
    plans,
  };
}
