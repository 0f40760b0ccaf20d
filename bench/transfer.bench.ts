/**
 * Backup, restore and copy of the demo city (plus users, sessions, a pending upload):
 *   npx tsx bench/transfer.bench.ts [--runs 3] [--audit 0]
 * --audit N appends N audit events first, to see how the time grows with a long audit trail.
 * SQLite always; PostgreSQL too, and the copies between the engines, when DATABASE_URL names one.
 * Prints the median wall time of each operation.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../src/operations/backup.service.ts';
import { copyDatabase } from '../src/operations/copy.service.ts';
import { restoreDatabase } from '../src/operations/restore.service.ts';
import { fillLikeACity } from '../src/operations/transfer.testkit.ts';
import { createTestDb, type TestDb } from '../src/test-support/test-db.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, audit: { type: 'string', default: '0' } },
});
const AUDIT = Number(args.audit);

async function appendAuditEvents(db: TestDb, n: number): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < n; i += 60) {
    const rows = Array.from({ length: Math.min(60, n - i) }, (_, j) => ({
      municipality_id: 1,
      actor_login: 'bench',
      at,
      action: 'goal.edit',
      entity_type: 'goal',
      entity_id: i + j,
      summary: `重点目標 ${i + j} を編集`,
      after_json: JSON.stringify({ title: `重点目標 ${i + j}`, n: i + j }),
    }));
    await db.kysely.insertInto('audit_event').values(rows).execute();
  }
}
const RUNS = Number(args.runs);
const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-transfer-bench-'));
const opened: TestDb[] = [];

async function fresh(url: string): Promise<TestDb> {
  const db = await createTestDb(url);
  opened.push(db);
  return db;
}

async function median(label: string, run: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  process.stdout.write(`${label.padEnd(34)} ${ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(6)} ms\n`);
}

try {
  const engines: [string, string][] = [['sqlite', 'sqlite:bench']];
  if (pgUrl) engines.push(['postgres', pgUrl]);
  const cities = new Map<string, TestDb>();
  for (const [engine, url] of engines) {
    const city = await fresh(url);
    await fillLikeACity(city);
    await appendAuditEvents(city, AUDIT);
    cities.set(engine, city);
    const file = join(dir, `${engine}.mokuhyo.gz`);
    const report = await backupDatabase(city, file);
    process.stdout.write(
      `${engine}: ${report.rows} rows in ${report.tables} tables, archive ${(await stat(file)).size} bytes\n`,
    );
    await median(`backup (${engine})`, () => backupDatabase(city, file));
    const target = await fresh(url);
    await median(`restore --force (${engine})`, () => restoreDatabase(target, file, { force: true }));
  }
  const sqlite = cities.get('sqlite')!;
  const pg = cities.get('postgres');
  // Each copy needs an empty target; they are made before the clock starts.
  const copyInto = async (label: string, from: TestDb, url: string) => {
    const targets: TestDb[] = [];
    for (let i = 0; i < RUNS; i++) targets.push(await fresh(url));
    await median(label, () => copyDatabase(from, targets.pop()!));
  };
  if (pg && pgUrl) {
    await copyInto('copy sqlite → postgres', sqlite, pgUrl);
    await copyInto('copy postgres → sqlite', pg, 'sqlite:bench');
  } else {
    await copyInto('copy sqlite → sqlite', sqlite, 'sqlite:bench');
  }
} finally {
  for (const db of opened) await db.destroy();
  await rm(dir, { recursive: true, force: true });
}
