import { sql } from 'kysely';
import { idColumn, isPostgres, type MigrationDb, sqlIn } from '../migration-kit.ts';
import { type EntryRow, entryRow } from './frozen/search-entries.ts';

/**
 * Full-text search across all years: `search_entry` holds one row per goal title and per item, with
 * a folded search key (src/search/fold.ts) and its bigram tokens.
 * - SQLite: FTS5 `trigram` over the key (queries of 3+ characters) and an FTS5 index over the
 *   bigram tokens (1–2 characters); both are external-content tables kept in step by triggers.
 * - PostgreSQL: pg_trgm GIN over the key (LIKE '%…%', 3+ characters) and a GIN over the bigram
 *   token array (2 characters). pg_trgm is a trusted extension: the database owner may create it.
 * bench/search.bench.ts measures these choices against the alternatives.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('search_entry')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('department_id', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('fiscal_year_id', 'integer', (c) =>
      c.notNull().references('fiscal_year.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('block', 'text', (c) => c.notNull().check(sqlIn('block', ['review', 'plan'])))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id').onDelete('cascade'))
    .addColumn('goal_no', 'integer', (c) => c.notNull())
    .addColumn('goal_position', 'integer', (c) => c.notNull())
    .addColumn('goal_title', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('item.id').onDelete('cascade'))
    .addColumn('item_no', 'integer')
    .addColumn('item_position', 'integer')
    .addColumn('unit_name', 'text')
    .addColumn('item_text', 'text')
    .addColumn('note', 'text')
    .addColumn('folded', 'text', (c) => c.notNull())
    .addColumn('grams', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_entry_by_block')
    .on('search_entry')
    .columns(['department_id', 'fiscal_year_id', 'block'])
    .execute();
  // Foreign-key cascades look entries up by goal and by item.
  await db.schema.createIndex('search_entry_by_goal').on('search_entry').column('goal_id').execute();
  await db.schema.createIndex('search_entry_by_item').on('search_entry').column('item_id').execute();

  if (isPostgres(db)) await createPostgresIndexes(db);
  else await createSqliteIndexes(db);
  await backfill(db);
}

async function createPostgresIndexes(db: MigrationDb): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index search_entry_trgm on search_entry using gin (folded gin_trgm_ops)`.execute(db);
  // Queries must repeat this exact expression for the planner to use the index.
  await sql`create index search_entry_grams on search_entry using gin ((string_to_array(grams, ' ')))`.execute(
    db,
  );
}

async function createSqliteIndexes(db: MigrationDb): Promise<void> {
  // case_sensitive 1: the key is already folded, so the index must not fold again — MATCH then means
  // exactly "substring of the folded key", like instr().
  await sql`create virtual table search_fts using fts5(folded, content='search_entry', content_rowid='id',
    tokenize='trigram case_sensitive 1')`.execute(db);
  await sql`create virtual table search_bigram using fts5(grams, content='search_entry', content_rowid='id',
    tokenize='ascii', detail='none')`.execute(db);
  await sql`create trigger search_entry_ai after insert on search_entry begin
    insert into search_fts(rowid, folded) values (new.id, new.folded);
    insert into search_bigram(rowid, grams) values (new.id, new.grams);
  end`.execute(db);
  await sql`create trigger search_entry_ad after delete on search_entry begin
    insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded);
    insert into search_bigram(search_bigram, rowid, grams) values ('delete', old.id, old.grams);
  end`.execute(db);
  await sql`create trigger search_entry_au after update on search_entry begin
    insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded);
    insert into search_bigram(search_bigram, rowid, grams) values ('delete', old.id, old.grams);
    insert into search_fts(rowid, folded) values (new.id, new.folded);
    insert into search_bigram(rowid, grams) values (new.id, new.grams);
  end`.execute(db);
}

interface StoredRow {
  goal_id: number;
  goal_no: number;
  goal_position: number;
  title: string;
  block: 'review' | 'plan';
  department_id: number;
  fiscal_year_id: number;
  year: number;
  municipality_id: number;
  item_id: number | null;
  item_no: number | null;
  item_position: number | null;
  text: string | null;
  note: string | null;
  unit_name: string | null;
}

/** Indexes what was stored before this migration; the SQL is written here so that it stays as it was. */
export async function backfill(db: MigrationDb): Promise<void> {
  const { rows } = await sql<StoredRow>`select g.id as goal_id, g.no as goal_no, g.position as goal_position,
      g.title, g.block, g.department_id, g.fiscal_year_id, fy.year, fy.municipality_id,
      i.id as item_id, i.no as item_no, i.position as item_position, i.text,
      case when g.block = 'plan' then i.target else i.achievement end as note, u.name as unit_name
    from goal g
    join fiscal_year fy on fy.id = g.fiscal_year_id
    left join item i on i.goal_id = g.id
    left join department u on u.id = i.unit_id
    order by g.id, i.position, i.id`.execute(db);
  const entries: EntryRow[] = [];
  let lastGoal: number | undefined;
  for (const r of rows) {
    const base = {
      municipalityId: r.municipality_id,
      departmentId: r.department_id,
      fiscalYearId: r.fiscal_year_id,
      year: r.year,
      block: r.block,
      goal: { id: r.goal_id, no: r.goal_no, position: r.goal_position, title: r.title },
    };
    if (r.goal_id !== lastGoal) entries.push(entryRow(base));
    lastGoal = r.goal_id;
    if (r.item_id === null || r.item_no === null || r.item_position === null) continue;
    const item = { id: r.item_id, no: r.item_no, position: r.item_position, unitName: r.unit_name };
    entries.push(entryRow({ ...base, item: { ...item, text: r.text ?? '', note: r.note } }));
  }
  const typed = db.withTables<{ search_entry: EntryRow }>();
  for (let i = 0; i < entries.length; i += 500) {
    await typed
      .insertInto('search_entry')
      .values(entries.slice(i, i + 500))
      .execute();
  }
}
