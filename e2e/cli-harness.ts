import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TS_IMPORT } from '../src/test-support/ts-import.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, as an operator would, against the given DATABASE_URL. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TS_IMPORT, 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export const seedsDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
export const repoRoot = root;
