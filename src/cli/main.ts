import { Command } from 'commander';
import { AppError, exitCodeOf } from '../errors.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';

const program = new Command()
  .name('mokuhyo')
  .description('重点目標一覧表: import, store, export and serve municipal priority goals')
  .showHelpAfterError();

registerImport(program);
registerExport(program);
registerServe(program);
registerUser(program);

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
