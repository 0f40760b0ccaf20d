import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importSources } from '../../importer/import.service.ts';
import { sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import type { Actor } from '../auth/actor.ts';
import { evaluateDepartmentYear } from './evaluate.service.ts';
import { departmentId, editorOf, findTarget, planningOf } from './evaluation.testkit.ts';
import { DEPARTMENT, table2024, threeYears } from './fixture.testkit.ts';
import { clearMatch, confirmMatch, rejectMatch, setMatch, suggestMatches } from './match.service.ts';

describe('confirming and correcting matches', () => {
  let db: TestDb;
  let department: number;
  let editor: Actor;
  let stranger: Actor;
  const view = () => evaluateDepartmentYear(db.kysely, department, 2023);

  before(async () => {
    db = await createTestDb();
    await importSources(db.kysely, [threeYears()], { published: true, municipality: 'match' });
    // Another department of the same city, whose editor must not touch ours.
    await importSources(db.kysely, [sourceOf({ ...table2024(), department: '別の部' })], {
      published: true,
      municipality: 'match',
    });
    department = await departmentId(db.kysely, DEPARTMENT);
    const municipality = await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
    editor = editorOf(municipality.id, department);
    stranger = editorOf(municipality.id, await departmentId(db.kysely, '別の部'));
  });
  after(() => db.destroy());

  test('reading stores nothing: suggestions are computed on read', async () => {
    const t = findTarget(await view(), '観光客', '120万人以上');
    assert.deepEqual([t.match.status, t.match.stored], ['suggested', false]);
    const rows = await db.kysely.selectFrom('quantity_match').selectAll().execute();
    assert.equal(rows.length, 0);
  });

  test('an editor of another department is FORBIDDEN, and nothing changes', async () => {
    const t = findTarget(await view(), '観光客', '120万人以上');
    const actualId = t.actual?.id ?? null;
    await assert.rejects(confirmMatch(db.kysely, stranger, t.target.id), { code: 'FORBIDDEN' });
    await assert.rejects(setMatch(db.kysely, stranger, t.target.id, null), { code: 'FORBIDDEN' });
    await assert.rejects(rejectMatch(db.kysely, stranger, t.target.id), { code: 'FORBIDDEN' });
    await assert.rejects(suggestMatches(db.kysely, stranger, department, 2023), { code: 'FORBIDDEN' });
    const again = findTarget(await view(), '観光客', '120万人以上');
    assert.deepEqual([again.actual?.id ?? null, again.match.stored], [actualId, false]);
  });

  test('confirm keeps the suggested pair and records who confirmed it', async () => {
    const t = findTarget(await view(), '観光客', '120万人以上');
    const result = await confirmMatch(db.kysely, editor, t.target.id, t.actual?.id);
    assert.deepEqual(result, { targetId: t.target.id, actualId: t.actual?.id, status: 'confirmed' });
    const after = findTarget(await view(), '観光客', '120万人以上');
    assert.deepEqual(
      [after.match.status, after.match.stored, after.match.by, after.rate],
      ['confirmed', true, editor.login, 105],
    );
  });

  test('confirming a pair that changed meanwhile is a CONFLICT', async () => {
    const t = findTarget(await view(), '家庭系ごみ', '520g以下');
    await assert.rejects(confirmMatch(db.kysely, editor, t.target.id, null), { code: 'CONFLICT' });
  });

  test('reject leaves the target 未報告; set chooses another actual; clear goes back to the suggestion', async () => {
    const festival = findTarget(await view(), 'イベント', '5,000人以上');
    const fireworks = findTarget(await view(), 'イベント', '8,000人以上');
    await rejectMatch(db.kysely, editor, festival.target.id);
    const rejected = findTarget(await view(), 'イベント', '5,000人以上');
    assert.deepEqual(
      [rejected.status, rejected.actual, rejected.match.status, rejected.match.rejectedActualId],
      ['unreported', null, 'rejected', festival.actual?.id],
    );
    await assert.rejects(confirmMatch(db.kysely, editor, festival.target.id), { code: 'CONFLICT' });

    await setMatch(db.kysely, editor, festival.target.id, fireworks.actual?.id ?? null);
    const set = findTarget(await view(), 'イベント', '5,000人以上');
    assert.deepEqual([set.match.status, set.actual?.value, set.rate], ['manual', 9100, 182]);

    await setMatch(db.kysely, editor, festival.target.id, null);
    const none = findTarget(await view(), 'イベント', '5,000人以上');
    assert.deepEqual([none.match.status, none.status], ['manual', 'unreported']);
    await assert.rejects(rejectMatch(db.kysely, editor, festival.target.id), { code: 'INVALID_INPUT' });

    assert.equal(await clearMatch(db.kysely, editor, festival.target.id), true);
    const cleared = findTarget(await view(), 'イベント', '5,000人以上');
    assert.deepEqual([cleared.match.stored, cleared.actual?.value], [false, 4200]);
  });

  test('set accepts only an actual of the same department and year', async () => {
    const t = findTarget(await view(), '観光客', '120万人以上');
    const otherYear = findTarget(
      await evaluateDepartmentYear(db.kysely, department, 2024),
      '観光客',
      '130万人以上',
    );
    await assert.rejects(setMatch(db.kysely, editor, t.target.id, otherYear.actual?.id ?? 0), {
      code: 'INVALID_INPUT',
    });
    // A target is not an actual, and an actual is not a target.
    await assert.rejects(setMatch(db.kysely, editor, t.target.id, t.target.id), { code: 'INVALID_INPUT' });
    await assert.rejects(confirmMatch(db.kysely, editor, t.actual?.id ?? 0), { code: 'INVALID_INPUT' });
    await assert.rejects(confirmMatch(db.kysely, editor, 987654), { code: 'NOT_FOUND' });
  });

  test('suggestMatches stores suggestions and leaves confirmed matches alone', async () => {
    const result = await suggestMatches(db.kysely, planningOf(editor.municipalityId), department, 2023);
    assert.ok(result.stored >= 5);
    const t = findTarget(await view(), '待機児童', '0人以下');
    assert.deepEqual([t.match.status, t.match.stored], ['suggested', true]);
    assert.equal(findTarget(await view(), '観光客', '120万人以上').match.status, 'confirmed');
  });

  test('a re-import that changes a report drops its matches; untouched confirmed matches survive', async () => {
    const waste = findTarget(await view(), '家庭系ごみ', '520g以下');
    await confirmMatch(db.kysely, editor, waste.target.id);
    await importSources(db.kysely, [sourceOf(table2024('観光入込客数 127万人'))], {
      published: true,
      municipality: 'match',
    });
    const after = await view();
    const tourists = findTarget(after, '観光客', '120万人以上');
    assert.deepEqual([tourists.match.stored, tourists.actual?.value, tourists.rate], [false, 1270000, 105.8]);
    const kept = findTarget(after, '家庭系ごみ', '520g以下');
    assert.deepEqual([kept.match.status, kept.actual?.id], ['confirmed', waste.actual?.id]);
  });
});
