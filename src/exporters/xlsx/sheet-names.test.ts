import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WARNINGS_SHEET } from './layout.ts';
import { sheetNames } from './sheet-names.ts';

describe('sheetNames', () => {
  it('replaces characters Excel forbids with their full-width forms', () => {
    assert.deepEqual(sheetNames(['総務部/財政課', 'a[b]:c*d?e\\f']), [
      '総務部／財政課',
      'a［b］：c＊d？e＼f',
    ]);
  });

  it('keeps names within 31 characters and unique regardless of case', () => {
    const long = 'あ'.repeat(40);
    const names = sheetNames([long, long, 'Somu', 'SOMU', "'quoted'", '']);
    assert.deepEqual(names, [
      'あ'.repeat(31),
      `${'あ'.repeat(27)} (2)`,
      'Somu',
      'SOMU (2)',
      'quoted',
      'シート',
    ]);
    for (const name of names) assert.ok(name.length <= 31, name);
  });

  it('never hands out a reserved name', () => {
    assert.deepEqual(sheetNames([WARNINGS_SHEET], [WARNINGS_SHEET]), [`${WARNINGS_SHEET} (2)`]);
  });
});
