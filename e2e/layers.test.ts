import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from './cli-harness.ts';

// The direction rule runs in `npm run check` and CI; these show it passes on the tree and catches new debt.
const script = join(repoRoot, 'scripts/check-layers.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'layers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(root: string) {
  return spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
}

function copyTree(name: string): string {
  const root = join(scratch, name);
  cpSync(join(repoRoot, 'src'), join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'scripts'), { recursive: true });
  cpSync(join(repoRoot, 'scripts/layers-baseline.json'), join(root, 'scripts/layers-baseline.json'));
  return root;
}

test('the tree as committed keeps the direction rule', () => {
  const result = run(repoRoot);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /layers: ok/);
});

test('a domain module importing web/ fails, naming the edge', () => {
  const root = copyTree('up');
  writeFileSync(
    join(root, 'src/domain/sneaky.ts'),
    "import { createApp } from '../web/app.tsx';\nexport const x = createApp;\n",
  );
  const result = run(root);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /src\/domain\/sneaky\.ts -> src\/web\/app\.tsx/);
});

test('a web module importing a repository fails; through its service, or from a test kit, it passes', () => {
  const root = copyTree('repo');
  const direct =
    "import { listTopDepartments } from '../../domain/departments/department.repo.ts';\nexport const f = listTopDepartments;\n";
  writeFileSync(join(root, 'src/web/editor/sneaky.ts'), direct);
  const bad = run(root);
  assert.equal(bad.status, 1);
  assert.match(
    bad.stderr,
    /repository imported past its service.*src\/web\/editor\/sneaky\.ts -> src\/domain\/departments\/department\.repo\.ts/,
  );
  writeFileSync(join(root, 'src/api/routes/sneaky.ts'), direct);
  assert.match(
    run(root).stderr,
    /src\/api\/routes\/sneaky\.ts -> src\/domain\/departments\/department\.repo\.ts/,
  );
  rmSync(join(root, 'src/api/routes/sneaky.ts'));
  rmSync(join(root, 'src/web/editor/sneaky.ts'));
  writeFileSync(join(root, 'src/web/editor/sneaky.testkit.ts'), direct);
  writeFileSync(
    join(root, 'src/web/editor/sneaky.ts'),
    "import { listTopDepartments } from '../../domain/departments/department.service.ts';\nexport const f = listTopDepartments;\n",
  );
  const good = run(root);
  assert.equal(good.status, 0, good.stderr);
});

test('a query written in a service fails; the same query in a repository passes', () => {
  const root = copyTree('sql');
  const query = "export const q = (db: any) => db.selectFrom('goal').selectAll().execute();\n";
  writeFileSync(join(root, 'src/domain/goals/extra.service.ts'), query);
  const bad = run(root);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /SQL outside a \*\.repo\.ts: src\/domain\/goals\/extra\.service\.ts/);
  rmSync(join(root, 'src/domain/goals/extra.service.ts'));
  writeFileSync(join(root, 'src/domain/goals/extra.repo.ts'), query);
  assert.equal(run(root).status, 0);
});

test('a migration importing live code fails: migrations hold their own copies', () => {
  const root = copyTree('migration');
  writeFileSync(
    join(root, 'src/db/migrations/29991231000000_live.ts'),
    "import { foldForSearch } from '../../search/fold.ts';\nexport const f = foldForSearch;\n",
  );
  const result = run(root);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /29991231000000_live\.ts -> src\/search\/fold\.ts/);
});
