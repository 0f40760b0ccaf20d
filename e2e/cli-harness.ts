import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';
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

/** What useCliDb sets up for a test file; read its fields inside tests, not at the top level. */
export interface CliDb {
  /** A fresh database of the configured engine (DATABASE_URL), migrated, empty. */
  readonly db: TestDb;
  /** The environment that points the CLI at it. */
  readonly env: Record<string, string>;
  /** Runs the real CLI against this database (runCli with `env`, plus any `extra`). */
  run(args: string[], extra?: Record<string, string>): Promise<CliResult>;
}

/** Registers the file's before/after hooks: a fresh test database for CLI runs, destroyed after the file. */
export function useCliDb(): CliDb {
  let db: TestDb | undefined;
  const kit: CliDb = {
    get db() {
      if (!db) throw new Error('useCliDb: the database is made in the before hook');
      return db;
    },
    get env() {
      return { DATABASE_URL: kit.db.url };
    },
    run: (args, extra = {}) => runCli(args, { ...kit.env, ...extra }),
  };
  before(async () => {
    db = await createTestDb();
  });
  after(async () => {
    await db?.destroy();
  });
  return kit;
}
