import { type DbTarget, parseDatabaseUrl } from './db/database.ts';
import { AppError } from './errors.ts';

export interface Config {
  database: DbTarget;
  port: number;
  logLevel: string;
  /** Load the demo municipality when the database is empty (on by default; MOKUHYO_DEMO=0 turns it off). */
  demoOnEmpty: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_ERROR', `PORT must be a port number, not "${env.PORT}"`, { field: 'PORT' });
  }
  return {
    database: parseDatabaseUrl(env.DATABASE_URL),
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    demoOnEmpty: env.MOKUHYO_DEMO !== '0',
  };
}
