import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { classifyTable } from './classify.service.ts';
import {
  actor,
  departmentId,
  goalId,
  importSeed,
  itemId,
  municipalityIdOf,
  SEED_DEPARTMENT,
} from './lineage.testkit.ts';
import { confirmLink, rejectLink, setLink } from './link.service.ts';

const code = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('deciding links (Actor with goal.edit on the department)', () => {
  let db: TestDb;
  let dept: number;
  let other: number;
  let m: number;
  before(async () => {
    db = await createTestDb();
    await importSeed(db, 'ueda');
    await importSources(db.kysely, [sourceOf(makeDocument({ department: '別の部' }))], {
      published: true,
      municipality: 'ueda',
    });
    dept = await departmentId(db.kysely, SEED_DEPARTMENT);
    other = await departmentId(db.kysely, '別の部');
    m = await municipalityIdOf(db.kysely, dept);
  });
  after(async () => {
    await db.destroy();
  });

  const suggestionFrom = async (no: number) =>
    db.kysely
      .selectFrom('goal_link')
      .selectAll()
      .where('from_goal_id', '=', await goalId(db.kysely, dept, 2021, 'review', no))
      .where('from_item_id', 'is', null)
      .executeTakeFirstOrThrow();

  it('FORBIDDEN for an editor of another department, a viewer, or another municipality', async () => {
    const link = await suggestionFrom(1);
    for (const who of [actor(m, 'editor', other), actor(m, 'viewer'), actor(m + 1, 'editor', dept)]) {
      await assert.rejects(confirmLink(db.kysely, who, link.id), code('FORBIDDEN'));
      await assert.rejects(rejectLink(db.kysely, who, link.id), code('FORBIDDEN'));
    }
    const plan5 = await goalId(db.kysely, dept, 2022, 'plan', 5);
    const foreign = await goalId(db.kysely, other, 2022, 'review', 1);
    await assert.rejects(
      setLink(db.kysely, actor(m, 'editor', other), {
        kind: 'continues',
        fromGoalId: foreign,
        toGoalId: plan5,
      }),
      code('FORBIDDEN'),
    );
    // Nor may this department's editor pull in another department's goal.
    await assert.rejects(
      setLink(db.kysely, actor(m, 'editor', dept), {
        kind: 'continues',
        fromGoalId: foreign,
        toGoalId: plan5,
      }),
      code('FORBIDDEN'),
    );
    assert.equal((await suggestionFrom(1)).status, 'suggested');
  });

  it('an editor of the department confirms and rejects', async () => {
    const editor = actor(m, 'editor', dept);
    const confirmed = await confirmLink(db.kysely, editor, (await suggestionFrom(1)).id);
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.decided_by, editor.login);
    const rejected = await rejectLink(db.kysely, editor, (await suggestionFrom(3)).id);
    assert.equal(rejected.status, 'rejected');
    const table = await classifyTable(db.kysely, dept, 2022);
    assert.equal(table.review.find((g) => g.no === 3)?.status, 'ended');
    assert.equal(table.plan.find((g) => g.no === 3)?.status, 'new');
  });

  it('sets a manual link and retires the suggestions it contradicts', async () => {
    const editor = actor(m, 'editor', dept);
    const review7 = await goalId(db.kysely, dept, 2021, 'review', 7);
    const plan5 = await goalId(db.kysely, dept, 2022, 'plan', 5);
    const plan7 = await goalId(db.kysely, dept, 2022, 'plan', 7);
    const manual = await setLink(db.kysely, editor, {
      kind: 'continues',
      fromGoalId: review7,
      toGoalId: plan5,
    });
    assert.equal(manual.status, 'manual');
    assert.equal(manual.score, null);
    const stale = await db.kysely
      .selectFrom('goal_link')
      .select('id')
      .where('from_goal_id', '=', review7)
      .where('to_goal_id', '=', plan7)
      .where('from_item_id', 'is', null)
      .execute();
    assert.deepEqual(stale, [], 'review 7 → plan 7 is no longer suggested');
    const table = await classifyTable(db.kysely, dept, 2022);
    assert.equal(table.plan.find((g) => g.no === 5)?.status, 'continued');
    assert.equal(table.plan.find((g) => g.no === 7)?.status, 'new');
  });

  it('validates the shape of a link', async () => {
    const editor = actor(m, 'editor', dept);
    const review5 = await goalId(db.kysely, dept, 2021, 'review', 5);
    const plan1 = await goalId(db.kysely, dept, 2022, 'plan', 1);
    const plan2 = await goalId(db.kysely, dept, 2022, 'plan', 2);
    const cases = [
      { kind: 'same' as const, fromGoalId: review5, toGoalId: plan1 },
      { kind: 'continues' as const, fromGoalId: plan1, toGoalId: review5 },
      { kind: 'absorbed' as const, fromGoalId: review5, toGoalId: plan1 },
      {
        kind: 'absorbed' as const,
        fromGoalId: review5,
        toGoalId: plan1,
        toItemId: await itemId(db.kysely, plan2, 1),
      },
    ];
    for (const input of cases) await assert.rejects(setLink(db.kysely, editor, input), code('INVALID_INPUT'));
    const ok = await setLink(db.kysely, editor, {
      kind: 'absorbed',
      fromGoalId: review5,
      toGoalId: plan1,
      toItemId: await itemId(db.kysely, plan1, 4),
    });
    assert.equal(ok.status, 'manual', 'the suggestion became a decision');
  });
});
