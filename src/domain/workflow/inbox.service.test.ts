import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Phase } from '../../db/schema.ts';
import { fillPhase } from '../../test-support/phase-fill.ts';
import { ensureFiscalYear, listFiscalYears } from '../fiscal-years/fiscal-year.repo.ts';
import { listPhases } from './inbox.repo.ts';
import { countWaiting, loadInbox, waitingFor } from './inbox.service.ts';
import { overdueFor } from './overdue.ts';
import type { WorkflowAction } from './state-machine.ts';
import { transition } from './transition.service.ts';
import { type Who, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
const YEAR = 2027;
/** Mid-June 2027 in Tokyo: the 目標設定 deadline (5月31日) has passed, the 中間報告 one has not. */
const JUNE = new Date('2027-06-15T03:00:00Z');
/** Before any deadline of the year. */
const APRIL = new Date('2027-04-10T03:00:00Z');

before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: YEAR });
});
after(async () => {
  await f.db.destroy();
});

async function act(who: Who, action: WorkflowAction, phase: Phase = 'goal_setting') {
  const [row] = await listPhases(f.db.kysely, {
    municipalityId: f.municipalityId,
    departmentIds: [f.own],
    year: YEAR,
  }).then((rows) => rows.filter((r) => r.phase === phase));
  assert.ok(row, 'the phase exists');
  await transition(f.db.kysely, f.actors[who], {
    departmentId: f.own,
    year: YEAR,
    phase,
    action,
    version: row.version,
    comment: action === 'return' ? '数値目標を見直してください' : undefined,
  });
}

const tasks = async (who: Who, now = APRIL) =>
  (await waitingFor(f.db.kysely, f.actors[who], now)).map(
    (e) => `${e.task} ${e.departmentId === f.own ? 'own' : 'other'} ${e.year} ${e.phase}`,
  );

test('an opened year: each department editor has its own three phases to write, nobody else has work', async () => {
  assert.deepEqual(await tasks('editorOwn'), [
    'write own 2027 goal_setting',
    'write own 2027 interim',
    'write own 2027 final',
  ]);
  assert.deepEqual(await tasks('editorOther'), [
    'write other 2027 goal_setting',
    'write other 2027 interim',
    'write other 2027 final',
  ]);
  for (const who of ['admin', 'planning', 'approverOwn', 'approverOther', 'viewer'] as const) {
    assert.deepEqual(await tasks(who), [], who);
    assert.equal(await countWaiting(f.db.kysely, f.actors[who]), 0, who);
  }
});

test('a submission waits for its own approver only, then for planning to accept and publish', async () => {
  await fillPhase(f.db.kysely, f.actors.editorOwn, {
    departmentId: f.own,
    year: YEAR,
    phase: 'goal_setting',
  });
  await act('editorOwn', 'submit');
  assert.deepEqual(await tasks('approverOwn'), ['approve own 2027 goal_setting']);
  assert.deepEqual(await tasks('approverOther'), []);
  assert.deepEqual(await tasks('editorOwn'), ['write own 2027 interim', 'write own 2027 final']);
  assert.deepEqual(await tasks('planning'), []);

  await act('approverOwn', 'approve');
  assert.deepEqual(await tasks('approverOwn'), []);
  assert.deepEqual(await tasks('planning'), ['accept own 2027 goal_setting']);
  await act('planning', 'accept');
  assert.deepEqual(await tasks('planning'), ['publish own 2027 goal_setting']);
  assert.equal(await countWaiting(f.db.kysely, f.actors.planning), 1);
});

test('a 差し戻し comes back first on the editor list, with its comment', async () => {
  await act('planning', 'return');
  const waiting = await waitingFor(f.db.kysely, f.actors.editorOwn, APRIL);
  assert.equal(waiting.length, 3);
  assert.equal(waiting[0]?.phase, 'goal_setting');
  assert.deepEqual(waiting[0]?.returned, { comment: '数値目標を見直してください' });
  assert.equal(waiting[1]?.returned, undefined);
  assert.deepEqual(await tasks('planning'), []);
});

