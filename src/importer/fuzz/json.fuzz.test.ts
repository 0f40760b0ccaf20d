import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { makeDocument } from '../../test-support/factories.ts';
import { firstErrorOffset } from '../json-error.ts';
import { applyEdit, parsesOrRefuses, runs, textEdit, utf8 } from './fuzz.testkit.ts';

const BUDGET_MS = 5_000;
const valid = JSON.stringify(makeDocument(), null, 2);

const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\\u',
  'null',
  '-',
  '1e400',
  '9'.repeat(309),
  '\n',
];
const jsonEdit = fc.oneof(
  textEdit,
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...JSON_TOKENS) }),
);

/** A leaf of the valid document replaced by any JSON value: wrong types, huge numbers, nesting. */
const replacedLeaf = fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([pick, value]) => {
  const leaves = [...valid.matchAll(/: ("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/g)];
  const leaf = leaves[pick % leaves.length];
  if (!leaf || leaf.index === undefined) return valid;
  const start = leaf.index + 2;
  return valid.slice(0, start) + JSON.stringify(value) + valid.slice(start + (leaf[1]?.length ?? 0));
});

describe('JSON reader under fuzzing (issue 13, defect 16)', () => {
  it('any JSON value parses or is refused with an AppError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), async (text) => {
        await parsesOrRefuses('any.json', utf8(text), BUDGET_MS);
      }),
      runs(300),
    );
  });

  it('a valid document with a leaf replaced or the text damaged parses or is refused', async () => {
    const damaged = fc
      .array(jsonEdit, { minLength: 1, maxLength: 3 })
      .map((edits) => edits.reduce(applyEdit, valid));
    await fc.assert(
      fc.asyncProperty(fc.oneof(replacedLeaf, damaged), async (text) => {
        const outcome = await parsesOrRefuses('edited.json', utf8(text), BUDGET_MS);
        if ('refused' in outcome && outcome.refused.code === 'PARSE_ERROR' && /^\s*[[{]/.test(text)) {
          assert.ok(outcome.refused.location.line !== undefined, 'a syntax error names its line');
        }
      }),
      runs(400),
    );
  });

  it('the syntax scan behind the line and column agrees with JSON.parse', () => {
    const candidate = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.array(jsonEdit, { maxLength: 3 }).map((edits) => edits.reduce(applyEdit, valid)),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(candidate, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        assert.equal(firstErrorOffset(text) === undefined, valid, JSON.stringify(text.slice(0, 200)));
      }),
      runs(1000),
    );
  });
});
