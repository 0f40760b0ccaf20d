/**
 * Throughput of the text importer (decode + parse) on generated 一覧表 texts in the layouts of
 * the seed: tab rows and <p> rows, page breaks, units, continuations. Run with
 * `npx tsx bench/parse.bench.ts [documents]`; not part of the tests.
 */
import { formatFiscalYear } from '../src/domain/fiscal-year/wareki.ts';
import { toCircled } from '../src/domain/vocabulary/numbering.ts';
import { decodeInput } from '../src/importer/decode.ts';
import { parseIchiranText } from '../src/importer/text/parse-text.ts';

const documents = Number(process.argv[2] ?? 2000);

// Deterministic, so runs compare: mulberry32.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 59 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20240401);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;

const subjects = [
  '住民自治組織',
  '地域協議会',
  '移住定住',
  '子育て支援',
  '公共施設',
  '窓口サービス',
  '防災訓練',
  '観光振興',
];
const actions = [
  'の設立促進と活動への支援',
  'の機能向上',
  'の今後のあり方の検討',
  'の推進',
  'の充実',
  'の見直し',
];
const notes = [
  '年度末まで',
  '研修会を2回開催',
  '相談件数586件',
  '決算額51,465千円',
  '12組織に対し支援',
  '30回以上開催',
];

function sentence(): string {
  const parts = Array.from({ length: int(2, 5) }, () => `・ ${pick(subjects)}${pick(actions)}`);
  return `${pick(subjects)}${pick(actions)} ${parts.join(' ')}`;
}

interface Shape {
  items: number;
  title: string;
}

function header(department: string, review: number): string {
  const plan = formatFiscalYear(review + 1);
  return `重点目標一覧表\n\n担当部局名 ${department}\n\n【${formatFiscalYear(review)}重点目標】\n\n【${plan}重点目標】\n\n`;
}

function tabGoal(no: number, shape: Shape): string {
  const rows = [
    `重点目標\t${shape.title}\t\t重点目標\t${shape.title}\t`,
    '重点目標\t具体的な重点取組項目（箇条書き）\t達成状況・達成度\t重点目標\t具体的な重点取組項目（箇条書き）\t期限・数値目標等',
  ];
  for (let i = 1; i <= shape.items; i++) {
    const c = toCircled(i);
    rows.push(
      `${i === 1 ? no : ''}\t${c} ${sentence()}\t${c} ${pick(notes)} ${pick(notes)}\t${c} ${sentence()}\t${c} ${pick(notes)}\t`,
    );
    if (random() < 0.3)
      rows.push(`\t(2) ${sentence()}\t(2) ${pick(notes)}\t(2) ${sentence()}\t(2) ${pick(notes)}\t`);
  }
  return `${rows.join('\n')}\n`;
}

function pGoal(no: number, shape: Shape): string {
  const cell = (title: boolean, note: boolean): string => {
    const paragraphs = title ? [`<p>重点目標 ${shape.title}</p>`] : [];
    for (let i = 1; i <= shape.items; i++) {
      if (!note && random() < 0.2) paragraphs.push('<p>（豊殿地域自治センター）</p>');
      paragraphs.push(`<p>${toCircled(i)} ${note ? pick(notes) : sentence()}</p>`);
    }
    return paragraphs.join(' ');
  };
  return `${no}\t${cell(true, false)}\t${cell(false, true)}\t${cell(true, false)}\t${cell(false, true)}\n`;
}

function generate(index: number): { text: string; goals: number } {
  const department = `みどり町${pick(subjects)}課第${index}係`;
  const review = int(2015, 2030);
  const goals = int(8, 14);
  let text = header(department, review);
  for (let no = 1; no <= goals; no++) {
    const shape = { items: int(3, 7), title: `${pick(subjects)}${pick(actions)}` };
    if (no > 1 && no % 4 === 1) text += `\n${header(department, review)}`;
    text += index % 2 === 0 || no <= goals / 2 ? tabGoal(no, shape) : pGoal(no, shape);
  }
  return { text, goals };
}

const encoder = new TextEncoder();
const inputs = Array.from({ length: documents }, (_, i) => {
  const { text, goals } = generate(i);
  return { bytes: encoder.encode(text), goals };
});
const totalBytes = inputs.reduce((sum, input) => sum + input.bytes.byteLength, 0);

// Warm-up so the JIT has seen every path before the clock runs.
for (const input of inputs.slice(0, 50)) parseIchiranText(decodeInput(input.bytes));

const start = process.hrtime.bigint();
let goalsParsed = 0;
for (const input of inputs) {
  const doc = parseIchiranText(decodeInput(input.bytes));
  if (doc.review.goals.length !== input.goals || doc.plan.goals.length !== input.goals) {
    throw new Error(`generated document lost goals: ${doc.review.goals.length} of ${input.goals}`);
  }
  goalsParsed += doc.review.goals.length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const megabytes = totalBytes / 1024 / 1024;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

console.log(`documents:  ${documents} (${goalsParsed} goal rows, ${megabytes.toFixed(1)} MB of UTF-8)`);
console.log(`time:       ${seconds.toFixed(2)} s (decode + parse)`);
console.log(
  `throughput: ${(documents / seconds).toFixed(0)} documents/s, ${(megabytes / seconds).toFixed(1)} MB/s`,
);
console.log(`peak RSS:   ${peakRssMb.toFixed(0)} MB`);
