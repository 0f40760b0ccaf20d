import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordHashCostFrom, pdfBrowserAtStartFrom, shutdownGraceMsFrom } from './config.ts';
import { AppError } from './errors.ts';

test('MOKUHYO_PDF_BROWSER: Chromium on first use unless start is asked for; anything else is refused', () => {
  assert.equal(pdfBrowserAtStartFrom({}), false);
  assert.equal(pdfBrowserAtStartFrom({ MOKUHYO_PDF_BROWSER: 'first-use' }), false);
  assert.equal(pdfBrowserAtStartFrom({ MOKUHYO_PDF_BROWSER: ' Start ' }), true);
  assert.throws(
    () => pdfBrowserAtStartFrom({ MOKUHYO_PDF_BROWSER: 'always' }),
    (e: unknown) =>
      e instanceof AppError && e.code === 'CONFIG_ERROR' && /MOKUHYO_PDF_BROWSER/.test(e.message),
  );
});

test('MOKUHYO_TEST_PASSWORD_HASH: standard by default, cheap only under the test runner', () => {
  assert.equal(passwordHashCostFrom({}), 'standard');
  assert.equal(
    passwordHashCostFrom({ MOKUHYO_TEST_PASSWORD_HASH: 'fast', NODE_TEST_CONTEXT: 'child-v8' }),
    'test',
  );
  assert.throws(() => passwordHashCostFrom({ MOKUHYO_TEST_PASSWORD_HASH: 'fast' }), { code: 'CONFIG_ERROR' });
  assert.throws(
    () => passwordHashCostFrom({ MOKUHYO_TEST_PASSWORD_HASH: 'cheap', NODE_TEST_CONTEXT: 'child-v8' }),
    { code: 'CONFIG_ERROR' },
  );
});

test('MOKUHYO_SHUTDOWN_GRACE_MS: 10 s by default, whole milliseconds up to five minutes, else refused', () => {
  assert.equal(shutdownGraceMsFrom({}), 10_000);
  assert.equal(shutdownGraceMsFrom({ MOKUHYO_SHUTDOWN_GRACE_MS: ' 2000 ' }), 2000);
  assert.equal(shutdownGraceMsFrom({ MOKUHYO_SHUTDOWN_GRACE_MS: '0' }), 0);
  for (const bad of ['-1', '2.5', '10s', '300001']) {
    assert.throws(
      () => shutdownGraceMsFrom({ MOKUHYO_SHUTDOWN_GRACE_MS: bad }),
      { code: 'CONFIG_ERROR' },
      bad,
    );
  }
});
