import { resolve } from 'node:path';
import type { Db, DbTarget } from '../db/database.ts';
import { databaseLoader } from '../db/transfer/loader.ts';
import { snapshot } from '../db/transfer/snapshot.ts';
import { inWriteTransaction } from '../db/transfer/write-transaction.ts';
import { AppError } from '../errors.ts';
import { fillDerivedData } from './open-database.ts';
import { type OnTable, observed, reportOf, type TransferReport } from './transfer-report.ts';

/**
 * Copies everything — municipalities, users, sessions, the audit trail, pending imports, the search
 * entries — from a snapshot of `source` into `target`, in one transaction on the target, which must
 * hold no data. Either engine to either engine; ids and id sequences are kept.
 */
export async function copyDatabase(source: Db, target: Db, onTable?: OnTable): Promise<TransferReport> {
  const started = performance.now();
  return inWriteTransaction(target.kysely, async (conn) => {
    const loader = databaseLoader(conn, target.engine, {
      replace: false,
      source: source.location,
      afterUpgrade: fillDerivedData,
    });
    const header = await snapshot(source.kysely, observed(loader, onTable));
    return reportOf(header, loader.result().upgradedWith, started);
  });
}

/** Refuses to copy a database onto itself, which would wait on its own lock or wipe its source. */
export function assertDistinct(source: DbTarget, target: DbTarget): void {
  const same =
    source.engine === target.engine &&
    (source.engine === 'sqlite'
      ? resolve(source.target) === resolve(target.target)
      : normalisePgUrl(source.target) === normalisePgUrl(target.target));
  if (same) throw new AppError('INVALID_INPUT', 'the target is the database being copied: name another one');
}

function normalisePgUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}
