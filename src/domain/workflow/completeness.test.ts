import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Phase } from '../../db/schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, makeGoal, makeItem, sourceOf } from '../../test-support/factories.ts';
import { fillPhase, openInOrder } from '../../test-support/phase-fill.ts';
import { GRADE_PRESETS } from '../evaluation/grades.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { editItem } from '../goals/item-edit.service.ts';
import { isBelowPass, isPhaseIncomplete, type PhaseGap, passBandIndex, phaseGaps } from './completeness.ts';
import { loadAssessments } from './final.repo.ts';
import { saveAssessment } from './final.service.ts';
import { loadInterim } from './interim.repo.ts';
import { saveInterimProgress } from './interim.service.ts';
import { transition } from './transition.service.ts';
import { OWN, ownCrew, type WorkflowFixture, workflowFixture } from './workflow.testkit.ts';
import { openFiscalYear } from './year.service.ts';

let f: WorkflowFixture;
let fy2025 = 0;

before(async () => {
  f = await workflowFixture();
  // 2025's plan (targets) and a 2025 review whose 達成状況 are blank but one, which misses its target.
  await importSources(
    f.db.kysely,
    [
      sourceOf(
        makeDocument({ department: OWN, planYear: 2025 }),
        makeDocument({
          department: OWN,
          planYear: 2026,
          review: {
            fiscalYear: 2025,
            goals: [
              makeGoal(1, [makeItem(1, { achievement: '説明会を3回開催' }), makeItem(2)]),
              makeGoal(2, [makeItem(1)], '計画づくり'),
            ],
          },
        }),
      ),
    ],
    { published: true },
  );
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2025 });
  await openFiscalYear(f.db.kysely, f.actors.planning, { year: 2026 });
  fy2025 = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2025)) ?? -1;
});
after(async () => {
  await f.db.destroy();
});

async function status(year: number, phase: Phase) {
  const fy = await findFiscalYearId(f.db.kysely, f.municipalityId, year);
  return f.db.kysely
    .selectFrom('phase_status')
    .select(['status', 'version'])
    .where('department_id', '=', f.own)
    .where('fiscal_year_id', '=', fy ?? -1)
    .where('phase', '=', phase)
    .executeTakeFirstOrThrow();
}

/** Imported tables may arrive published: planning returns them so the department can edit. */
async function toDraft(year: number, phase: Phase) {
  const s = await status(year, phase);
  if (s.status === 'draft') return;
  await transition(f.db.kysely, f.actors.planning, {
    departmentId: f.own,
    year,
    phase,
    action: 'return',
    version: s.version,
    comment: '記入し直してください',
  });
}

async function submit(year: number, phase: Phase) {
  return transition(f.db.kysely, f.actors.editorOwn, {
    departmentId: f.own,
    year,
    phase,
    action: 'submit',
    version: (await status(year, phase)).version,
  });
}

async function refusal(year: number, phase: Phase): Promise<PhaseGap[]> {
  const error = await submit(year, phase).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(isPhaseIncomplete(error), `refused as PHASE_INCOMPLETE, got ${String(error)}`);
  assert.equal(error.code, 'PHASE_INCOMPLETE');
  return error.gaps;
}

const fields = (gaps: PhaseGap[]) => gaps.map((g) => g.field).sort();

