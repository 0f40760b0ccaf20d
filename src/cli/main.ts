import { Command } from 'commander';
import { AppError, exitCodeOf } from '../errors.ts';
import { registerBackup } from './commands/backup.ts';
import { registerDbCopy } from './commands/db-copy.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerLineage } from './commands/lineage.ts';
import { registerPolicies } from './commands/policies.ts';
import { registerReminders } from './commands/reminders.ts';
import { registerRestore } from './commands/restore.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';

const program = new Command()
  .name('mokuhyo')
  .description('重点目標一覧表: import, store, export and serve municipal priority goals')
  .showHelpAfterError();

registerImport(program);
registerExport(program);
registerEvaluate(program);
registerLineage(program);
registerPolicies(program);
registerServe(program);
registerReminders(program);
registerUser(program);
registerBackup(program);
registerRestore(program);
registerDbCopy(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
  if (error instanceof AppError) {
    process.stderr.write(`mokuhyo: error: ${error.describe()}\n`);
  } else {
    process.stderr.write(
      `mokuhyo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}
