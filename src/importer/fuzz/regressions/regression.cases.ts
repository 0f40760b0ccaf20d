import type { ErrorCode } from '../../../errors.ts';
import { tablesOf } from '../../../exporters/xlsx/test-tables.ts';
import { writeWorkbook } from '../../../exporters/xlsx/write-workbook.ts';
import { makeDocument, makeGoal, makeItem } from '../../../test-support/factories.ts';
import type { Outcome } from '../fuzz.testkit.ts';
import { editPart, replacePart, unzip } from '../zip.testkit.ts';

/**
 * Every reader input of issue 13, kept as a regression case. Large inputs are generated here, never
 * committed. A case whose size matters has a small size that runs in every test run and the size the
 * issue reported, which runs where `fullReady` is true or MOKUHYO_REGRESSION_FULL=1 is set.
 *
 * All of them run at the sizes now that the text parsers are linear and workbooks are bounded
 * before they are expanded; a case may set fullReady false if its full size ever outgrows CI's budget.
 */
export interface RegressionCase {
  name: string;
  defect: number;
  file: string;
  build: (size: 'small' | 'full') => Uint8Array | Promise<Uint8Array>;
  expect: 'parses' | 'either' | { refused: ErrorCode };
  /** Only for a case whose size matters: whether the size runs in every test run yet. */
  fullReady?: boolean;
  /**
   * A fix made on another branch: the case runs as a node:test `todo` (reported, not failing) until the
   * lead merges that fix and deletes this field.
   */
  waitsFor?: string;
  /** Further checks on the outcome (what the fix promises). */
  check?: (outcome: Outcome) => void;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = '重点目標一覧表\n担当部局名 総務部\n【令和4年度重点目標】\n【令和5年度重点目標】\n';
const TITLES = '重点目標\t目標A\t\t重点目標\t目標B\t\n';

async function workbook(): Promise<Uint8Array> {
  return writeWorkbook(tablesOf(makeDocument({ department: '総務部' })));
}

const SHEET = 'xl/worksheets/sheet1.xml';

export const regressionCases: RegressionCase[] = [
  {
    name: 'department line followed by 【重点目標】 repeated on one line',
    defect: 3,
    file: 'heading-repeat.txt',
    build: (size) =>
      utf8(`重点目標一覧表\n担当部局名 x${'【重点目標】'.repeat(size === 'small' ? 2000 : 85_000)}\n`),
    expect: 'either',
    fullReady: true,
  },
  {
    name: '"1⇥" and "<p " repeated on one line',
    defect: 3,
    file: 'p-open.txt',
    build: (size) => utf8(`${HEADER}1\t${'<p '.repeat(size === 'small' ? 2000 : 40_000)}\n`),
    expect: 'either',
    fullReady: true,
  },
  {
    name: '<p>① x</p> repeated in one cell',
    defect: 3,
    file: 'p-cell.txt',
    build: (size) =>
      utf8(`${HEADER}${TITLES}1\t${'<p>① x</p>'.repeat(size === 'small' ? 1000 : 20_000)}\t\t\t\n`),
    expect: 'either',
    fullReady: true,
  },
  {
    name: 'continuation rows after one item',
    defect: 3,
    file: 'continuation.txt',
    build: (size) =>
      utf8(`${HEADER}${TITLES}1\t① a\t\t① b\t\n${'\tx\t\t\t\n'.repeat(size === 'small' ? 1000 : 20_000)}`),
    expect: 'either',
    fullReady: true,
  },
  {
    name: 'a workbook with one cell at XFD1000000',
    defect: 3,
    file: 'far-cell.xlsx',
    build: async (size) => {
      const row = size === 'small' ? 10_000 : 1_000_000;
      return editPart(await workbook(), SHEET, (xml) =>
        xml.replace('</sheetData>', `<row r="${row}"><c r="XFD${row}" t="s"><v>0</v></c></row></sheetData>`),
      );
    },
    expect: 'either',
    fullReady: true,
  },
  {
    name: 'a zip bomb: one shared string that expands a thousandfold',
    defect: 3,
    file: 'bomb.xlsx',
    build: async (size) => {
      const valid = await workbook();
      const strings = new TextDecoder().decode(unzip(valid).get('xl/sharedStrings.xml'));
      return replacePart(valid, 'xl/sharedStrings.xml', {
        prefix: strings.replace('</sst>', '<si><t>'),
        chunk: 'a'.repeat(1 << 20),
        times: size === 'small' ? 5 : 1500,
        suffix: '</t></si></sst>',
      });
    },
    expect: 'either',
    fullReady: true,
  },
  {
    name: 'a table of 391 goals × 6 items (the SQLite variable limit) reads',
    defect: 4,
    file: 'large.json',
    build: (size) => {
      const goals = Array.from({ length: size === 'small' ? 391 : 800 }, (_, g) =>
        makeGoal(
          g + 1,
          Array.from({ length: 6 }, (_, i) => makeItem(i + 1, { target: `説明会 ${i + 1}回以上` })),
        ),
      );
      return utf8(JSON.stringify(makeDocument({ plan: { fiscalYear: 2023, goals } })));
    },
    expect: 'parses',
    fullReady: true,
  },
  {
    name: 'a 309-digit number in a target is text, not a quantity',
    defect: 6,
    file: 'huge-number.txt',
    build: () => utf8(`${HEADER}${TITLES}1\t① a\t\t① b\t登録 ${'9'.repeat(309)}件以上\n`),
    expect: 'parses',
    check: (outcome) => {
      if (!('parsed' in outcome)) throw new Error('expected the text to parse');
      const item = outcome.parsed.documents[0]?.plan.goals[0]?.items[0];
      if (!item?.target?.includes('9'.repeat(309))) throw new Error('the number must stay in the text');
      if ((item.quantities ?? []).length !== 0) throw new Error('no quantity from a 309-digit number');
    },
  },
  {
    name: 'a JSON quantity of 1e400',
    defect: 6,
    file: 'infinite.json',
    build: () => utf8(JSON.stringify(makeDocument()).replace(/"value":10\b/, '"value":1e400')),
    expect: { refused: 'NOT_A_DOCUMENT' },
    check: (outcome) => {
      if (!('refused' in outcome) || !outcome.refused.location.field?.endsWith('quantities[0].value')) {
        throw new Error('the refusal must name the quantity field');
      }
    },
  },
  {
    name: 'a JSON quantity of null (what an export of Infinity wrote)',
    defect: 6,
    file: 'null-value.json',
    build: () => utf8(JSON.stringify(makeDocument()).replace(/"value":10\b/, '"value":null')),
    expect: { refused: 'NOT_A_DOCUMENT' },
  },
  ...[0.1, 0.37, 0.5, 0.73, 0.99].map(
    (fraction): RegressionCase => ({
      name: `a text cut at ${fraction * 100}% of its length`,
      defect: 8,
      file: 'truncated.txt',
      build: () => {
        const text = `${HEADER}${TITLES}1\t① 説明会\t① 12回開催\t① 説明会\t① 10回以上\n\t② 研修\t② 3回\t② 研修\t② 4回\n`;
        return utf8(text.slice(0, Math.round(text.length * fraction)));
      },
      expect: 'either',
    }),
  ),
  {
    name: 'a workbook cut short',
    defect: 8,
    file: 'truncated.xlsx',
    build: async () => {
      const valid = await workbook();
      return valid.slice(0, Math.floor(valid.length * 0.6));
    },
    expect: { refused: 'NOT_A_DOCUMENT' },
  },
  {
    name: 'a JSON syntax error names line and column',
    defect: 10,
    file: 'malformed.json',
    build: () => utf8('{\n  "department": "総務部",\n  "review": {"fiscalYear": 2022,, "goals": []}\n}'),
    expect: { refused: 'PARSE_ERROR' },
    check: (outcome) => {
      if (!('refused' in outcome)) throw new Error('expected a refusal');
      const { line, column } = outcome.refused.location;
      if (line !== 3 || column !== 33) throw new Error(`expected line 3 column 33, got ${line}:${column}`);
    },
  },
  {
    name: 'a JSON document cut short',
    defect: 10,
    file: 'cut.json',
    build: () => utf8(JSON.stringify(makeDocument(), null, 2).slice(0, 500)),
    expect: { refused: 'PARSE_ERROR' },
  },
  {
    name: 'one bad byte in a UTF-8 text',
    defect: 10,
    file: 'bad-byte.txt',
    build: () => {
      const bytes = utf8(`${HEADER}${TITLES}1\t① 説明会\t\t① 研修\t\n`);
      bytes[utf8(`${HEADER}${TITLES}1\t① 説`).length + 1] = 0xff;
      return bytes;
    },
    expect: { refused: 'PARSE_ERROR' },
    check: (outcome) => {
      if (!('refused' in outcome) || outcome.refused.location.line !== 6) {
        throw new Error('the refusal must name line 6, where the bad byte is');
      }
    },
  },
  {
    name: 'a shared-string index past the end (ExcelJS: reading richText of undefined)',
    defect: 10,
    file: 'rich-text.xlsx',
    build: async () =>
      editPart(await workbook(), SHEET, (xml) =>
        xml.replace(/<c r="C6"([^>]*) t="s"><v>\d+<\/v><\/c>/, '<c r="C6"$1 t="s"><v>999</v></c>'),
      ),
    expect: { refused: 'NOT_A_DOCUMENT' },
    check: (outcome) => {
      if (!('refused' in outcome) || outcome.refused.location.cell !== 'C6') {
        throw new Error('the refusal must name cell C6');
      }
    },
  },
  {
    name: 'a department whose 31st character is an apostrophe round-trips through Excel',
    defect: 5,
    file: 'apostrophe.xlsx',
    build: () => writeWorkbook(tablesOf(makeDocument({ department: `${'部'.repeat(30)}'課` }))),
    expect: 'parses',
    check: (outcome) => {
      if (!('parsed' in outcome) || outcome.parsed.documents[0]?.department !== `${'部'.repeat(30)}'課`) {
        throw new Error('the department name must come back as written');
      }
    },
  },
];
