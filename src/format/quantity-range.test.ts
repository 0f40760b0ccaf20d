import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractQuantities } from '../quantities/extract.ts';
import { quantitiesOf } from '../quantities/fill.ts';
import { documentSchema } from './document.schema.ts';
import { digitCount, digitsOfValue, isQuantityValue, MAX_QUANTITY } from './quantity-range.ts';

const hugeDigits = '9'.repeat(309);

describe('quantity range (issue 13, defect 6)', () => {
  it('counts the digits a number is written with, in text and as a value', () => {
    assert.equal(digitCount('1,248.5'), 5);
    assert.equal(digitsOfValue(1248.5), 5);
    assert.equal(digitsOfValue(1e-7), 8);
    assert.equal(digitsOfValue(1e21), 22);
  });

  it('keeps 1000兆 and refuses anything larger, non-finite or longer than 20 digits', () => {
    assert.equal(isQuantityValue(MAX_QUANTITY), true);
    assert.equal(isQuantityValue(-MAX_QUANTITY), true);
    assert.equal(isQuantityValue(MAX_QUANTITY * 1.5), false);
    assert.equal(isQuantityValue(Number.POSITIVE_INFINITY), false);
    assert.equal(isQuantityValue(Number.NaN), false);
    assert.equal(isQuantityValue(1e-300), false);
    assert.equal(isQuantityValue(0.000125), true);
  });

  it('reads no quantity from a 309-digit number, and the text stays as written', () => {
    const text = `目標${hugeDigits}件以上、研修3回`;
    const found = extractQuantities(text);
    assert.deepEqual(
      found.map((q) => [q.value, q.unit]),
      [[3, '回']],
    );
    assert.ok(found.every((q) => Number.isFinite(q.value)));
  });

  it('refuses a sum of place words beyond 1000兆 and 21 written digits, keeps 1000兆円', () => {
    assert.deepEqual(quantitiesOf('9999兆円', 'actual'), []);
    assert.deepEqual(quantitiesOf(`${'1'.repeat(21)}円`, 'actual'), []);
    assert.deepEqual(quantitiesOf('0.0000000000000000000001%', 'actual'), []);
    assert.deepEqual(
      quantitiesOf('1000兆円', 'target').map((q) => q.value),
      [1e15],
    );
  });

  it('the interchange schema refuses an out-of-range value and names the field', () => {
    const doc = {
      department: '総務部',
      review: { fiscalYear: 2023, goals: [] },
      plan: {
        fiscalYear: 2024,
        goals: [
          {
            no: 1,
            title: 't',
            items: [{ no: 1, text: 'x', quantities: [{ value: 1e16, unit: '件', comparator: '=' }] }],
          },
        ],
      },
      warnings: [],
    };
    const result = documentSchema.safeParse(doc);
    assert.equal(result.success, false);
    const issue = result.error?.issues[0];
    assert.deepEqual(issue?.path, ['plan', 'goals', 0, 'items', 0, 'quantities', 0, 'value']);
    assert.match(issue?.message ?? '', /1000000000000000/);
  });

  it('every quantity read from any run of digits, separators and place words is in range', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[0-9０-９]{1,30}$/),
      fc.constantFrom(
        ',',
        '.',
        '，',
        '．',
        '兆',
        '億',
        '万',
        '千',
        '百',
        '千万',
        '件',
        '円',
        '%',
        '人',
        '以上',
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        for (const q of extractQuantities(pieces.join(''))) {
          assert.ok(isQuantityValue(q.value), `${q.text} → ${q.value}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
