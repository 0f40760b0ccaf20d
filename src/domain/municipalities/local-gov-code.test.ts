import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../errors.ts';
import {
  DEMO_LOCAL_GOV_CODE,
  isLocalGovCode,
  localGovCheckDigit,
  parseLocalGovCode,
} from './local-gov-code.ts';

test('check digits of real codes published by 総務省', () => {
  // 北海道, 札幌市, 東京都千代田区, 長野県上田市, 沖縄県那覇市, 横浜市, 大阪市
  for (const code of ['010006', '011002', '131016', '202037', '472018', '141003', '271004']) {
    assert.equal(localGovCheckDigit(code.slice(0, 5)), Number(code[5]), code);
    assert.ok(isLocalGovCode(code), code);
  }
});

test('remainder 0 gives check digit 1, remainder 1 gives 0', () => {
  // 0·6+0·5+0·4+0·3+0·2 = 0 → 11 − 0 = 11 → 1.  01003: 5 + 6 = 11 → remainder 0 → 1.
  assert.equal(localGovCheckDigit('00000'), 1);
  assert.equal(localGovCheckDigit('01003'), 1);
  // 1·6 + 1·5 = 11 + ... : 11000 → 6 + 5 = 11 → 0 → 1; 10001: 6 + 2 = 8 → 3; 20040: 12 + 12 = 24 → 2 → 9.
  assert.equal(localGovCheckDigit('10001'), 3);
  // 12 = 11·1 + 1 → remainder 1 → 10 → 0: 20000 is 2·6 = 12.
  assert.equal(localGovCheckDigit('20000'), 0);
});

test('a wrong check digit, a wrong length or an unused prefecture is refused', () => {
  for (const bad of ['131017', '13101', '1310166', 'abcdef', '481003', '000001']) {
    assert.throws(
      () => parseLocalGovCode(bad),
      (e: unknown) => e instanceof AppError && e.code === 'INVALID_INPUT',
      bad,
    );
  }
  assert.equal(isLocalGovCode('131017'), false);
});

test('full-width digits are read as typed and stored as ASCII', () => {
  assert.equal(parseLocalGovCode(' １３１０１６ '), '131016');
});

test('the demo code is valid but names no prefecture that exists', () => {
  assert.equal(parseLocalGovCode(DEMO_LOCAL_GOV_CODE), DEMO_LOCAL_GOV_CODE);
  assert.ok(Number(DEMO_LOCAL_GOV_CODE.slice(0, 2)) > 47);
});
