import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsesOrRefuses } from '../fuzz.testkit.ts';
import { regressionCases } from './regression.cases.ts';

/** The inputs took up to 103 s; linear parsing of the small instances takes well under 1 s. */
const BUDGET_MS = 20_000;
const FULL = process.env.MOKUHYO_REGRESSION_FULL === '1';

describe('issue 13 inputs as regression cases (defect 16)', () => {
  for (const regression of regressionCases) {
    const scales = regression.fullReady !== undefined;
    const sizes =
      scales && (regression.fullReady || FULL) ? (['small', 'full'] as const) : (['small'] as const);
    for (const size of sizes) {
      const label = scales ? ` (${size})` : '';
      const todo = regression.waitsFor && `waits for ${regression.waitsFor}`;
      it(`defect ${regression.defect}: ${regression.name}${label}`, { todo }, async () => {
        const bytes = await regression.build(size);
        const outcome = await parsesOrRefuses(regression.file, bytes, BUDGET_MS);
        if (regression.expect === 'parses') assert.ok('parsed' in outcome, 'expected the input to parse');
        if (typeof regression.expect === 'object') {
          assert.ok('refused' in outcome, 'expected a refusal');
          assert.equal(outcome.refused.code, regression.expect.refused);
        }
        regression.check?.(outcome);
      });
    }
  }
});
