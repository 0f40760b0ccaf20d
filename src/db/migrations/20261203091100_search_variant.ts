import { idColumn, type MigrationDb } from '../migration-kit.ts';

/**
 * 表記ゆれ pairs a municipality adds to the built-in dictionary (src/search/variants.data.ts), and the
 * dictionary its search keys were last folded with (`search_fold_version` on municipality). Keys are
 * derived data: the application refolds a municipality whose version differs (src/search/refold.ts),
 * so a new built-in pair reaches databases indexed before it, this migration's included.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('search_variant')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('municipality_id', 'integer', (c) =>
      c.notNull().references('municipality.id').onDelete('cascade'),
    )
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_variant_pair', ['municipality_id', 'variant', 'canonical'])
    .execute();
  await db.schema.alterTable('municipality').addColumn('search_fold_version', 'text').execute();
}
