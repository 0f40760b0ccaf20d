/**
 * The table rebuilt from positions, on pages made by hand: stream order shuffled, fonts switching
 * mid-line, wrapped lines, a cell and a goal running onto the next page with its 番号 printed
 * again, page furniture, Kangxi radicals.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors.ts';
import type { PageContent, Rule, Run } from './extract.ts';
import { foldIdeographs } from './fold.ts';
import { readHeadLine } from './furniture.ts';
import { makeLine } from './lines.ts';
import { readPages } from './read-pdf.ts';

const SIZE = 8;
const X = [20, 50, 250, 400, 600, 750];

/** Runs of `text` starting at x, one per part (each part a different font), glyphs one em wide. */
function runs(parts: string[], x: number, y: number, letterSpacing = 0): Run[] {
  const out: Run[] = [];
  let at = x;
  parts.forEach((text, i) => {
    const width = [...text].length * (SIZE + letterSpacing);
    out.push({ text, x: at, y, width: [...text].length * SIZE, size: SIZE, font: `f${i % 3}` });
    at += width;
  });
  return out;
}
const inCol = (col: number, y: number, ...parts: string[]) => runs(parts, (X[col] ?? 0) + 3, y);

const v = (x: number, from: number, to: number): Rule => ({ dir: 'v', at: x, from, to });
const h = (y: number): Rule => ({ dir: 'h', at: y, from: X[0] ?? 0, to: X[5] ?? 0 });

/** Heading row 520–500 (block headings span two columns), labels 500–480; body rows below. */
function tableRules(rowEdges: number[], titleRows: Array<[number, number]>): Rule[] {
  const bottom = rowEdges.at(-1) ?? 0;
  const rules: Rule[] = [h(520), h(500), h(480), ...rowEdges.map(h)];
  for (const x of [X[0], X[1], X[3], X[5]]) rules.push(v(x ?? 0, bottom, 520));
  for (const x of [X[2], X[4]]) {
    // Not across the heading row nor across title rows: those cells span item and notes.
    const gaps: Array<[number, number]> = [[500, 520], ...titleRows];
    let top = 500;
    for (const [low, high] of gaps.slice(1).sort((a, b) => b[0] - a[0])) {
      rules.push(v(x ?? 0, high, top));
      top = low;
    }
    rules.push(v(x ?? 0, bottom, top));
  }
  return rules;
}

function heading(): Run[] {
  return [
    ...inCol(1, 506, '【令和5年度重点目標】'),
    ...inCol(3, 506, '【令和6年度重点目標】'),
    ...inCol(0, 486, '番号'),
    ...inCol(1, 486, '具体的な重点取組項目（箇条書き）'),
    ...inCol(2, 486, '達成状況・達成度'),
    ...inCol(3, 486, '具体的な重点取組項目（箇条書き）'),
    ...inCol(4, 486, '期限・数値目標等'),
  ];
}

function page(number: number, content: Run[], rules: Rule[]): PageContent {
  // Producers draw in their own order (merged cells first): the reader must not depend on it.
  return { number, width: 842, height: 595, runs: [...content].reverse(), rules, hasImages: false };
}

function pages(departmentOnPage2 = '総務部'): PageContent[] {
  const first = page(
    1,
    [
      ...runs(['（様式１）'], 20, 580),
      ...runs(['重', '点', '目', '標', '一', '覧', '表'], 300, 560, 4),
      ...runs(['担当部局名：', '総務部'], 500, 540),
      ...heading(),
      ...inCol(0, 466, '1'),
      ...inCol(1, 466, '重点目標 ', '⽬標タイトル'),
      ...inCol(3, 466, '重点目標 ', 'プラン⽬標'),
      ...inCol(1, 446, '①', '項目の'),
      ...inCol(1, 434, 'テキ', 'スト'),
      ...inCol(2, 446, '① 達成 ', '10件'),
      ...inCol(3, 446, '① 計画項目'),
      ...inCol(3, 434, '続きの'),
      ...inCol(4, 446, '① 目標 ', '20件以上'),
      ...runs(['※ この表は例です'], 20, 80),
      ...runs(['-', ' 1 ', '-'], 400, 40),
    ],
    tableRules([460, 100], [[460, 480]]),
  );
  const second = page(
    2,
    [
      ...runs([`担当部局名　${departmentOnPage2}`], 500, 540),
      ...heading(),
      ...inCol(0, 466, '1'),
      ...inCol(3, 466, '文字'),
      ...inCol(1, 446, '② 二つ目'),
      ...runs(['2 / 2'], 400, 40),
    ],
    tableRules([300], []),
  );
  return [first, second];
}

