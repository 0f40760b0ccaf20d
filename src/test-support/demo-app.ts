import { after, before } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
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

/** The demo city's municipality id. */
export async function demoMunicipalityId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'minatodai')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A top-level department by name (総務部, 健康福祉部, …). */
export async function demoDepartmentId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .selectFrom('department')
    .select('id')
    .where('name', '=', name)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}
