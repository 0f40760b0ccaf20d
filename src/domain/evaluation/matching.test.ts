import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { QuantityRow } from '../../db/schema.ts';
import { extractQuantities } from '../../quantities/extract.ts';
import type { StoredGoal } from '../goals/goal.repo.ts';
import { pairGoals, pairItems } from './match-goals.ts';
import { pairQuantities, scorePair } from './match-quantities.ts';
import { contextOf, spanOf } from './note-context.ts';
import { type PreparedQuantity, prepareNote } from './prepare.ts';
import { compatibleUnits } from './units.ts';

let nextId = 1;
function rows(note: string, kind: 'target' | 'actual'): QuantityRow[] {
  return extractQuantities(note).map((q, position) => ({
    id: nextId++,
    item_id: 1,
    kind,
    position,
    value: q.value,
    unit: q.unit,
    comparator: q.comparator,
    span_text: q.text,
    span_start: q.start,
    span_end: q.end,
    origin: 'extracted' as const,
  }));
}
const prepared = (note: string, kind: 'target' | 'actual'): PreparedQuantity[] =>
  prepareNote(note, rows(note, kind), 2023);

/** "target text → actual text" for each pair the matcher makes between two notes. */
function pairs(target: string, actual: string): string[] {
  return pairQuantities(prepared(target, 'target'), prepared(actual, 'actual'))
    .map((p) => `${p.a.row.span_text}→${p.b.row.span_text}`)
    .sort();
}

describe('quantity context', () => {
  test('label, sub-item and the word after a quantity', () => {
    const note = '(1) 物件登録 30件以上 (2) 定員 60人以上増';
    const [first, second] = prepared(note, 'target');
    assert.deepEqual([first?.context.subItem, first?.context.label], [1, '物件登録']);
    assert.deepEqual(
      [second?.context.subItem, second?.context.label, second?.context.suffix],
      [2, '定員', '増'],
    );
  });

  test('other quantities and dates are blanked out of a label', () => {
    const note = '交付率 3/1現在 78.9%';
    const [q] = prepared(note, 'actual');
    assert.equal(q?.context.label, '交付率');
    assert.equal(q?.asOf?.iso, '2024-03-01');
  });

  test('a stored span inside a longer number is moved to where the quantity really starts', () => {
    const note = '・ 浜町地区で設立（12地区目）。残る2地区は準備中';
    const span = spanOf(note, { span_start: 11, span_end: 14, span_text: '2地区' });
    assert.deepEqual(span, { start: note.indexOf('残る') + 2, end: note.indexOf('残る') + 5 });
    assert.equal(contextOf(note, span ?? { start: 0, end: 0 }, []).label, '残る');
  });
});

describe('pairing quantities', () => {
  test('units must be compatible: 人 and 名 are, 回 and 件 are not', () => {
    assert.equal(compatibleUnits('人', '名'), true);
    assert.equal(compatibleUnits('ヶ所', 'か所'), true);
    assert.equal(compatibleUnits('回', '件'), false);
    assert.deepEqual(pairs('相談会 30回以上', '相談 32件'), []);
  });

  test('sub-items (n) decide, whatever the order of the report', () => {
    assert.deepEqual(
      pairs('(1) 来場者 5,000人以上 (2) 来場者 8,000人以上', '(2) 来場者 9,100人 (1) 来場者 4,200人'),
      ['5,000人以上→4,200人', '8,000人以上→9,100人'],
    );
  });

  test('labels pick the actual among several of one unit', () => {
    assert.deepEqual(
      pairs(
        '・ 定員 60人以上増 ・ 待機児童数 5人以下',
        '・ 定員 1,180人（60人増） ・ 待機児童 6人（小学校区）',
      ),
      ['5人以下→6人', '60人以上→60人'],
    );
    assert.deepEqual(
      pairs(
        '・ 新規任用 5名 ・ 任期満了者の市内定住 2名以上',
        '・ 新規任用 4名 ・ 任期満了者3名のうち2名が市内に定住',
      ),
      ['2名以上→2名', '5名→4名'],
    );
  });

  test('a restated target in the report is not taken for the actual', () => {
    assert.deepEqual(pairs('利用率 40%以上', '目標40.0%→3/1現在36.3%'), ['40%以上→36.3%']);
  });

  test('differing sub-items never pair, and an unrelated label needs an unambiguous unit', () => {
    const [t] = prepared('(1) 物件登録 30件以上', 'target');
    const [a] = prepared('(2) 物件登録 34件', 'actual');
    assert.ok(t && a);
    assert.equal(scorePair(t, a, true), null);
    assert.deepEqual(
      pairs('・ 研修会 2回以上 ・ ワークショップ 1回以上', '・ 研修会を2回開催 ・ 13地区で開催'),
      ['2回以上→2回'],
    );
  });
});

const goal = (id: number, no: number, title: string, itemTexts: string[]): StoredGoal => ({
  id,
  no,
  position: no,
  title,
  version: 1,
  items: itemTexts.map((text, i) => ({
    id: id * 100 + i,
    no: i + 1,
    position: i,
    unitId: null,
    unitName: null,
    text,
    target: null,
    achievement: null,
    version: 1,
    quantities: [],
  })),
});

describe('pairing goals and items', () => {
  test('goals pair by title across rows, by similarity when reworded, and not at all when unrelated', () => {
    const plan = [
      goal(1, 1, '子育て支援の充実', ['保育所の待機児童の解消']),
      goal(2, 2, '観光振興による交流人口の拡大', ['観光客の誘致']),
      goal(3, 3, 'デジタル化の推進', ['電子申請の拡大']),
    ];
    const review = [
      goal(11, 1, '観光交流人口の拡大に向けた観光振興', ['観光客の誘致']),
      goal(12, 2, '子育て 支援の充実', ['保育所の待機児童の解消']),
      goal(13, 3, '防災力の強化', ['防災訓練の実施']),
    ];
    const result = pairGoals(plan, review).map((p) => [p.a.id, p.b.id]);
    assert.deepEqual(result.sort(), [
      [1, 12],
      [2, 11],
    ]);
  });

  test('items pair by number, text breaking ties and following a renumbered item', () => {
    const plan = goal(1, 1, 'g', ['説明会の開催', '補助金の交付', '計画の策定']).items;
    const review = goal(2, 1, 'g', ['補助金の交付', '説明会の開催', '計画の策定']).items;
    const result = pairItems(plan, review).map((p) => `${p.a.text}=${p.b.text}`);
    assert.deepEqual(
      result.sort(),
      ['補助金の交付=補助金の交付', '計画の策定=計画の策定', '説明会の開催=説明会の開催'].sort(),
    );
  });
});
