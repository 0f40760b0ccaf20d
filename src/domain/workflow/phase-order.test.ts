import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { forgetPhaseRow } from '../../test-support/forced-state.repo.ts';
import { drivePhase, fillPhase } from '../../test-support/phase-fill.ts';
import { ensureDepartment } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { overdueFor } from './overdue.ts';
import { openPhaseEarly } from './phase-opening.service.ts';
import { yearPhaseRows } from './phase-schedule.repo.ts';
import { saveSchedule } from './schedule.service.ts';
import { transition } from './transition.service.ts';
import { ownCrew, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';
import { ensureYearPhases } from './year-phases.service.ts';

let f: WorkflowFixture;
before(async () => {
  f = await workflowFixture();
});
after(async () => {
  await f.db.destroy();
});

const rowOf = async (year: number, phase: string, department = f.own) => {
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, year)) ?? -1;
  return (await yearPhaseRows(f.db.kysely, fy, [department])).find((r) => r.phase === phase);
};
const version = async (year: number, phase: string) =>
  (
    await f.db.kysely
      .selectFrom('phase_status')
      .select('version')
      .where('id', '=', (await rowOf(year, phase))?.id ?? -1)
      .executeTakeFirstOrThrow()
  ).version;
const submit = async (year: number, phase: 'interim' | 'final') =>
  transition(f.db.kysely, f.actors.editorOwn, {
    departmentId: f.own,
    year,
    phase,
    action: 'submit',
    version: await version(year, phase),
  });

test('opening a year gives every department a draft of all three phases', async () => {
  const opened = await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2030 });
  assert.equal(opened.created, 6, 'two departments × three phases');
  for (const d of [f.own, f.other]) {
    for (const phase of ['goal_setting', 'interim', 'final']) {
      assert.equal((await rowOf(2030, phase, d))?.status, 'draft', `${d} ${phase}`);
    }
  }
});

test('a department added later gets its phases when the year is viewed, once', async () => {
  const added = (await ensureDepartment(f.db.kysely, f.municipalityId, '新設部')).id;
  assert.equal(await rowOf(2030, 'interim', added), undefined);
  assert.equal(await ensureYearPhases(f.db.kysely, f.municipalityId, 2030), 3);
  assert.equal((await rowOf(2030, 'final', added))?.status, 'draft');
  assert.equal(await ensureYearPhases(f.db.kysely, f.municipalityId, 2030), 0, 'idempotent');
  assert.equal(
    await ensureYearPhases(f.db.kysely, f.municipalityId, 2099),
    0,
    'a year never opened stays so',
  );
});

test('中間報告 is refused before 目標設定 is published, allowed after; 期末報告 waits for its acceptance', async () => {
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2031 });
  await assert.rejects(submit(2031, 'interim'), (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'CONFLICT');
    assert.match(e.message, /^中間報告は目標設定が公表されてから作成できます。/);
    return true;
  });
  await assert.rejects(submit(2031, 'final'), /期末報告・評価は中間報告が企画に受理されてから作成できます。/);
  await drivePhase(
    f.db.kysely,
    ownCrew(f),
    { departmentId: f.own, year: 2031, phase: 'goal_setting' },
    'published',
  );
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2031, phase: 'interim' });
  assert.equal((await submit(2031, 'interim')).to, 'submitted');
  await assert.rejects(submit(2031, 'final'), /中間報告が企画に受理されてから/, 'submitted is not enough');
  await drivePhase(
    f.db.kysely,
    ownCrew(f),
    { departmentId: f.own, year: 2031, phase: 'interim' },
    'accepted',
  );
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2031, phase: 'final' });
  assert.equal((await submit(2031, 'final')).to, 'submitted');
});

test('an opening day holds a phase back; planning opens it early for one department, audited', async () => {
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2032 });
  await drivePhase(
    f.db.kysely,
    ownCrew(f),
    { departmentId: f.own, year: 2032, phase: 'goal_setting' },
    'published',
  );
  await saveSchedule(f.db.kysely, f.actors.planning, {
    year: 2032,
    form: {
      due_goal_setting: '2032-05-31',
      due_interim: '2199-10-31',
      due_final: '2200-04-30',
      opens_interim: '2199-10-01',
    },
  });
  await assert.rejects(
    fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2032, phase: 'interim' }),
    /中間報告は2199年10月1日から作成できます。/,
  );
  const input = { departmentId: f.own, year: 2032, phase: 'interim' as const };
  await assert.rejects(
    openPhaseEarly(f.db.kysely, f.actors.editorOwn, input),
    (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
  );
  await openPhaseEarly(f.db.kysely, f.actors.planning, input);
  assert.equal((await rowOf(2032, 'interim'))?.openedEarly, true);
  const audit = await f.db.kysely
    .selectFrom('audit_event')
    .select(['actor_login', 'entity_id'])
    .where('action', '=', 'workflow.openEarly')
    .execute();
  assert.deepEqual(audit, [{ actor_login: 'planning', entity_id: (await rowOf(2032, 'interim'))?.id }]);
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2032, phase: 'interim' });
  assert.equal((await submit(2032, 'interim')).to, 'submitted');
});

test('overdueFor: a phase not started or not submitted past its deadline (Tokyo) is 期限超過', async () => {
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2033 });
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2033)) ?? -1;
  // The other department never got an interim row (as when it was added by hand, before any view).
  await forgetPhaseRow(f.db.kysely, { fiscalYearId: fy, departmentId: f.other, phase: 'interim' });
  const scope = { municipalityId: f.municipalityId, fiscalYear: 2033, departmentIds: [f.own, f.other] };
  // 2033-10-31 is the interim deadline: on 11-01 00:30 in Tokyo (still 10-31 in UTC) it is past.
  const late = await overdueFor(f.db.kysely, { ...scope, now: new Date('2033-10-31T15:30:00Z') });
  assert.deepEqual(
    late.map((o) => `${o.departmentId}:${o.phase}:${o.status ?? 'none'}:${o.daysOver}`),
    [
      `${f.own}:goal_setting:draft:154`,
      `${f.own}:interim:draft:1`,
      `${f.other}:goal_setting:draft:154`,
      `${f.other}:interim:none:1`,
    ],
  );
  const before = await overdueFor(f.db.kysely, { ...scope, now: new Date('2033-10-31T14:30:00Z') });
  assert.deepEqual(
    before.map((o) => o.phase),
    ['goal_setting', 'goal_setting'],
    'interim due that day',
  );
  const mine = await overdueFor(f.db.kysely, {
    ...scope,
    departmentIds: [f.other],
    now: new Date('2033-10-31T15:30:00Z'),
  });
  assert.deepEqual(
    mine.map((o) => `${o.departmentId}:${o.phaseLabel}`),
    [`${f.other}:目標設定`, `${f.other}:中間報告`],
  );
});