test('a blank 期末報告 is refused with every gap; filling each gap clears it', async () => {
  await toDraft(2025, 'final');
  // 期末報告 opens once the year's 中間報告 is accepted (phase-order.ts).
  await openInOrder(f.db.kysely, ownCrew(f), { departmentId: f.own, year: 2025, phase: 'final' });
  const review = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select(['item.id', 'item.no', 'item.text', 'item.version', 'goal.id as goalId', 'goal.no as goalNo'])
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy2025)
    .where('goal.block', '=', 'review')
    .orderBy('goal.no')
    .orderBy('item.no')
    .execute();
  const [reported, blank1, blank2] = review;
  assert.ok(reported && blank1 && blank2, 'three review items');
  const goals = [...new Set(review.map((r) => r.goalId))];
  let gaps = await refusal(2025, 'final');
  assert.deepEqual(
    fields(gaps),
    [
      `item.${blank1.id}.achievement`,
      `item.${blank2.id}.achievement`,
      ...goals.map((g) => `goal.${g}.assessment`),
    ].sort(),
  );
  const achievementGap = gaps.find((g) => g.field === `item.${blank1.id}.achievement`);
  assert.deepEqual(
    { page: achievementGap?.page, block: achievementGap?.block, anchor: achievementGap?.anchor },
    { page: 'editor', block: 'review', anchor: `item-${blank1.id}-note` },
  );
  assert.match(achievementGap?.message ?? '', /重点目標1・取組項目2の達成状況を入力/);
  assert.equal((await status(2025, 'final')).status, 'draft', 'nothing moved');

  for (const item of [blank1, blank2]) {
    await editItem(f.db.kysely, f.actors.editorOwn, {
      itemId: item.id,
      no: item.no,
      unit: null,
      text: item.text,
      note: '実施した',
      version: item.version,
    });
    const now = await refusal(2025, 'final');
    assert.equal(now.length, gaps.length - 1, 'one gap fewer');
    assert.ok(!now.some((g) => g.field === `item.${item.id}.achievement`));
    gaps = now;
  }

  const [g1, g2] = goals;
  assert.ok(g1 && g2);
  // Self-rated 達成, but 3 of 10 説明会 is below the pass band: the computed grade wants a reason.
  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g1,
    assessment: 'achieved',
    reason: '',
    version: 0,
  });
  gaps = await refusal(2025, 'final');
  const reason = gaps.find((g) => g.field === `goal.${g1}.reason`);
  assert.equal(reason?.anchor, `reason-${g1}`);
  assert.match(reason?.message ?? '', /計算した評価が「未達成」/);

  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g2,
    assessment: 'not_achieved',
    reason: ' ',
    version: 0,
  });
  gaps = await refusal(2025, 'final');
  assert.deepEqual(fields(gaps), [`goal.${g1}.reason`, `goal.${g2}.reason`].sort());
  assert.match(gaps.find((g) => g.field === `goal.${g2}.reason`)?.message ?? '', /「未達成」/);

  const versions = new Map(
    (await loadAssessments(f.db.kysely, f.own, fy2025)).map((a) => [a.goalId, a.assessment?.version ?? 0]),
  );
  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g1,
    assessment: 'achieved',
    reason: '会場の改修で3回に減った',
    version: versions.get(g1) ?? 0,
  });
  assert.deepEqual(fields(await refusal(2025, 'final')), [`goal.${g2}.reason`]);
  await saveAssessment(f.db.kysely, f.actors.editorOwn, {
    goalId: g2,
    assessment: 'not_achieved',
    reason: '策定作業が翌年度にずれ込んだ',
    version: versions.get(g2) ?? 0,
  });
  assert.deepEqual(
    await phaseGaps(f.db.kysely, { departmentId: f.own, fiscalYearId: fy2025, year: 2025, phase: 'final' }),
    [],
  );
  assert.equal((await submit(2025, 'final')).to, 'submitted');
});

test('an interim item is either reported or marked 未着手; 未着手 alone passes', async () => {
  const fy2026 = (await findFiscalYearId(f.db.kysely, f.municipalityId, 2026)) ?? -1;
  await toDraft(2026, 'interim');
  const items = await f.db.kysely
    .selectFrom('item')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .select('item.id')
    .where('goal.department_id', '=', f.own)
    .where('goal.fiscal_year_id', '=', fy2026)
    .where('goal.block', '=', 'plan')
    .orderBy('goal.no')
    .orderBy('item.no')
    .execute();
  const [first, ...rest] = items;
  assert.ok(first && rest.length > 0);
  const gaps = await refusal(2026, 'interim');
  assert.deepEqual(fields(gaps), items.map((i) => `item.${i.id}.interim`).sort());
  assert.equal(gaps[0]?.page, 'interim');
  assert.match(gaps[0]?.message ?? '', /未着手/);

  const v = await saveInterimProgress(f.db.kysely, f.actors.editorOwn, {
    itemId: first.id,
    text: '',
    notStarted: true,
    version: 0,
  });
  assert.equal(v, 1, 'a 未着手 mark with no text is kept');
  assert.equal((await loadInterim(f.db.kysely, f.own, fy2026)).get(first.id)?.notStarted, true);
  assert.deepEqual(fields(await refusal(2026, 'interim')), rest.map((i) => `item.${i.id}.interim`).sort());

  // Unmarking with no text clears the item again: a gap once more.
  await saveInterimProgress(f.db.kysely, f.actors.editorOwn, {
    itemId: first.id,
    text: '',
    notStarted: false,
    version: 1,
  });
  assert.equal((await refusal(2026, 'interim')).length, items.length);

  for (const item of items) {
    await saveInterimProgress(f.db.kysely, f.actors.editorOwn, {
      itemId: item.id,
      text: '',
      notStarted: true,
      version: 0,
    });
  }
  assert.equal((await submit(2026, 'interim')).to, 'submitted');
});

test('fillPhase (test support) completes a phase through the editor services', async () => {
  await toDraft(2026, 'final');
  await openInOrder(f.db.kysely, ownCrew(f), { departmentId: f.own, year: 2026, phase: 'final' });
  await fillPhase(f.db.kysely, f.actors.editorOwn, { departmentId: f.own, year: 2026, phase: 'final' });
  assert.equal((await submit(2026, 'final')).to, 'submitted');
});

test('the pass band is the one a rate of 100 % reaches, whatever the scale', () => {
  const s = GRADE_PRESETS.s_to_c;
  assert.equal(s.bands[passBandIndex(s)]?.label, 'A');
  assert.deepEqual(
    s.bands.map((b) => isBelowPass(s, b.label)),
    [false, false, true, true],
    'S and A pass; B and C want a reason',
  );
  const d = GRADE_PRESETS.a_to_d;
  assert.deepEqual(
    d.bands.map((b) => isBelowPass(d, b.label)),
    [false, true, true, true],
  );
  assert.equal(isBelowPass(GRADE_PRESETS.achievement, '概ね達成'), true);
  assert.equal(isBelowPass(GRADE_PRESETS.achievement, '達成'), false);
});
