import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

/** `$argon2id$v=19$m=…,t=…,p=…`: what a hash says about how it was made. */
const parametersOf = (hash: string) => hash.split('$').slice(0, 4).join('$');

test('the standard cost is argon2id at OWASP baseline, and such a hash verifies', async () => {
  const hash = await hashPassword('correct horse battery', 'standard');
  assert.equal(parametersOf(hash), '$argon2id$v=19$m=19456,t=2,p=1');
  assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
  assert.equal(await verifyPassword(hash, 'correct horse batterY'), false);
});

test('the dummy hash for unknown logins is made as production accounts’ hashes are (same timing)', async () => {
  assert.equal(parametersOf(DUMMY_HASH), parametersOf(await hashPassword('any password at all', 'standard')));
  assert.equal(await verifyPassword(DUMMY_HASH, 'any password at all'), false);
});

test('a hash of either cost verifies wherever it is read; a short password or a broken hash is refused', async () => {
  const cheap = await hashPassword('twelve chars!', 'test');
  assert.equal(parametersOf(cheap), '$argon2id$v=19$m=1024,t=1,p=1');
  assert.equal(await verifyPassword(cheap, 'twelve chars!'), true);
  await assert.rejects(hashPassword('short'), { code: 'INVALID_INPUT' });
  assert.equal(await verifyPassword('not a hash', 'twelve chars!'), false);
});
