import type { Db } from '../db/database.ts';
import { readArchive } from '../db/transfer/archive-file.ts';
import { databaseLoader } from '../db/transfer/loader.ts';
import { inWriteTransaction } from '../db/transfer/write-transaction.ts';
import { fillDerivedData } from './open-database.ts';
import { type OnTable, observed, reportOf, type TransferReport } from './transfer-report.ts';

export interface RestoreOptions {
  /** Replace a database that holds data; without it such a database is refused. */
  force: boolean;
  onTable?: OnTable;
}

/**
 * Replaces the database with a backup in one transaction: the schema at the backup's migration,
 * every row with its id (the audit trail included, exactly as it was), then the newer migrations.
 * A backup from a newer mokuhyo is refused; a damaged one changes nothing.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: RestoreOptions,
): Promise<TransferReport> {
  const started = performance.now();
  return inWriteTransaction(db.kysely, async (conn) => {
    const loader = databaseLoader(conn, db.engine, {
      replace: options.force,
      source: file,
      afterUpgrade: fillDerivedData,
    });
    const header = await readArchive(file, observed(loader, options.onTable));
    return reportOf(header, loader.result().upgradedWith, started);
  });
}
