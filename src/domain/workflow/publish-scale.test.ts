import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setGradeScale } from '../evaluation/grade.service.ts';
import { scaleForYear } from '../evaluation/grade-scale.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import type { WorkflowAction } from './state-machine.ts';
import { transition } from './transition.service.ts';
import { type Who, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
const YEAR = 2027;

before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: YEAR });
});
after(() => f.db.destroy());

async function act(who: Who, action: WorkflowAction) {
  const fy = await findFiscalYearId(f.db.kysely, f.municipalityId, YEAR);
  const { version } = await f.db.kysely
    .selectFrom('phase_status')
    .select('version')
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy ?? -1)
    .where('phase', '=', 'goal_setting')
    .executeTakeFirstOrThrow();
  return transition(f.db.kysely, f.actors[who], {
    departmentId: f.own,
    year: YEAR,
    phase: 'goal_setting',
    action,
    version,
  });
}

test('publishing a phase records the scale in force; a later scale for that year does not re-grade it', async () => {
  const planning = f.actors.planning;
  await setGradeScale(f.db.kysely, planning, f.municipalityId, { preset: 'abc', fromYear: YEAR });
  const kept = () =>
    f.db.kysely
      .selectFrom('grade_scale_year')
      .select(['name', 'reason'])
      .where('municipality_id', '=', f.municipalityId)
      .where('fiscal_year', '=', YEAR)
      .executeTakeFirst();
  assert.equal(await kept(), undefined);
  for (const [who, action] of [
    ['editorOwn', 'submit'],
    ['approverOwn', 'approve'],
    ['planning', 'accept'],
    ['planning', 'publish'],
  ] as const)
    await act(who, action);
  assert.deepEqual(await kept(), { name: 'A・B・C（3段階）', reason: 'published' });
  await setGradeScale(f.db.kysely, planning, f.municipalityId, { preset: 's_to_c', fromYear: YEAR });
  assert.equal((await scaleForYear(f.db.kysely, f.municipalityId, YEAR)).name, 'A・B・C（3段階）');
  assert.equal((await scaleForYear(f.db.kysely, f.municipalityId, YEAR + 1)).name, 'S・A・B・C（4段階）');
});
