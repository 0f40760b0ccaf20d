import { type ServerType, serve } from '@hono/node-server';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { openMigratedDatabase } from './db/open.ts';
import { loadDemoIfEmpty } from './demo/load-demo.ts';
import { countUsers } from './domain/auth/user.repo.ts';
import { logger } from './logger.ts';
import { createApp } from './web/app.tsx';

export interface RunningServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** Opens and migrates the database, loads the demo into an empty one, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const db = await openMigratedDatabase(config.database);
  if (config.demoOnEmpty) {
    const demo = await loadDemoIfEmpty(db);
    if (demo)
      logger.info(
        { municipality: demo.municipality.name, documents: demo.documents.length },
        'empty database: demo data loaded',
      );
  }
  if ((await countUsers(db.kysely)) === 0) {
    logger.warn(
      'no staff accounts yet. Create the first admin (the password is read from standard input): ' +
        "printf '%s' 'YOUR-PASSWORD' | mokuhyo user add admin --role admin --password-stdin",
    );
  }
  const app = createApp(db);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.info({ url, engine: db.engine, database: db.location }, 'mokuhyo is listening');
  return {
    url,
    db,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await db.destroy();
    },
  };
}
