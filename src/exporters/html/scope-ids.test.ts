import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scopeIds } from './scope-ids.ts';

describe('scopeIds', () => {
  it('prefixes ids and every token of headers and aria references', () => {
    const html = '<th id="th-no"></th><td headers="th-plan th-row-1"></td><section aria-labelledby="cap">';
    assert.equal(
      scopeIds(html, 'd2-'),
      '<th id="d2-th-no"></th><td headers="d2-th-plan d2-th-row-1"></td><section aria-labelledby="d2-cap">',
    );
  });

  it('leaves data-* attributes, other attributes and escaped text alone', () => {
    const html = '<p data-id="x" class="id">id=&quot;th-no&quot; headers=&quot;a&quot;</p><a href="/m/x">';
    assert.equal(scopeIds(html, 'd1-'), html);
  });

  it('rewrites in-document links to the scoped ids', () => {
    assert.equal(scopeIds('<a href="#top">', 'd3-'), '<a href="#d3-top">');
  });
});
