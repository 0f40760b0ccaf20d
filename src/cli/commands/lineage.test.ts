import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCommand } from '../../domain/lineage/cli.testkit.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';

describe('mokuhyo lineage', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
  });
  after(async () => {
    await db.destroy();
  });

  it('prints each goal’s chain with new / continued / ended marks', async () => {
    const run = await runCommand(
      'lineage.ts',
      'registerLineage',
      ['lineage', '--department', '総務部'],
      db.url,
    );
    assert.equal(run.code, 0, run.stderr);
    const threads = run.stdout.split('\n■ ').slice(1);
    assert.equal(threads.length, 5);
    const ended = threads.find((t) => t.startsWith('職員の働き方改革と人材育成の推進'));
    assert.match(ended ?? '', /2023 令和5年度\s+plan 4 \/ review 4\s+continued\?, ended/);
    const started = threads.find((t) => t.startsWith('シティプロモーションの推進と情報発信の強化'));
    assert.match(started ?? '', /2024 令和6年度\s+plan 5 \/ review 4\s+new\s/);
    assert.match(started ?? '', /2025 令和7年度\s+plan 3\s+continued\?/);
  });

  it('--json gives the threads; an unknown department exits 2', async () => {
    const run = await runCommand(
      'lineage.ts',
      'registerLineage',
      ['lineage', '--department', '健康福祉部', '--municipality', 'minatodai', '--json'],
      db.url,
    );
    assert.equal(run.code, 0, run.stderr);
    const history = JSON.parse(run.stdout) as {
      years: number[];
      threads: Array<{ steps: Array<{ arrival: string | null }> }>;
    };
    assert.deepEqual(history.years, [2022, 2023, 2024, 2025]);
    assert.equal(history.threads.flatMap((t) => t.steps).filter((s) => s.arrival === 'new').length, 1);
    const missing = await runCommand(
      'lineage.ts',
      'registerLineage',
      ['lineage', '--department', '存在しない部'],
      db.url,
    );
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no department "存在しない部"/);
  });
});
