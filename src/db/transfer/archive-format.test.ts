import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../errors.ts';
import { ARCHIVE_FORMAT, decodeValue, encodeValue, parseHeader } from './archive-format.ts';

test('values JSON cannot hold exactly come back the same', () => {
  const values: unknown[] = [
    null,
    'テキスト\t"quoted"\n😀',
    0.1 + 0.2,
    Number.MAX_SAFE_INTEGER,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    5e-324,
    12345678901234567890n,
    true,
  ];
  for (const v of values) {
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));
    assert.ok(Object.is(back, v), `${String(v)} round trips`);
  }
  assert.ok(Number.isNaN(decodeValue(JSON.parse(JSON.stringify(encodeValue(Number.NaN))))));
  const bytes = Buffer.from([0, 1, 2, 255]);
  assert.deepEqual(decodeValue(JSON.parse(JSON.stringify(encodeValue(bytes)))), bytes);
  const date = new Date('2026-12-03T01:02:03.456Z');
  assert.deepEqual(decodeValue(JSON.parse(JSON.stringify(encodeValue(date)))), date);
});

test('an unknown object in a row is refused, not stored as text', () => {
  assert.throws(() => decodeValue({ $: 'mystery', v: 1 }), AppError);
  assert.throws(() => decodeValue({ a: 1 }), AppError);
});

test('the header names what is wrong: not a backup, another version, a damaged header', () => {
  assert.throws(() => parseHeader({ hello: 1 }, 'x.gz'), /x\.gz is not a mokuhyo backup/);
  assert.throws(
    () => parseHeader({ format: ARCHIVE_FORMAT, version: 2 }, 'x.gz'),
    /format version 2; this mokuhyo reads version 1/,
  );
  assert.throws(
    () => parseHeader({ format: ARCHIVE_FORMAT, version: 1, engine: 'oracle' }, 'x.gz'),
    /damaged backup header/,
  );
});
