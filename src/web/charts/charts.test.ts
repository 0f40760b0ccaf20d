import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradeDistributionSvg } from './grade-chart.ts';
import { cspSafe } from './render-svg.ts';
import { trendSvg } from './trend-chart.ts';

const hostile = '<script>alert(1)</script>';

describe('server-rendered charts', () => {
  it('draws one bar per grade, labelled in Japanese, as an accessible SVG', () => {
    const svg = gradeDistributionSvg(
      [
        { label: '達成', count: 3 },
        { label: '概ね達成', count: 2 },
        { label: '未達成', count: 1 },
      ],
      '目標の評価の内訳: 達成 3件',
    );
    assert.match(svg, /^<svg role="img" aria-label="目標の評価の内訳: 達成 3件"/);
    assert.match(svg, /<title>目標の評価の内訳: 達成 3件<\/title>/);
    for (const label of ['達成', '概ね達成', '未達成']) assert.ok(svg.includes(`>${label}</text>`), label);
    assert.equal((svg.match(/ecmeta_ssr_type="chart"/g) ?? []).length, 3, 'three bars');
    assert.ok(svg.includes('BIZ UDPGothic'));
  });

  it('escapes data in labels and in the summary', () => {
    const svg = trendSvg(
      [
        { label: hostile, target: 10, actual: 8 },
        { label: '令和6年度', target: 12, actual: null },
      ],
      '"><img src=x>',
      `推移 ${hostile}`,
    );
    assert.ok(!svg.includes('<script'), 'no raw script element');
    assert.ok(!svg.includes('<img'), 'no raw img element');
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('leaves no inline style the CSP would block', () => {
    const svg = trendSvg([{ label: '令和5年度', target: 1, actual: 2 }], '人', '推移');
    assert.ok(!/ style="/.test(svg), 'no style attribute');
    assert.ok(!svg.includes('<style'), 'no style element');
    assert.match(svg, / font-family="&#39;BIZ UDPGothic&#39;, sans-serif"/);
  });

  it('turns style declarations into presentation attributes', () => {
    assert.equal(
      cspSafe('<text style="font-size:12px;font-weight:bold;">a</text><style>.x{}</style>'),
      '<text font-size="12px" font-weight="bold">a</text>',
    );
  });
});
