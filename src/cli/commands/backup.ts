import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { backupDatabase } from '../../operations/backup.service.ts';
import { seconds, tableProgress } from './transfer-progress.ts';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the whole database (DATABASE_URL) to one file, while the server keeps serving')
    .requiredOption(
      '--out <file>',
      'the backup file to write (gzip’d JSON lines, e.g. city-2026-12-03.mokuhyo.gz)',
    )
    .action(async (options: { out: string }) => {
      const { database } = loadConfig();
      // Opening a missing SQLite file would create an empty database and back that up.
      if (database.engine === 'sqlite' && !existsSync(database.target)) {
        throw new AppError('NOT_FOUND', `no database at ${database.target}: check DATABASE_URL`);
      }
      const db = openDatabase(database);
      try {
        const r = await backupDatabase(db, options.out, tableProgress('backup'));
        process.stdout.write(
          `backed up ${r.rows} rows of ${r.tables} tables (schema ${r.migration ?? 'empty'}) from ${db.location} to ${options.out}: ${r.bytes} bytes in ${seconds(r.ms)}\n`,
        );
      } finally {
        await db.destroy();
      }
    });
}
