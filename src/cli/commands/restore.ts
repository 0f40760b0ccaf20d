import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { restoreDatabase } from '../../operations/restore.service.ts';
import { seconds, tableProgress } from './transfer-progress.ts';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description(
      'replace the database (DATABASE_URL) with a backup, in one transaction; stop the servers first',
    )
    .argument('<file>', 'a file written by `mokuhyo backup`')
    .option('--force', 'replace a database that holds data (without it, only an empty one is written)')
    .action(async (file: string, options: { force?: boolean }) => {
      const db = openDatabase(loadConfig().database);
      try {
        const r = await restoreDatabase(db, file, {
          force: options.force === true,
          onTable: tableProgress('restore'),
        });
        const upgraded = r.upgradedWith.length > 0 ? `, then upgraded with ${r.upgradedWith.join(', ')}` : '';
        process.stdout.write(
          `restored ${r.rows} rows of ${r.tables} tables (schema ${r.migration ?? 'empty'}) into ${db.location}${upgraded} in ${seconds(r.ms)}\n`,
        );
      } finally {
        await db.destroy();
      }
    });
}
