import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { type Config, shutdownGraceMsFrom } from './config.ts';
import type { Db } from './db/database.ts';
import { withStartupLock } from './db/migrate.ts';
import { loadDemoIfEmpty } from './demo/load-demo.ts';
import { countUsers } from './domain/auth/user.repo.ts';
import { logger } from './logger.ts';
import { openMigratedDatabase } from './operations/open-database.ts';
import { createApp } from './web/app.tsx';

export interface RunningServer {
  url: string;
  db: Db;
  /**
   * Graceful stop: no new connections, requests in flight finish (for up to the grace period, then
   * their connections are cut), then the database pool closes.
   */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Interface to listen on (`serve --host`); all interfaces when unset. */
  hostname?: string;
  /** How long requests in flight may take to finish once stopping (config.ts shutdownGraceMsFrom when unset). */
  graceMs?: number;
}

/** Opens and migrates the database, loads the demo into an empty one, and listens. */
export async function startServer(config: Config, options: ListenOptions = {}): Promise<RunningServer> {
  const graceMs = options.graceMs ?? shutdownGraceMsFrom();
  const db = await openMigratedDatabase(config.database);
  if (config.demoOnEmpty) {
    // Under the startup lock: two servers starting on one empty database must not both load it.
    const demo = await withStartupLock(db.kysely, () => loadDemoIfEmpty(db.kysely));
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
  const app = createApp(db.kysely);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: options.hostname }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = options.hostname ?? 'localhost';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, engine: db.engine, database: db.location }, 'mokuhyo is listening');
  return {
    url,
    db,
    close: async () => {
      await stopListening(server as Server, graceMs);
      await db.destroy();
    },
  };
}

/**
 * Stops accepting at once and waits for requests in flight. A keep-alive connection between two
 * requests would hold `close()` open until its timeout, so idle connections are closed as soon as
 * they become idle; whatever still runs when the grace period ends is cut.
 */
async function stopListening(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  logger.info({ graceMs }, 'no longer accepting connections; finishing requests in flight');
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs);
  });
  const cut = await Promise.race([closed.then(() => false), graceOver]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (cut) {
    logger.warn({ graceMs }, 'requests still in flight after the grace period: connections cut');
    server.closeAllConnections();
    await closed;
  }
}
