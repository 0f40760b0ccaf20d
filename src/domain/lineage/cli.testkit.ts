import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TS_IMPORT } from '../../test-support/ts-import.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one CLI command module in a child process, registered on its own commander program, as
 * main.ts will register it: `register` names the exported function, `module` the file under src/cli/commands.
 */
export function runCommand(
  module: string,
  register: string,
  args: string[],
  databaseUrl: string,
): Promise<CliRun> {
  const script = `
    import { Command } from 'commander';
    import { exitCodeOf, AppError } from './src/errors.ts';
    import { ${register} } from './src/cli/commands/${module}';
    const program = new Command().name('mokuhyo').exitOverride();
    ${register}(program);
    try { await program.parseAsync(${JSON.stringify(args)}, { from: 'user' }); }
    catch (e) { process.exitCode = exitCodeOf(e); process.stderr.write(e instanceof AppError ? e.describe() : String(e)); }
  `;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', TS_IMPORT, '--input-type=module', '-e', script],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        if (code === -1) reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
  });
}
