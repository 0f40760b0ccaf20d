import { after, before } from 'node:test';
import { createApp } from '../web/app.tsx';
import { createTestDb, type TestDb } from './test-db.ts';

export interface DemoApp {
  db: TestDb;
  app: ReturnType<typeof createApp>;
}

/**
 * Registers the file's (or suite's) before/after hooks: a fresh database on DATABASE_URL's engine with
 * the demo city, and the app over it, then `setup` (users and the like). Read the fields inside tests.
 */
export function useDemoApp(setup?: (demo: DemoApp) => Promise<void>): DemoApp {
  const ctx = {} as DemoApp;
  // One hook: node:test does not promise that a file's before hooks run in the order they were added.
  before(async () => {
    ctx.db = await createTestDb(undefined, { demo: true });
    ctx.app = createApp(ctx.db.kysely);
    await setup?.(ctx);
  });
  after(async () => {
    await ctx.db?.destroy();
  });
  return ctx;
}

export { demoDepartmentId, demoMunicipalityId } from './demo-ids.ts';
