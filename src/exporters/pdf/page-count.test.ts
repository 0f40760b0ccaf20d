import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countPdfPages } from './page-count.ts';

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF`);

test('counts page objects, not the page tree', () => {
  const body = [
    '1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>> endobj',
    '2 0 obj <</Type /Page /Parent 1 0 R>> endobj',
    '3 0 obj <</Type/Page/Parent 1 0 R>> endobj',
  ].join('\n');
  assert.equal(countPdfPages(pdf(body)), 2);
});

test('a PDF without pages has none', () => {
  assert.equal(countPdfPages(pdf('1 0 obj <</Type /Catalog>> endobj')), 0);
});
