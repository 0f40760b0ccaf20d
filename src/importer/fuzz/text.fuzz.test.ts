import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  applyEdit,
  formatText,
  parsesOrRefuses,
  runs,
  textEdit,
  textFixtures,
  utf8,
} from './fuzz.testkit.ts';

/** Generated inputs are at most a few KB: 1 s is two orders of magnitude above a linear parse. */
const BUDGET_MS = 5_000;

describe('text reader under fuzzing (issue 13, defect 16)', () => {
  it('random text made of the format words parses or is refused with an AppError', async () => {
    await fc.assert(
      fc.asyncProperty(formatText, async (text) => {
        await parsesOrRefuses('random.txt', utf8(text), BUDGET_MS);
      }),
      runs(400),
    );
  });

  it('fixtures with edits (cut short, slices lost or doubled, words dropped in) parse or are refused', async () => {
    const fixture = fc.constantFrom(...textFixtures);
    await fc.assert(
      fc.asyncProperty(fixture, fc.array(textEdit, { minLength: 1, maxLength: 4 }), async (text, edits) => {
        await parsesOrRefuses('edited.txt', utf8(edits.reduce(applyEdit, text)), BUDGET_MS);
      }),
      runs(400),
    );
  });

  it('random bytes (any encoding, any damage) parse or are refused', async () => {
    const fixtureBytes = fc.constantFrom(...textFixtures.map(utf8));
    const damaged = fc
      .tuple(fixtureBytes, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }))
      .map(([bytes, flips]) => {
        const copy = bytes.slice();
        for (const [at, value] of flips) copy[at % copy.length] = value;
        return copy;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), damaged), async (bytes) => {
        await parsesOrRefuses('bytes.txt', bytes, BUDGET_MS);
      }),
      runs(300),
    );
  });
});
