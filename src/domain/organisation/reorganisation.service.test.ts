import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { ensureDepartment } from '../departments/department.repo.ts';
import { goalsAcrossYears } from '../lineage/across-years.service.ts';
import { actor, departmentId, describedLinks } from '../lineage/lineage.testkit.ts';
import { departmentLineage } from './department-lineage.ts';
import { deleteReorganisation, listReorganisations, recordReorganisation } from './reorganisation.service.ts';

const code = (c: string) => (error: unknown) => error instanceof AppError && error.code === c;

/** A table whose goals are named by title; each goal has one item that repeats its title's theme. */
function table(department: string, planYear: number, review: string[], plan: string[]) {
  const goals = (titles: string[], note: 'achievement' | 'target') =>
    titles.map((title, k) =>
      makeGoal(k + 1, [makeItem(1, { text: `${title}に向けた取組`, [note]: '実施' })], title),
    );
  return makeDocument({
    department,
    planYear,
    review: { fiscalYear: planYear - 1, goals: goals(review, 'achievement') },
    plan: { fiscalYear: planYear, goals: goals(plan, 'target') },
  });
}

const titlesByYear = (history: Awaited<ReturnType<typeof goalsAcrossYears>>) =>
  history.threads.map((t) =>
    t.steps
      .map((s) => `${s.fiscalYear}:${s.plan?.departmentName ?? '-'}/${s.review?.departmentName ?? '-'}`)
      .join(' '),
  );

describe('組織改編: old goals stay reachable from the new department', () => {
  let db: TestDb;
  let m: number;
  before(async () => {
    db = await createTestDb();
    await importSources(
      db.kysely,
      [
        sourceOf(
          table('旧部', 2023, ['地域自治の推進', '移住定住の促進'], ['地域自治の推進', '移住定住の促進']),
        ),
        sourceOf(
          table(
            '新部',
            2024,
            ['地域自治の推進', '移住定住の促進'],
            ['地域自治の推進と協働', '移住定住の促進'],
          ),
        ),
        sourceOf(table('A部', 2023, ['防災力の向上'], ['防災力の向上'])),
        sourceOf(table('B部', 2023, ['消費生活の安全'], ['消費生活の安全'])),
      ],
      { published: true, municipality: 'reorg' },
    );
    m = (await db.kysely.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await db.destroy();
  });

  it('only organisation.manage records; the shape must fit the kind', async () => {
    const [oldId, newId] = [await departmentId(db.kysely, '旧部'), await departmentId(db.kysely, '新部')];
    const rename = { kind: 'rename' as const, effectiveYear: 2024, from: [oldId], to: [newId] };
    await assert.rejects(
      recordReorganisation(db.kysely, actor(m, 'editor', newId), rename),
      code('FORBIDDEN'),
    );
    // Another municipality's admin does not even see these departments.
    await assert.rejects(recordReorganisation(db.kysely, actor(m + 1, 'admin'), rename), code('NOT_FOUND'));
    await assert.rejects(
      recordReorganisation(db.kysely, actor(m, 'planning'), { ...rename, from: [oldId, newId] }),
      code('INVALID_INPUT'),
    );
    await assert.rejects(
      recordReorganisation(db.kysely, actor(m, 'planning'), { ...rename, kind: 'split' }),
      code('INVALID_INPUT'),
    );
    await assert.rejects(
      recordReorganisation(db.kysely, actor(m, 'planning'), { ...rename, to: [999_999] }),
      code('NOT_FOUND'),
    );
  });

  it('a rename: the new department reaches the goals planned under its old name', async () => {
    const [oldId, newId] = [await departmentId(db.kysely, '旧部'), await departmentId(db.kysely, '新部')];
    const before = await goalsAcrossYears(db.kysely, newId);
    assert.deepEqual(before.years, [2023, 2024]);
    assert.ok(
      !(await describedLinks(db.kysely, { kind: 'same' })).includes('same plan 2023#1 → review 2023#1'),
    );

    const event = await recordReorganisation(db.kysely, actor(m, 'planning'), {
      kind: 'rename',
      effectiveYear: 2024,
      from: [oldId],
      to: [newId],
      note: '部の名称変更',
    });
    assert.deepEqual([event.from, event.to], [[{ id: oldId, name: '旧部' }], [{ id: newId, name: '新部' }]]);
    assert.deepEqual(
      (await departmentLineage(db.kysely, newId)).map((p) => [p.name, p.kind, p.before, p.depth]),
      [['旧部', 'rename', 2024, 1]],
    );
    assert.ok(
      (await describedLinks(db.kysely, { kind: 'same' })).includes('same plan 2023#1 → review 2023#1'),
    );
    const after = await goalsAcrossYears(db.kysely, newId);
    assert.deepEqual(after.years, [2022, 2023, 2024]);
    const autonomy = after.threads.find((t) => t.title === '地域自治の推進と協働');
    assert.deepEqual(
      autonomy?.steps.map((s) => [
        s.fiscalYear,
        s.plan?.departmentName ?? null,
        s.review?.departmentName ?? null,
        s.arrival,
      ]),
      [
        [2022, null, '旧部', null],
        [2023, '旧部', '新部', 'continued'],
        [2024, '新部', null, 'continued'],
      ],
    );
  });

  it('a merge recorded before the new table arrives: the import already looks at the predecessors', async () => {
    const [a, b] = [await departmentId(db.kysely, 'A部'), await departmentId(db.kysely, 'B部')];
    const c = (await ensureDepartment(db.kysely, m, 'C部')).id;
    const merge = await recordReorganisation(db.kysely, actor(m, 'admin'), {
      kind: 'merge',
      effectiveYear: 2024,
      from: [a, b],
      to: [c],
    });
    await importSources(
      db.kysely,
      [
        sourceOf(
          table('C部', 2024, ['防災力の向上', '消費生活の安全'], ['防災力の向上', '消費生活の安全と啓発']),
        ),
      ],
      { published: true, municipality: 'reorg' },
    );
    const history = await goalsAcrossYears(db.kysely, c);
    assert.deepEqual(history.predecessors.map((p) => p.name).sort(), ['A部', 'B部']);
    assert.deepEqual(titlesByYear(history).sort(), [
      '2022:-/A部 2023:A部/C部 2024:C部/-',
      '2022:-/B部 2023:B部/C部 2024:C部/-',
    ]);
    assert.equal((await listReorganisations(db.kysely, m)).length, 2);

    await deleteReorganisation(db.kysely, actor(m, 'admin'), merge.id);
    const alone = await goalsAcrossYears(db.kysely, c);
    assert.deepEqual(alone.years, [2023, 2024]);
    // Only the rename's links remain (旧部 → 新部); the merge's went with it.
    assert.deepEqual(await describedLinks(db.kysely, { kind: 'same' }), [
      'same plan 2023#1 → review 2023#1',
      'same plan 2023#1.1 → review 2023#1.1',
      'same plan 2023#2 → review 2023#2',
      'same plan 2023#2.1 → review 2023#2.1',
    ]);
    const trail = await db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'actor_login'])
      .where('entity_type', '=', 'reorganisation')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      trail.map((e) => e.action),
      ['reorganisation.record', 'reorganisation.record', 'reorganisation.delete'],
    );
    assert.equal(trail.at(-1)?.entity_id, merge.id);
  });
});
