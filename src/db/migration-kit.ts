import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/** Migrations see the database untyped: they describe the schema, they don't use it. */
export type MigrationDb = Kysely<unknown>;

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the engine fills in: identity on PostgreSQL, rowid alias on SQLite. */
export function idColumn(db: MigrationDb) {
  return (col: ColumnDefinitionBuilder) =>
    isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export const floatType = (db: MigrationDb) => (isPostgres(db) ? sql`double precision` : sql`real`);

/** A CHECK that a text column holds one of a fixed set of values. */
export function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
