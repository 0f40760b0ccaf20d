import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { loadBlock } from './goal.repo.ts';
import { copyPlanToNextYear, createGoal, deleteGoal, editGoal, moveGoal } from './goal-edit.service.ts';
import { auditActions, type EditFixture, editFixture, setBlockState } from './goal-edit.testkit.ts';
import { StaleError } from './goal-edit.types.ts';

let f: EditFixture;
const draft = () => ({ departmentId: f.departmentId, year: 2024, block: 'plan' as const });
const titles = async () => {
  const fiscalYearId = (
    await f.db.kysely
      .selectFrom('fiscal_year')
      .select('id')
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow()
  ).id;
  const goals = await loadBlock(f.db.kysely, { departmentId: f.departmentId, fiscalYearId, block: 'plan' });
  return goals.map((g) => `${g.no}:${g.title}`);
};

before(async () => {
  f = await editFixture();
  await copyPlanToNextYear(f.db.kysely, f.editor, { departmentId: f.departmentId, year: 2023 });
});
after(() => f.db.destroy());

test('create, retitle, move and delete goals of a draft block, each audited', async () => {
  const auditBefore = (await auditActions(f.db)).length;
  const created = await createGoal(f.db.kysely, f.editor, { ...draft(), title: '  新しい目標  ' });
  assert.equal(created.no, 3);
  assert.equal(created.title, '新しい目標');
  const renamed = await editGoal(f.db.kysely, f.editor, {
    goalId: created.id,
    version: created.version,
    title: '市民協働の推進',
  });
  assert.equal(renamed.version, created.version + 1);
  const moved = await moveGoal(f.db.kysely, f.editor, {
    goalId: created.id,
    version: renamed.version,
    direction: 'up',
  });
  assert.equal(moved.no, 2);
  assert.deepEqual(await titles(), ['1:重点目標1', '2:市民協働の推進', '3:満足度の向上']);
  const top = await moveGoal(f.db.kysely, f.editor, {
    goalId: created.id,
    version: moved.version,
    direction: 'up',
  });
  assert.deepEqual(await titles(), ['1:市民協働の推進', '2:重点目標1', '3:満足度の向上']);
  await deleteGoal(f.db.kysely, f.editor, { goalId: created.id, version: top.version });
  assert.deepEqual(await titles(), ['1:重点目標1', '2:満足度の向上'], 'rows close the gap');
  const actions = (await auditActions(f.db)).slice(auditBefore);
  assert.deepEqual(actions, ['goal.create', 'goal.update', 'goal.move', 'goal.move', 'goal.delete']);
  const update = await f.db.kysely
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', 'goal.update')
    .executeTakeFirstOrThrow();
  assert.equal(JSON.parse(update.before_json ?? '{}').title, '新しい目標');
  assert.equal(JSON.parse(update.after_json ?? '{}').title, '市民協働の推進');
  assert.equal(update.department_id, f.departmentId);
});

test('a second save with the old version is STALE, carries the stored goal and writes nothing', async () => {
  const goal = await createGoal(f.db.kysely, f.editor, { ...draft(), title: '元の題' });
  const other = f.as('editor');
  await editGoal(f.db.kysely, other, { goalId: goal.id, version: goal.version, title: '先に保存した題' });
  const auditCount = (await auditActions(f.db)).length;
  await assert.rejects(
    editGoal(f.db.kysely, f.editor, { goalId: goal.id, version: goal.version, title: '後から保存した題' }),
    (error: unknown) => {
      assert.ok(error instanceof StaleError);
      assert.equal(error.code, 'STALE');
      assert.equal(error.current.entity, 'goal');
      assert.equal(error.current.entity === 'goal' && error.current.goal?.title, '先に保存した題');
      return true;
    },
  );
  await assert.rejects(
    moveGoal(f.db.kysely, f.editor, { goalId: goal.id, version: goal.version, direction: 'up' }),
    { code: 'STALE' },
  );
  await assert.rejects(deleteGoal(f.db.kysely, f.editor, { goalId: goal.id, version: goal.version }), {
    code: 'STALE',
  });
  assert.ok((await titles()).includes('3:先に保存した題'), 'the first save stands');
  assert.equal((await auditActions(f.db)).length, auditCount, 'no audit row for a refused save');
});

test('editors of another department, viewers, approvers and planning may not edit', async () => {
  const goal = await createGoal(f.db.kysely, f.editor, { ...draft(), title: '権限の確認' });
  const outsiders = [
    f.as('editor', f.otherDepartmentId),
    f.as('viewer', null),
    f.as('approver'),
    f.as('planning', null),
  ];
  for (const actor of outsiders) {
    await assert.rejects(createGoal(f.db.kysely, actor, { ...draft(), title: 'x' }), { code: 'FORBIDDEN' });
    await assert.rejects(
      editGoal(f.db.kysely, actor, { goalId: goal.id, version: goal.version, title: 'x' }),
      {
        code: 'FORBIDDEN',
      },
    );
    await assert.rejects(deleteGoal(f.db.kysely, actor, { goalId: goal.id, version: goal.version }), {
      code: 'FORBIDDEN',
    });
  }
  const stored = await f.db.kysely
    .selectFrom('goal')
    .select(['title', 'version'])
    .where('id', '=', goal.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(stored, { title: '権限の確認', version: goal.version });
});

test('a block whose phase is submitted, approved or published is LOCKED; draft again after 差し戻し', async () => {
  const goal = await createGoal(f.db.kysely, f.editor, { ...draft(), title: 'ロックの確認' });
  for (const state of ['submitted', 'approved', 'published'] as const) {
    await setBlockState(f.db, draft(), state);
    await assert.rejects(
      editGoal(f.db.kysely, f.editor, { goalId: goal.id, version: goal.version, title: 'x' }),
      (error: unknown) => error instanceof AppError && error.code === 'LOCKED',
      state,
    );
    await assert.rejects(createGoal(f.db.kysely, f.editor, { ...draft(), title: 'x' }), { code: 'LOCKED' });
  }
  // The review block of the same year is another phase: still editable.
  await createGoal(f.db.kysely, f.editor, {
    departmentId: f.departmentId,
    year: 2024,
    block: 'review',
    title: '報告',
  });
  await setBlockState(f.db, draft(), 'draft');
  const saved = await editGoal(f.db.kysely, f.editor, {
    goalId: goal.id,
    version: goal.version,
    title: '戻った',
  });
  assert.equal(saved.title, '戻った');
});

test('an empty title is refused before anything is written', async () => {
  await assert.rejects(createGoal(f.db.kysely, f.editor, { ...draft(), title: '   ' }), {
    code: 'INVALID_INPUT',
  });
});

test('two saves racing from the same version: exactly one lands, the other is STALE', async () => {
  const goal = await createGoal(f.db.kysely, f.editor, { ...draft(), title: '競合' });
  const results = await Promise.allSettled(
    ['甲の題', '乙の題'].map((title) =>
      editGoal(f.db.kysely, f.as('editor'), { goalId: goal.id, version: goal.version, title }),
    ),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(won.length, 1);
  assert.equal(lost.length, 1);
  assert.ok(lost[0]?.reason instanceof StaleError);
  const stored = await f.db.kysely
    .selectFrom('goal')
    .select(['title', 'version'])
    .where('id', '=', goal.id)
    .executeTakeFirstOrThrow();
  assert.equal(stored.version, goal.version + 1);
  assert.equal(stored.title, won[0]?.status === 'fulfilled' ? won[0].value.title : '');
});
