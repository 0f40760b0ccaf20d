import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentDisposition } from './file-names.ts';

test('one Content-Disposition: Japanese name in RFC 8187 form, a quoted ASCII fallback that cannot break out', () => {
  const header = attachmentDisposition("みなと台市_健康(福祉)部'*.xlsx", 'a"b\\c名.xlsx');
  assert.match(header, /^attachment; filename="a_b_c_\.xlsx"; filename\*=UTF-8''/);
  const encoded = header.split("UTF-8''")[1] ?? '';
  assert.doesNotMatch(encoded, /['()*]/);
  assert.equal(decodeURIComponent(encoded), "みなと台市_健康(福祉)部'*.xlsx");
});
