import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';
import type { Database } from '../schema.ts';
import { parentsFirst } from './order.ts';

/**
 * What the database itself says its tables are. Backup, restore and copy read the catalogue rather
 * than a list in the code, so a table added by a later migration is carried without anyone
 * remembering to add it here.
 */
type Q = Kysely<Database>;

/** Kysely's own bookkeeping: the archive carries the migration names in its header instead. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** Ordinary tables holding data, by name. Not SQLite's FTS5 index tables: they follow their content. */
export async function listDataTables(db: Q, engine: Engine): Promise<string[]> {
  const names =
    engine === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from pragma_table_list
            where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(db)
        ).rows
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
        ).rows;
  return names
    .map((r) => r.name)
    .filter((n) => !MIGRATION_TABLES.includes(n))
    .sort();
}

export async function tableColumns(db: Q, engine: Engine, table: string): Promise<string[]> {
  const { rows } =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db)
      : await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
          db,
        );
  return rows.map((r) => r.name);
}

export async function primaryKey(db: Q, engine: Engine, table: string): Promise<string[]> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})
      where pk > 0 order by pk`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select a.attname as name
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary
      and i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(${table}))
    order by array_position(i.indkey, a.attnum)`.execute(db);
  return rows.map((r) => r.name);
}

export interface ForeignKey {
  table: string;
  column: string;
  references: string;
  referencedColumn: string;
}

