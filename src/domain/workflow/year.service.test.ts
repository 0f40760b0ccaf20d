import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { loadDeadlines, openFiscalYear, setDeadline } from './year.service.ts';

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;
let f: WorkflowFixture;

before(async () => {
  f = await workflowFixture();
});
after(async () => {
  await f.db.destroy();
});

async function statuses(year: number) {
  const fy = await findFiscalYearId(f.db.kysely, f.municipalityId, year);
  const rows = await f.db.kysely
    .selectFrom('phase_status')
    .select(['department_id', 'phase', 'status'])
    .where('fiscal_year_id', '=', fy ?? -1)
    .orderBy('department_id')
    .orderBy('phase')
    .execute();
  return rows.map((r) => `${r.department_id === f.own ? 'own' : 'other'}:${r.phase}:${r.status}`);
}

test('only planning opens a year', async () => {
  for (const who of ['admin', 'editorOwn', 'approverOwn', 'viewer'] as const) {
    await assert.rejects(openFiscalYear(f.db.kysely, f.actors[who], { year: 2028 }), code('FORBIDDEN'));
  }
  assert.equal(await findFiscalYearId(f.db.kysely, f.municipalityId, 2028), undefined);
});

test('opening a year creates a draft of every phase for every department, with default deadlines', async () => {
  const opened = await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2028 });
  assert.equal(opened.created, 6);
  assert.deepEqual(await statuses(2028), [
    'own:final:draft',
    'own:goal_setting:draft',
    'own:interim:draft',
    'other:final:draft',
    'other:goal_setting:draft',
    'other:interim:draft',
  ]);
  assert.deepEqual(await loadDeadlines(f.db.kysely, opened.fiscalYearId), {
    goal_setting: '2028-05-31',
    interim: '2028-10-31',
    final: '2029-04-30',
  });
  const again = await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2028 });
  assert.equal(again.created, 0, 'opening twice creates nothing');
});

test('phases an import already published stay published', async () => {
  // The fixture imported plan year 2026: goal_setting 2026 and final 2025 are public documents.
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2026 });
  const rows = await statuses(2026);
  assert.ok(rows.includes('own:goal_setting:published'));
  assert.ok(rows.includes('own:interim:draft'));
});

test('planning moves a deadline; a malformed date is refused', async () => {
  await setDeadline(f.db.kysely, f.actors.planning, { year: 2028, phase: 'interim', dueDate: '2028-11-15' });
  const fy = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2028)) ?? -1;
  assert.equal((await loadDeadlines(f.db.kysely, fy)).interim, '2028-11-15');
  await assert.rejects(
    setDeadline(f.db.kysely, f.actors.planning, { year: 2028, phase: 'interim', dueDate: '2028-02-30' }),
    code('INVALID_INPUT'),
  );
  await assert.rejects(
    setDeadline(f.db.kysely, f.actors.editorOwn, { year: 2028, phase: 'interim', dueDate: '2028-11-20' }),
    code('FORBIDDEN'),
  );
});
