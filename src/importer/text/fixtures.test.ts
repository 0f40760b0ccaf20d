import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentSchema } from '../../format/document.schema.ts';
import { decodeInput } from '../decode.ts';
import { expectedOf, fixtureBytes, fixtureNames } from './fixture-files.ts';
import { parseIchiranText } from './parse-text.ts';

describe('parseIchiranText on the project fixtures', () => {
  const names = fixtureNames();

  it('finds the fixtures', () => {
    assert.ok(names.length >= 12, `only ${names.length} fixtures found`);
  });

  for (const name of names) {
    it(`${name} gives exactly its .expected.json`, () => {
      const doc = parseIchiranText(decodeInput(fixtureBytes(name)));
      assert.deepEqual(doc, expectedOf(name));
      assert.equal(documentSchema.safeParse(doc).success, true, 'output satisfies the interchange schema');
    });
  }

  it('never puts quantities on items (another module adds them)', () => {
    for (const name of names) {
      const doc = parseIchiranText(decodeInput(fixtureBytes(name)));
      const items = [...doc.review.goals, ...doc.plan.goals].flatMap((g) => g.items);
      assert.ok(items.length > 0, name);
      assert.ok(
        items.every((item) => !('quantities' in item)),
        name,
      );
    }
  });
});
