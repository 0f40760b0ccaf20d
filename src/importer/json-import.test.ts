import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.ts';
import { makeDocument } from '../test-support/factories.ts';
import { firstErrorOffset, lineAndColumn } from './json-error.ts';
import { readSource } from './read-source.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(text: string): AppError {
  try {
    readSource('table.json', bytes(text));
  } catch (error) {
    assert.ok(error instanceof AppError, `an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('the JSON was accepted');
}

describe('JSON syntax errors name line and column (issue 13, defect 10a)', () => {
  const cases: Array<[string, string, number, number]> = [
    ['a trailing comma', '{\n  "department": "総務部",\n}', 3, 1],
    ['an unquoted word (Node 20 quotes the input instead of a position)', '\n\n  {"a": tru}', 3, 9],
    ['the text ending mid-document', '[\n  {"department": "総務部"', 2, 23],
    ['a raw tab inside a string', '{"a": "x\ty"}', 1, 9],
    ['garbage after the document', '{}\n{}', 2, 1],
  ];
  for (const [what, text, line, column] of cases) {
    it(what, () => {
      const error = refusal(text);
      assert.equal(error.code, 'PARSE_ERROR');
      assert.deepEqual([error.location.line, error.location.column], [line, column]);
      assert.match(
        error.describe(),
        new RegExp(`^table\\.json:${line}:${column}: not valid JSON at line ${line}, column ${column}: `),
      );
      assert.doesNotMatch(error.message, /総務部|tru\}/, 'the input is never echoed');
    });
  }

  it('counts columns in characters, as an editor shows them', () => {
    assert.deepEqual(lineAndColumn('{"部局": x}', 8), { line: 1, column: 9 });
    assert.deepEqual(lineAndColumn('"𠮷" x', 5), { line: 1, column: 5 });
  });

  it('the own scan agrees with JSON.parse on valid documents', () => {
    for (const text of ['{}', '[]', '[1,-2.5e+3,"\\u00e9",true,false,null,{"a":[{}]}]', ' "x" ']) {
      JSON.parse(text);
      assert.equal(firstErrorOffset(text), undefined, text);
    }
    assert.equal(firstErrorOffset('[01]'), 2);
    assert.equal(firstErrorOffset('{"a" 1}'), 5);
  });
});

describe('JSON import and the quantity range (issue 13, defect 6)', () => {
  const withValue = (literal: string) =>
    JSON.stringify(makeDocument(), null, 2).replace(/"value": 10\b/, `"value": ${literal}`);

  it('refuses a value of 1e400 and a 400-digit value, naming the field', () => {
    for (const literal of ['1e400', '9'.repeat(400), '-1e16']) {
      const text = withValue(literal);
      assert.notEqual(text, JSON.stringify(makeDocument(), null, 2), 'the value was replaced');
      const error = refusal(text);
      assert.equal(error.code, 'NOT_A_DOCUMENT');
      assert.equal(error.location.field, 'plan.goals[0].items[0].quantities[0].value');
      assert.match(error.message, /a quantity must be between -1000000000000000 and 1000000000000000/);
    }
  });

  it('reads a 309-digit target as text without a quantity, and the JSON it makes reads back', () => {
    const target = `登録 ${'9'.repeat(309)}件`;
    const doc = makeDocument({
      plan: {
        fiscalYear: 2023,
        goals: [{ no: 1, title: '大きな数', items: [{ no: 1, text: 'x', target }] }],
      },
    });
    assert.deepEqual(doc.plan.goals[0]?.items[0]?.quantities, []);
    const again = readSource('again.json', bytes(JSON.stringify(doc))).documents[0];
    assert.equal(again?.plan.goals[0]?.items[0]?.target, target);
    assert.deepEqual(again, doc);
  });
});
