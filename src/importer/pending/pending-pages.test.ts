import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pendingPageImages } from './pending-pages.ts';

const timeout = 240_000;

test('a file that is not a PDF has no page images', async () => {
  const images = await pendingPageImages({
    token: 'not-a-pdf-1',
    name: 'a.json',
    bytes: new TextEncoder().encode('{}'),
  });
  assert.deepEqual(images, { status: 'none' });
});

test('a PDF whose pages cannot be drawn: failed (the preview says so), never a thrown error', {
  timeout,
}, async () => {
  const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF\n%%EOF\n');
  const images = await pendingPageImages({ token: 'broken-pdf-1', name: 'broken.pdf', bytes });
  assert.deepEqual(images, { status: 'failed' });
});
