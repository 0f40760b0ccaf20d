import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import { indicatorFieldOfPath, readIndicatorForm } from './indicator-input.ts';

const form = (fields: Record<string, string>) => readIndicatorForm({ kind: 'outcome', ...fields });
const fieldOfFailure = (fields: Record<string, string>) => {
  try {
    form(fields);
  } catch (error) {
    assert.ok(error instanceof AppError && error.code === 'INVALID_INPUT');
    return error.location.field;
  }
  assert.fail('accepted');
};

describe('readIndicatorForm', () => {
  it('reads what people type: full-width digits, commas, minus signs, slashes, 年度', () => {
    assert.deepEqual(
      form({
        baselineValue: '−１２．５',
        baselineDate: '2023/4/1',
        longTermValue: ' 12,345 ',
        longTermYear: '2030年度',
      }),
      {
        kind: 'outcome',
        name: undefined,
        baseline: { value: -12.5, date: '2023-04-01' },
        longTerm: { value: 12345, year: 2030 },
      },
    );
  });

  it('leaves empty optional fields unset', () => {
    assert.deepEqual(form({ name: '', baselineValue: '', baselineDate: '', longTermValue: '' }), {
      kind: 'outcome',
      name: undefined,
      baseline: undefined,
      longTerm: undefined,
    });
  });

  it('names the wrong field by its form name', () => {
    assert.equal(fieldOfFailure({ kind: '' }), 'kind');
    assert.equal(fieldOfFailure({ name: 'あ'.repeat(201) }), 'name');
    assert.equal(fieldOfFailure({ baselineValue: '1200人' }), 'baselineValue');
    assert.equal(fieldOfFailure({ baselineValue: '1', baselineDate: '2023-13-01' }), 'baselineDate');
    assert.equal(fieldOfFailure({ longTermYear: '2030' }), 'longTermValue');
    assert.equal(fieldOfFailure({ longTermValue: '5', longTermYear: '1988' }), 'longTermYear');
  });

  it("maps the service's paths to the form's names", () => {
    assert.equal(indicatorFieldOfPath('baseline.date'), 'baselineDate');
    assert.equal(indicatorFieldOfPath('baseline.value'), 'baselineValue');
    assert.equal(indicatorFieldOfPath('longTerm.year'), 'longTermYear');
    assert.equal(indicatorFieldOfPath('longTermValue'), 'longTermValue');
    assert.equal(indicatorFieldOfPath(undefined), 'kind');
  });
});