test('overdue: phases past their deadline and still the department’s, for my departments only', async () => {
  const own = await loadInbox(f.db.kysely, f.actors.approverOwn, JUNE);
  assert.deepEqual(
    own.overdue.map((o) => `${o.departmentId === f.own ? 'own' : 'other'} ${o.phase} ${o.dueDate}`),
    // 2026 was imported with its plan only: its 中間報告 and 期末報告 were never started, and late.
    ['own interim 2026-10-31', 'own final 2027-04-30', 'own goal_setting 2027-05-31'],
  );
  const city = await loadInbox(f.db.kysely, f.actors.planning, JUNE);
  assert.equal(city.overdue.length, 6, 'both departments, the same three phases each');
  const editor = await waitingFor(f.db.kysely, f.actors.editorOwn, JUNE);
  assert.deepEqual(
    editor.map((e) => e.overdue),
    [true, false, false],
  );
  const before = await loadInbox(f.db.kysely, f.actors.planning, APRIL);
  assert.deepEqual(
    before.overdue.map((o) => `${o.year} ${o.phase}`),
    ['2026 interim', '2026 interim'],
    'in April only the 2026 中間報告 (due 10月末) is past its deadline',
  );
});

test('progress: my departments through this year’s three phases', async () => {
  const mine = await loadInbox(f.db.kysely, f.actors.editorOwn, JUNE);
  assert.equal(mine.progress.year, YEAR);
  assert.deepEqual(
    mine.progress.departments.map((d) => d.id),
    [f.own],
  );
  assert.deepEqual(
    mine.progress.departments[0]?.cells.map((c) => [c.phase, c.status, c.dueDate, c.overdue]),
    [
      ['goal_setting', 'draft', '2027-05-31', true],
      ['interim', 'draft', '2027-10-31', false],
      ['final', 'draft', '2028-04-30', false],
    ],
  );
  const viewer = await loadInbox(f.db.kysely, f.actors.viewer, JUNE);
  assert.deepEqual(viewer.progress.departments.map((d) => d.id).sort(), [f.own, f.other].sort());
  assert.deepEqual(viewer.waiting, []);
  // A year nobody opened: every phase not started, nothing overdue.
  const later = await loadInbox(f.db.kysely, f.actors.planning, new Date('2030-06-15T03:00:00Z'));
  assert.ok(
    later.progress.departments.every((d) => d.cells.every((c) => c.status === undefined && !c.overdue)),
  );
});

test('overdue on the home is the matrix’s: a year with phases never started counts them, by the default deadlines', async () => {
  // A year that exists without phase rows, as an import of another block leaves it: nothing stored,
  // so every phase is 未開始 and, by June 2027, past its default deadline.
  await ensureFiscalYear(f.db.kysely, f.municipalityId, 2024);
  const home = await loadInbox(f.db.kysely, f.actors.planning, JUNE);
  const matrix = (
    await Promise.all(
      [2024, 2025, 2026, YEAR].map((fiscalYear) =>
        overdueFor(f.db.kysely, { municipalityId: f.municipalityId, fiscalYear, now: JUNE }),
      ),
    )
  ).flat();
  const key = (o: { departmentId: number; year: number; phase: string }) =>
    `${o.departmentId} ${o.year} ${o.phase}`;
  assert.equal(matrix.length, 12, 'six of 2024, four of 2026 and two 目標設定 of 2027; 2025 moved on');
  assert.deepEqual(home.overdue.map(key).sort(), matrix.map(key).sort());
  assert.ok(
    home.overdue.some((o) => o.year === 2024 && o.status === undefined && o.dueDate === '2024-10-31'),
  );
});

test('the home asks the same few queries however many years the city has, and still lists each year’s overdue', async () => {
  const queriesOfHome = async () => {
    let queries = 0;
    const counted = f.db.kysely.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const home = await loadInbox(counted, f.actors.planning, JUNE);
    return { queries, home };
  };
  const few = await queriesOfHome();
  for (const year of [2018, 2019, 2020, 2021, 2022])
    await ensureFiscalYear(f.db.kysely, f.municipalityId, year);
  const many = await queriesOfHome();
  assert.equal(many.queries, few.queries, 'five more years, not one query more');
  const years = await listFiscalYears(f.db.kysely, f.municipalityId);
  const matrix = (
    await Promise.all(
      years.map((fiscalYear) =>
        overdueFor(f.db.kysely, { municipalityId: f.municipalityId, fiscalYear, now: JUNE }),
      ),
    )
  ).flat();
  const key = (o: { departmentId: number; year: number; phase: string }) =>
    `${o.departmentId} ${o.year} ${o.phase}`;
  assert.equal(many.home.overdue.length, few.home.overdue.length + 5 * 2 * 3, 'every phase of the new years');
  assert.deepEqual(many.home.overdue.map(key).sort(), matrix.map(key).sort());
});
