import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbTarget, parseDatabaseUrl } from '../db/database.ts';
import { adminQuery } from './pg-admin.ts';

export interface EmptyDb {
  /** A DATABASE_URL naming it, for child processes. */
  url: string;
  target: DbTarget;
  drop(): Promise<void>;
}

/**
 * A database with nothing in it, not even the schema, on the engine DATABASE_URL names: what a
 * server finds on its first start. Whoever opens it must close its connections before drop().
 */
export async function createEmptyDb(): Promise<EmptyDb> {
  const base = parseDatabaseUrl(process.env.DATABASE_URL);
  if (base.engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-empty-'));
    const file = join(dir, 'empty.sqlite');
    return {
      url: `sqlite:${file}`,
      target: { engine: 'sqlite', target: file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `mokuhyo_empty_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(base.target, `CREATE DATABASE ${name}`);
  const url = new URL(base.target);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    target: { engine: 'postgres', target: url.toString() },
    drop: () => adminQuery(base.target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