describe('the table from positions', () => {
  it('rebuilds goals, items and notes across a page break', () => {
    const doc = readPages(pages());
    assert.equal(doc.department, '総務部');
    assert.equal(doc.review.fiscalYear, 2023);
    assert.equal(doc.plan.fiscalYear, 2024);
    assert.deepEqual(
      doc.review.goals.map((g) => ({
        no: g.no,
        title: g.title,
        items: g.items.map(({ quantities: _, ...i }) => i),
      })),
      [
        {
          no: 1,
          title: '目標タイトル',
          items: [
            { no: 1, text: '項目のテキスト', achievement: '達成 10件' },
            { no: 2, text: '二つ目' },
          ],
        },
      ],
    );
    assert.deepEqual(
      doc.plan.goals.map((g) => ({
        no: g.no,
        title: g.title,
        items: g.items.map(({ quantities: _, ...i }) => i),
      })),
      [
        {
          no: 1,
          title: 'プラン目標',
          items: [{ no: 1, text: '計画項目続きの文字', target: '目標 20件以上' }],
        },
      ],
    );
    assert.deepEqual(doc.plan.goals[0]?.items[0]?.quantities, [
      { value: 20, unit: '件', comparator: '>=', text: '20件以上' },
    ]);
    assert.deepEqual(doc.warnings, []);
  });

  it('takes a title row at the foot of one page and its items on the next as one goal', () => {
    const first = page(
      1,
      [
        ...runs(['担当部局名 総務部'], 500, 540),
        ...heading(),
        ...inCol(0, 466, '1'),
        ...inCol(1, 466, '重点目標 前年の目標'),
        ...inCol(3, 466, '重点目標 今年の目標'),
      ],
      tableRules([460], [[460, 480]]),
    );
    const second = page(
      2,
      [
        ...heading(),
        ...inCol(1, 466, '① 前年の項目'),
        ...inCol(2, 466, '① 済'),
        ...inCol(3, 466, '① 今年の項目'),
        ...inCol(4, 466, '① 年度末まで'),
      ],
      tableRules([300], []),
    );
    const doc = readPages([first, second]);
    assert.deepEqual(
      doc.review.goals.map((g) => [g.no, g.title, g.items.map((i) => [i.no, i.text, i.achievement])]),
      [[1, '前年の目標', [[1, '前年の項目', '済']]]],
    );
    assert.deepEqual(
      doc.plan.goals.map((g) => [g.no, g.title, g.items.map((i) => [i.no, i.text, i.target])]),
      [[1, '今年の目標', [[1, '今年の項目', '年度末まで']]]],
    );
  });

  it('names the page of a repeated header that does not match', () => {
    assert.throws(
      () => readPages(pages('別部')),
      (error) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'PARSE_ERROR');
        assert.equal(error.location.page, 2);
        assert.equal(error.location.line, undefined);
        assert.match(error.message, /別部/);
        return true;
      },
    );
  });

  it('refuses a scan: images and no text but page furniture', () => {
    const scan: PageContent = { ...page(1, runs(['- 1 -'], 400, 40), []), hasImages: true };
    assert.throws(
      () => readPages([scan]),
      (error) => error instanceof AppError && error.code === 'NO_TEXT_LAYER',
    );
    const empty: PageContent = page(1, [], []);
    assert.throws(
      () => readPages([empty]),
      (error) => error instanceof AppError && error.code === 'NOT_A_DOCUMENT',
    );
  });
});

describe('page furniture and the form head', () => {
  const line = (text: string) => makeLine(runs([text], 100, 40));
  for (const text of ['1 / 3', '- 1 -', '－２－', '（様式１）', '様式第2号', '12']) {
    it(`drops ${text}`, () => assert.deepEqual(readHeadLine(line(text)), { kind: 'furniture' }));
  }
  it('keeps a bare number where it may be a row number (unruled tables)', () => {
    assert.equal(readHeadLine(line('3'), true), undefined);
    assert.deepEqual(readHeadLine(line('- 3 -'), true), { kind: 'furniture' });
  });
  it('reads a letter-spaced title', () => {
    assert.deepEqual(readHeadLine(makeLine(runs(['重', '点', '目', '標', '一', '覧', '表'], 100, 40, 6))), {
      kind: 'title',
    });
  });
  for (const text of ['担当部局名 総務部', '担当部局名　総務部', '担当部局名：総務部', '担当部局名:総務部']) {
    it(`reads the department in ${text}`, () =>
      assert.deepEqual(readHeadLine(line(text)), { kind: 'department', name: '総務部' }));
  }
  it('reads the department boxed apart from its label, and the 年度 beside it', () => {
    const boxed = makeLine([
      ...runs(['担当部局名'], 100, 40),
      ...runs(['総務部'], 160, 40),
      ...runs(['年度'], 260, 40),
      ...runs(['令和元年度（平成30年度実績）'], 300, 40),
    ]);
    assert.deepEqual(readHeadLine(boxed), {
      kind: 'department',
      name: '総務部',
      years: ['平成30年度', '令和元年度'],
    });
  });
  it('is not table content: an item line', () => {
    assert.equal(readHeadLine(line('① 研修会を2回開催')), undefined);
  });
});

describe('ideographs from a producer’s odd code points', () => {
  it('folds Kangxi radicals and compatibility ideographs, and nothing else', () => {
    assert.equal(foldIdeographs('⽬標⼀覧'), '目標一覧');
    assert.equal(foldIdeographs('\uf900\u2f08'), '\u8c48人');
    // Not NFKC: circled numbers, full-width brackets and digits, half-width kana stay as written.
    assert.equal(foldIdeographs('①（１）ｶﾅ㈱'), '①（１）ｶﾅ㈱');
  });
});
