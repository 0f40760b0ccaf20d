import { existsSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { type DbTarget, openDatabase, parseDatabaseUrl } from '../../db/database.ts';
import { assertDistinct, copyDatabase } from '../../operations/copy.service.ts';
import { seconds, tableProgress } from './transfer-progress.ts';

/** `--to` takes a DATABASE_URL (postgres://…, sqlite:PATH) or a bare SQLite file path. */
function targetOf(to: string): DbTarget {
  return /^(postgres(ql)?:\/\/|sqlite:)/.test(to) ? parseDatabaseUrl(to) : { engine: 'sqlite', target: to };
}

export function registerDbCopy(program: Command): void {
  const db = program.command('db').description('database operations');
  db.command('copy')
    .description('copy everything from DATABASE_URL into another, empty database (SQLite ⇄ PostgreSQL)')
    .requiredOption('--to <url-or-path>', 'postgres://user@host/db, sqlite:PATH or a SQLite file path')
    .action(async (options: { to: string }) => {
      const from = loadConfig().database;
      const to = targetOf(options.to);
      assertDistinct(from, to);
      const created = to.engine === 'sqlite' && !existsSync(to.target);
      const source = openDatabase(from);
      const target = openDatabase(to);
      try {
        const r = await copyDatabase(source, target, tableProgress('copy'));
        process.stdout.write(
          `copied ${r.rows} rows of ${r.tables} tables from ${source.location} to ${target.location} in ${seconds(r.ms)}\n`,
        );
      } catch (error) {
        // A SQLite file this command created holds nothing worth keeping after a failure.
        if (created) {
          await target.destroy();
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${to.target}${suffix}`, { force: true });
        }
        throw error;
      } finally {
        await source.destroy();
        if (!created) await target.destroy();
      }
    });
}
