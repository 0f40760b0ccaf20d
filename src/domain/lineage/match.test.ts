import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Goal } from '../../format/document.schema.ts';
import { linkKey, suggestLinks } from './match.ts';
import { GOAL_THRESHOLD, type GoalText } from './score.ts';
import { dice, foldKey } from './similarity.ts';

const seed = JSON.parse(
  readFileSync(
    new URL('../../../../shared/seeds/000_e224602d88f71594.expected.json', import.meta.url),
    'utf8',
  ),
) as { review: { goals: Goal[] }; plan: { goals: Goal[] } };

/** Ids stand in for database ids: block base + goal no (× 10 + item no for items). */
function texts(goals: Goal[], base: number): GoalText[] {
  return goals.map((g) => ({
    id: base + g.no,
    no: g.no,
    title: g.title,
    items: g.items.map((i) => ({
      id: (base + g.no) * 10 + i.no,
      no: i.no,
      text: i.text,
      unit: i.unit ?? null,
    })),
  }));
}

const review = texts(seed.review.goals, 100);
const plan = texts(seed.plan.goals, 200);
const goalPairs = (links: ReturnType<typeof suggestLinks>) =>
  links
    .filter((l) => l.kind === 'continues' && l.fromItemId === null && l.toItemId === null)
    .map((l) => `${l.fromGoalId - 100}→${l.toGoalId - 200}`)
    .sort();

describe('similarity', () => {
  it('folds width and whitespace before comparing', () => {
    assert.equal(foldKey(' ＡＭＵ による\u3000場 '), 'AMUによる場');
    assert.equal(dice('ＡＢＣ', 'ABC'), 1);
    assert.equal(dice('多文化共生', '窓口の混雑'), 0);
    assert.ok(
      dice('参加と協働によるまちづくりの推進', '自治基本条例に基づく参加と協働によるまちづくりの推進') > 0.7,
    );
  });
});

describe('suggestLinks on the seed table (review 2021 → plan 2022)', () => {
  const links = suggestLinks(review, plan, 'continues');

  it('links reordered and identical goals one to one', () => {
    assert.deepEqual(goalPairs(links), ['1→1', '2→2', '3→3', '4→6', '6→4', '7→7']);
  });

  it('review goal 5 lives on as plan goal 1 item ④ (absorbed)', () => {
    const absorbed = links.filter((l) => l.kind === 'absorbed');
    assert.deepEqual(
      absorbed.map((l) => [l.fromGoalId, l.toGoalId, l.toItemId]),
      [[105, 201, 2014]],
    );
    assert.ok((absorbed[0]?.score ?? 0) >= 0.3);
  });

  it('plan goal 5 (デジタル技術…) has no predecessor', () => {
    assert.ok(!links.some((l) => l.toGoalId === 205));
  });

  it('matches items inside a goal pair, one to one', () => {
    const items = links.filter((l) => l.fromGoalId === 104 && l.fromItemId !== null);
    assert.deepEqual(
      items.map((l) => [l.fromItemId, l.toItemId]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [1041, 1042, 1043, 1044, 1045].map((id) => [id, id - 1040 + 2060]),
    );
  });

  it('scores stay within 0..1 and goal links clear the threshold', () => {
    for (const l of links) assert.ok(l.score >= GOAL_THRESHOLD && l.score <= 1, JSON.stringify(l));
  });

  it('honours decisions: a rejected pair is not suggested, a confirmed goal is not matched again', () => {
    const rejected = new Set([linkKey({ fromGoalId: 104, fromItemId: null, toGoalId: 206, toItemId: null })]);
    const decided = [
      { kind: 'continues' as const, fromGoalId: 102, fromItemId: null, toGoalId: 202, toItemId: null },
    ];
    const again = suggestLinks(review, plan, 'continues', { decided, rejected });
    // 2→2 is decided (not suggested again); 4 may not go to 6, and 2 is taken.
    assert.deepEqual(goalPairs(again), ['1→1', '3→3', '6→4', '7→7']);
    // Items of the decided pair are still suggested.
    assert.ok(again.some((l) => l.fromGoalId === 102 && l.toGoalId === 202 && l.fromItemId !== null));
  });
});
