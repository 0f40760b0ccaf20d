import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand } from '../../domain/lineage/cli.testkit.ts';
import { departmentId, goalId } from '../../domain/lineage/lineage.testkit.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';

const policies = (args: string[], url: string) =>
  runCommand('policies.ts', 'registerPolicies', ['policies', ...args], url);

describe('mokuhyo policies', () => {
  let db: TestDb;
  let dir: string;
  before(async () => {
    db = await createTestDb(undefined, { demo: true });
    dir = mkdtempSync(join(tmpdir(), 'mokuhyo-policies-'));
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a tree, links a goal and lists goals by policy', async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(
      file,
      '1 安全・安心に暮らせるまち\n  1-1 防災・減災対策の推進\n2 行政運営\n  2-1 デジタル化の推進\n',
    );
    const imported = await policies(['import', file, '--municipality', 'minatodai'], db.url);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /みなと台市: 4 policies \(4 added, 0 changed, 0 removed\)/);

    const goal = await goalId(db.kysely, await departmentId(db.kysely, '総務部'), 2025, 'plan', 2);
    const linked = await policies(['link', '--goal', String(goal), '--policy', '1-1'], db.url);
    assert.equal(linked.code, 0, linked.stderr);
    assert.match(linked.stdout, /総務部 2025 plan 2 災害に強いまちづくりと地域防災力の向上 → 1-1/);

    const listed = await policies(['list', '--year', '2025'], db.url);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(
      listed.stdout,
      [
        '1 安全・安心に暮らせるまち (1)',
        '  1-1 防災・減災対策の推進 (1)',
        '    - 総務部 2. 災害に強いまちづくりと地域防災力の向上',
        '2 行政運営 (0)',
        '  2-1 デジタル化の推進 (0)',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 with file:line for a malformed tree, and for an unknown policy', async () => {
    const file = join(dir, 'bad.txt');
    writeFileSync(file, '1 まち\n   1-1 施策\n  1-2 施策\n');
    const bad = await policies(['import', file], db.url);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.txt:3: indentation/);
    const unknown = await policies(['link', '--goal', '1', '--policy', '9-9'], db.url);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no policy "9-9"/);
  });
});
