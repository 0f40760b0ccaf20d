// Runs `mokuhyo evaluate …` in a child process the way src/cli/main.ts would, for the CLI test: the
// command is registered by main.ts outside this module, so the test drives it through this entry.
import { Command } from 'commander';
import { registerEvaluate } from '../../cli/commands/evaluate.ts';
import { AppError, exitCodeOf } from '../../errors.ts';

const program = new Command().name('mokuhyo');
registerEvaluate(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
  process.stderr.write(`mokuhyo: error: ${error instanceof AppError ? error.describe() : String(error)}\n`);
}
