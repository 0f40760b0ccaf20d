import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../errors.ts';
import { chromiumMissingError, isChromiumMissing } from './chromium-check.ts';

test('a missing Chromium is a configuration error that says how to install it', () => {
  const error = chromiumMissingError();
  assert.equal(error.code, 'CONFIG_ERROR');
  assert.match(error.message, /apt-get install -y chromium fonts-noto-cjk fonts-morisawa-bizud-gothic/);
  assert.match(error.message, /\/print/);
  assert.ok(isChromiumMissing(error));
  assert.ok(!isChromiumMissing(new AppError('CONFIG_ERROR', 'DATABASE_URL is invalid')));
  assert.ok(!isChromiumMissing(new Error('Chromium crashed')));
});