export async function foreignKeys(db: Q, engine: Engine, tables: string[]): Promise<ForeignKey[]> {
  if (engine === 'sqlite') {
    const keys: ForeignKey[] = [];
    for (const table of tables) {
      const { rows } = await sql<{ ref: string; col: string; to: string | null }>`select "table" as ref,
        "from" as col, "to" from pragma_foreign_key_list(${table})`.execute(db);
      for (const r of rows) {
        keys.push({ table, column: r.col, references: r.ref, referencedColumn: r.to ?? 'id' });
      }
    }
    return keys;
  }
  const { rows } = await sql<ForeignKey>`select cl.relname as "table", a.attname as "column",
      rf.relname as "references", af.attname as "referencedColumn"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_class rf on rf.oid = c.confrelid
    join lateral unnest(c.conkey, c.confkey) as k(col, refcol) on true
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = k.refcol
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  return rows.filter((r) => tables.includes(r.table));
}

export async function appliedMigrations(db: Q, engine: Engine): Promise<string[]> {
  const exists =
    engine === 'sqlite'
      ? (
          await sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(
            db,
          )
        ).rows.length > 0
      : (
          await sql<{
            t: string | null;
          }>`select to_regclass(quote_ident(current_schema()) || '.kysely_migration')::text as t`.execute(db)
        ).rows[0]?.t != null;
  if (!exists) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** The highest id each table's sequence ever issued (0 when none or the table has no sequence). */
export async function lastIds(db: Q, engine: Engine, tables: string[]): Promise<Map<string, number>> {
  const result = new Map(tables.map((t) => [t, 0]));
  if (engine === 'sqlite') {
    const has = await sql`select 1 from sqlite_master where name = 'sqlite_sequence'`.execute(db);
    if (has.rows.length === 0) return result;
    const { rows } = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(
      db,
    );
    for (const r of rows) if (result.has(r.name)) result.set(r.name, Number(r.seq));
    return result;
  }
  for (const table of tables) {
    const seq = await sequenceOf(db, table);
    if (!seq) continue;
    const { rows } = await sql<{
      v: number | null;
    }>`select pg_sequence_last_value(${seq}::regclass) as v`.execute(db);
    result.set(table, Number(rows[0]?.v ?? 0));
  }
  return result;
}

async function sequenceOf(db: Q, table: string): Promise<string | null> {
  const { rows } = await sql<{ seq: string | null }>`select pg_get_serial_sequence(
      quote_ident(current_schema()) || '.' || quote_ident(c.table_name), c.column_name) as seq
    from information_schema.columns c
    where c.table_schema = current_schema() and c.table_name = ${table}
      and (c.is_identity = 'YES' or c.column_default like 'nextval(%')`.execute(db);
  return rows[0]?.seq ?? null;
}

/**
 * Makes the table's next id the one after `lastId` or after its highest id, whichever is higher:
 * explicit ids do not move a PostgreSQL sequence, and a SQLite AUTOINCREMENT table must not hand
 * out again an id the source had already used (audit events name entities by id).
 */
export async function setLastId(db: Q, engine: Engine, table: string, pk: string, lastId: number) {
  const { rows } = await sql<{
    m: number | null;
  }>`select max(${sql.id(pk)}) as m from ${sql.table(table)}`.execute(db);
  const last = Math.max(lastId, Number(rows[0]?.m ?? 0));
  if (engine === 'sqlite') {
    const auto = await sql`select 1 from sqlite_master where type = 'table' and name = ${table}
      and sql like '%autoincrement%'`.execute(db);
    if (auto.rows.length === 0) return;
    await sql`delete from sqlite_sequence where name = ${table}`.execute(db);
    if (last > 0) await sql`insert into sqlite_sequence (name, seq) values (${table}, ${last})`.execute(db);
    return;
  }
  const seq = await sequenceOf(db, table);
  if (!seq) return;
  if (last > 0) await sql`select setval(${seq}::regclass, ${last}, true)`.execute(db);
  else await sql`select setval(${seq}::regclass, 1, false)`.execute(db);
}

/** Whether any data table holds a row: the one test of "may this database be overwritten". */
export async function holdsData(db: Q, engine: Engine): Promise<string | undefined> {
  for (const table of await listDataTables(db, engine)) {
    const { rows } = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
    if (rows.length > 0) return table;
  }
  return undefined;
}

/**
 * Removes every table (with their triggers and indexes), view and function of the schema, so that
 * the migrations can build it again at the archive's level. Tables are dropped, never emptied: the
 * audit trail's triggers refuse DELETE and TRUNCATE, and that rule stays as it is.
 */
export async function dropSchema(db: Q, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    const { rows: tables } = await sql<{ name: string }>`select table_name as name
      from information_schema.tables where table_schema = current_schema()`.execute(db);
    if (tables.length > 0) {
      await sql`drop table if exists ${sql.join(tables.map((t) => sql.table(t.name)))} cascade`.execute(db);
    }
    // Functions the migrations created (not those of extensions such as pg_trgm).
    const { rows: functions } = await sql<{ sig: string }>`select p.oid::regprocedure::text as sig
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = current_schema()
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`.execute(db);
    // The signature comes from the catalogue, already quoted by regprocedure's output.
    for (const f of functions) await sql`drop function if exists ${sql.raw(f.sig)} cascade`.execute(db);
    return;
  }
  const { rows: objects } = await sql<{ name: string; type: string }>`select name, type from sqlite_master
    where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\'`.execute(db);
  for (const v of objects.filter((o) => o.type === 'view'))
    await sql`drop view ${sql.table(v.name)}`.execute(db);
  // Virtual tables first: dropping one drops its shadow tables.
  const { rows: virtual } = await sql<{ name: string }>`select name from pragma_table_list
    where schema = 'main' and type = 'virtual'`.execute(db);
  for (const v of virtual) await sql`drop table ${sql.table(v.name)}`.execute(db);
  const { rows: left } = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(db);
  const names = left.map((t) => t.name);
  // Children before parents: SQLite empties a dropped table first and checks the keys that point at it.
  const childFirst = parentsFirst(names, await foreignKeys(db, engine, names)).reverse();
  for (const name of childFirst) await sql`drop table ${sql.table(name)}`.execute(db);
  const seq = await sql`select 1 from sqlite_master where name = 'sqlite_sequence'`.execute(db);
  if (seq.rows.length > 0) await sql`delete from sqlite_sequence`.execute(db);
}
