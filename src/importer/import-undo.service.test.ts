import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { listAuditForMunicipality } from '../domain/audit/audit.repo.ts';
import { type Actor, systemActor } from '../domain/auth/actor.ts';
import { findTopDepartment } from '../domain/departments/department.repo.ts';
import { findFiscalYearId } from '../domain/fiscal-years/fiscal-year.repo.ts';
import { loadBlock } from '../domain/goals/goal.repo.ts';
import { editGoal } from '../domain/goals/goal-edit.service.ts';
import { findMunicipality } from '../domain/municipalities/municipality.repo.ts';
import { AppError } from '../errors.ts';
import { exportTables } from '../exporters/export.service.ts';
import type { IchiranDocument } from '../format/document.schema.ts';
import { search } from '../search/search.service.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../test-support/factories.ts';
import { createTestDb } from '../test-support/test-db.ts';
import { makeUser } from '../test-support/users.ts';
import { importSources } from './import.service.ts';
import { UndoRefusedError, undoImport } from './import-undo.service.ts';

const CITY = 'undo';
let db: Db;
let admin: Actor;
before(async () => {
  db = await createTestDb();
  await importSources(db.kysely, [sourceOf(makeDocument({ department: '準備部' }))], { municipality: CITY });
  const city = await findMunicipality(db.kysely, CITY);
  assert.ok(city);
  admin = systemActor(city.id);
});
after(async () => {
  await db.destroy();
});

async function exported(department: string, planYear: number): Promise<IchiranDocument | 'none'> {
  try {
    const out = await exportTables(db.kysely, {
      municipality: CITY,
      department,
      planYear,
      format: 'json',
      audience: { includeDrafts: true },
    });
    return JSON.parse(String(out.body)) as IchiranDocument;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return 'none';
    throw error;
  }
}

function revisionOf(department: string): IchiranDocument {
  return makeDocument({
    department,
    plan: {
      fiscalYear: 2023,
      goals: [
        makeGoal(1, [makeItem(1, { text: '蛍光灯の交換', target: '庁舎のLED化 80%' })], '省エネルギーの推進'),
      ],
    },
  });
}

const hits = async (q: string) => (await search(db.kysely, { q, municipality: CITY })).total;

test('a table imported over a stored block is undone: the block, its phase and search are as before', async () => {
  const original = makeDocument({ department: '戻し部' });
  await importSources(db.kysely, [sourceOf(original)], { municipality: CITY, published: true });
  const before = await exported('戻し部', 2023);
  assert.equal(await hits('省エネルギー'), 0);

  const result = await importSources(db.kysely, [sourceOf(revisionOf('戻し部'))], {
    municipality: CITY,
    published: true,
  });
  assert.notDeepEqual(await exported('戻し部', 2023), before);
  assert.ok((await hits('省エネルギー')) > 0, 'the new text is found after the import');
  assert.equal(await hits('待機児童'), 0, 'the old plan text is gone after the import');

  const undone = await undoImport(db.kysely, admin, result.importId);
  assert.equal(undone.blocks.length, 2);
  assert.deepEqual(await exported('戻し部', 2023), before);
  assert.equal(await hits('省エネルギー'), 0, 'the new text is gone from search');
  assert.ok((await hits('待機児童')) > 0, 'the old text is found again');
  const events = await listAuditForMunicipality(db.kysely, admin.municipalityId, { limit: 5 });
  assert.ok(
    events.some((e) => e.action === 'import.undo' && e.summary.includes(`import ${result.importId}`)),
  );

  await assert.rejects(undoImport(db.kysely, admin, result.importId), (error: unknown) => {
    assert.ok(error instanceof UndoRefusedError);
    assert.match(error.message, /すでに取り消されています/);
    return true;
  });
});

test('an import into an empty department is undone by removing its blocks and draft phases', async () => {
  const result = await importSources(db.kysely, [sourceOf(makeDocument({ department: '新設部' }))], {
    municipality: CITY,
  });
  assert.notEqual(await exported('新設部', 2023), 'none');
  await undoImport(db.kysely, admin, result.importId);
  assert.equal(await exported('新設部', 2023), 'none');
  const department = await findTopDepartment(db.kysely, admin.municipalityId, '新設部');
  assert.ok(department);
  const fiscalYearId = await findFiscalYearId(db.kysely, admin.municipalityId, 2023);
  assert.ok(fiscalYearId);
  const { blockState } = await import('../domain/workflow/lock.ts');
  assert.equal(
    await blockState(db.kysely, { departmentId: department.id, fiscalYearId, block: 'plan' }),
    undefined,
  );
});

test('an edit after the import refuses the undo, naming the block; nothing is restored', async () => {
  await importSources(db.kysely, [sourceOf(makeDocument({ department: '編集部' }))], { municipality: CITY });
  const result = await importSources(db.kysely, [sourceOf(revisionOf('編集部'))], { municipality: CITY });
  const department = await findTopDepartment(db.kysely, admin.municipalityId, '編集部');
  const fiscalYearId = await findFiscalYearId(db.kysely, admin.municipalityId, 2023);
  assert.ok(department && fiscalYearId);
  const [goal] = await loadBlock(db.kysely, { departmentId: department.id, fiscalYearId, block: 'plan' });
  assert.ok(goal);
  const editor = await makeUser(db.kysely, admin.municipalityId, 'editor', department.id);
  await editGoal(db.kysely, editor.actor, {
    goalId: goal.id,
    version: goal.version,
    title: '手で直した目標',
  });
  const edited = await exported('編集部', 2023);

  await assert.rejects(undoImport(db.kysely, editor.actor, result.importId), (error: unknown) => {
    assert.ok(error instanceof UndoRefusedError);
    assert.match(error.message, /編集部 令和5年度（2023年度）の数値目標（当年度）.*取り消せません/);
    assert.match(error.english, /編集部 2023 plan block changed/);
    return true;
  });
  assert.deepEqual(await exported('編集部', 2023), edited);
});

test('a viewer, or an editor of another department, may not undo', async () => {
  const result = await importSources(db.kysely, [sourceOf(makeDocument({ department: '権限部' }))], {
    municipality: CITY,
  });
  const other = await findTopDepartment(db.kysely, admin.municipalityId, '準備部');
  assert.ok(other);
  const viewer = await makeUser(db.kysely, admin.municipalityId, 'viewer');
  const editor = await makeUser(db.kysely, admin.municipalityId, 'editor', other.id);
  for (const actor of [viewer.actor, editor.actor]) {
    await assert.rejects(
      undoImport(db.kysely, actor, result.importId),
      (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
    );
  }
  assert.notEqual(await exported('権限部', 2023), 'none');
});

test('an import of published history is undone only by planning or admin, not the department editor', async () => {
  const result = await importSources(db.kysely, [sourceOf(makeDocument({ department: '公表部' }))], {
    municipality: CITY,
    published: true,
  });
  const department = await findTopDepartment(db.kysely, admin.municipalityId, '公表部');
  assert.ok(department);
  const editor = await makeUser(db.kysely, admin.municipalityId, 'editor', department.id);
  await assert.rejects(
    undoImport(db.kysely, editor.actor, result.importId),
    (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
  );
  const planning = await makeUser(db.kysely, admin.municipalityId, 'planning');
  await undoImport(db.kysely, planning.actor, result.importId);
  assert.equal(await exported('公表部', 2023), 'none');
});
