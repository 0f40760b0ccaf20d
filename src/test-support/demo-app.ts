import { after, before } from 'node:test';
import { loadDemo } from '../demo/load-demo.ts';
import { createApp } from '../web/app.tsx';
import { createTestDb, type TestDb } from './test-db.ts';

export interface DemoApp {
  db: TestDb;
  app: ReturnType<typeof createApp>;
}

/**
 * Registers the file's (or suite's) before/after hooks: a fresh database on DATABASE_URL's engine with
 * the demo city, and the app over it. Read the fields inside tests, once the hooks have run.
 */
export function useDemoApp(): DemoApp {
  const ctx = {} as DemoApp;
  before(async () => {
    ctx.db = await createTestDb();
    await loadDemo(ctx.db);
    ctx.app = createApp(ctx.db);
  });
  after(async () => {
    await ctx.db?.destroy();
  });
  return ctx;
}

export { demoDepartmentId, demoMunicipalityId } from './demo-ids.ts';
