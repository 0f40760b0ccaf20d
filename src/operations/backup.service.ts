import type { Db } from '../db/database.ts';
import { archiveWriter } from '../db/transfer/archive-file.ts';
import { snapshot } from '../db/transfer/snapshot.ts';
import { type OnTable, observed, reportOf, type TransferReport } from './transfer-report.ts';

export interface BackupReport extends TransferReport {
  bytes: number;
}

/**
 * Writes the whole database to `out` from one consistent snapshot, while the server keeps serving.
 * The database is taken as it is (even at an older migration), so a backup can precede an upgrade.
 */
export async function backupDatabase(db: Db, out: string, onTable?: OnTable): Promise<BackupReport> {
  const started = performance.now();
  const writer = archiveWriter(out);
  try {
    const header = await snapshot(db.kysely, observed(writer, onTable));
    return { ...reportOf(header, [], started), bytes: await writer.bytes() };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
