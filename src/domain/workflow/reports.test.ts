import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../errors.ts';
import { fillPhase, openInOrder } from '../../test-support/phase-fill.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { loadAssessments } from './final.repo.ts';
import { saveAssessment } from './final.service.ts';
import { loadInterim } from './interim.repo.ts';
import { saveInterimProgress } from './interim.service.ts';
import { transition } from './transition.service.ts';
import { ownCrew, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;
let f: WorkflowFixture;
let fy2025 = 0;
let fy2026 = 0;

before(async () => {
  f = await workflowFixture();
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2025 });
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2026 });
  fy2025 = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2025)) ?? -1;
  fy2026 = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2026)) ?? -1;
});
after(async () => {
  await f.db.destroy();
});

async function phaseVersion(year: number, phase: 'final' | 'interim') {
  const fy = year === 2025 ? fy2025 : fy2026;
  const row = await f.db.kysely
    .selectFrom('phase_status')
    .select('version')
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy)
    .where('phase', '=', phase)
    .executeTakeFirstOrThrow();
  return row.version;
}

test('final: submission is refused while a goal is unassessed or 未達成/概ね達成 without a reason', async () => {
  // The import published 2025's final phase; planning returns it for a correction first.
  const submit = async () =>
    transition(f.db.kysely, f.actors.editorOwn, {
      departmentId: f.own,
      year: 2025,
      phase: 'final',
      action: 'submit',
      version: await phaseVersion(2025, 'final'),
    });
  await assert.rejects(submit(), code('CONFLICT'), 'published: not submittable');
  await transition(f.db.kysely, f.actors.planning, {
    departmentId: f.own,
    year: 2025,
    phase: 'final',
    action: 'return',
    version: await phaseVersion(2025, 'final'),
    comment: '評価と理由を記入してください',
  });
  // 期末報告 opens once the year's 中間報告 is accepted (phase-order.ts).
  await openInOrder(f.db.kysely, ownCrew(f), { departmentId: f.own, year: 2025, phase: 'final' });
  const [g1, g2] = await loadAssessments(f.db.kysely, f.own, fy2025);
  assert.ok(g1 && g2, 'two review goals');
  await assert.rejects(submit(), /重点目標1の評価/);

  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g1.goalId,
    assessment: 'achieved',
    reason: '',
    version: 0,
  });
  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g2.goalId,
    assessment: 'not_achieved',
    reason: ' ',
    version: 0,
  });
  await assert.rejects(
    submit(),
    (e: unknown) => e instanceof AppError && e.code === 'PHASE_INCOMPLETE' && /未達成/.test(e.message),
  );
  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g2.goalId,
    assessment: 'mostly',
    reason: '',
    version: 1,
  });
  await assert.rejects(submit(), /概ね達成/, '概ね達成 needs a reason too');
  await assert.rejects(
    saveAssessment(f.db.kysely, f.actors.editorOwn, {
      goalId: g2.goalId,
      assessment: 'mostly',
      reason: 'x',
      version: 1,
    }),
    code('STALE'),
  );
  await assert.rejects(
    saveAssessment(f.db.kysely, f.actors.editorOther, {
      goalId: g2.goalId,
      assessment: 'mostly',
      reason: 'x',
      version: 2,
    }),
    code('FORBIDDEN'),
  );
  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g2.goalId,
    assessment: 'mostly',
    reason: '用地交渉が長引き、着工が翌年度にずれ込んだため',
    version: 2,
  });
  assert.equal((await submit()).to, 'submitted');
  await assert.rejects(
    saveAssessment(f.db.kysely, f.actors.editorOwn, {
      goalId: g1.goalId,
      assessment: 'mostly',
      reason: 'x',
      version: 1,
    }),
    code('LOCKED'),
    'a submitted report is locked',
  );
});

test('interim: progress per plan item, with its quantities, editable only in draft', async () => {
  const item = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select('item.id')
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy2026)
    .where('goal.block', '=', 'plan')
    .orderBy('item.id')
    .executeTakeFirstOrThrow();
  const v1 = await saveInterimProgress(f.db.kysely, f.actors.editorOwn, {
    itemId: item.id,
    text: '9月末までに説明会を６回開催（参加者 180人）',
    version: 0,
  });
  const entry = (await loadInterim(f.db.kysely, f.own, fy2026)).get(item.id);
  assert.equal(entry?.version, v1);
  assert.deepEqual(
    entry?.quantities.map((q) => [q.value, q.unit]),
    [
      [6, '回'],
      [180, '人'],
    ],
  );
  await assert.rejects(
    saveInterimProgress(f.db.kysely, f.actors.editorOwn, {
      itemId: item.id,
      text: '古い画面から',
      version: 0,
    }),
    code('STALE'),
  );
  // Submitting checks completeness: the other items are reported too.
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2026, phase: 'interim' });
  await transition(f.db.kysely, f.actors.editorOwn, {
    departmentId: f.own,
    year: 2026,
    phase: 'interim',
    action: 'submit',
    version: await phaseVersion(2026, 'interim'),
  });
  await assert.rejects(
    saveInterimProgress(f.db.kysely, f.actors.editorOwn, {
      itemId: item.id,
      text: '提出後の変更',
      version: v1,
    }),
    code('LOCKED'),
  );
});
