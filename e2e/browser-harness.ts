import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from '../src/db/database.ts';
import { CHROMIUM_PATH } from '../src/exporters/pdf/browser.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';

/**
 * Browser tests need Debian's chromium. In CI its absence is a failure (the test runs and the
 * launch throws); on a developer machine without it the test is skipped with the reason.
 */
export const chromiumSkip: string | false =
  !process.env.CI && !existsSync(CHROMIUM_PATH)
    ? `no ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`
    : false;

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return `${screenshotDir}${name}`;
}

export interface TestServer extends RunningServer {
  testDb: TestDb;
}

/**
 * The real server on a fresh database of the configured engine, demo data loaded, on a free port.
 * The database comes with the demo (a copy of the run's demo template, see test-db.ts); the server
 * would load it into an empty one the same way.
 */
export async function startTestServer(): Promise<TestServer> {
  const testDb = await createTestDb(undefined, { demo: true });
  const server = await startServer({
    database: parseDatabaseUrl(testDb.url),
    port: 0,
    logLevel: 'warn',
    demoOnEmpty: true,
  });
  return {
    ...server,
    testDb,
    close: async () => {
      await server.close();
      await testDb.destroy();
    },
  };
}
