/**
 * The importer's warnings are stored in English, as the interchange JSON defines them; pages show
 * them in Japanese. A message no rule knows is shown as written.
 */
const NOTE: Record<string, string> = { target: '期限・数値目標等', achievement: '達成状況・達成度' };
const ITEMS: Record<string, string> = {
  'plan item': '取組項目（今年度）',
  'review item': '取組項目（前年度）',
};
const SIDE: Record<string, string> = { plan: '今年度', review: '前年度' };
const label = (key: string | undefined) => NOTE[key ?? ''] ?? ITEMS[key ?? ''] ?? key ?? '';
const timesJa = (times: string | undefined) =>
  times === 'twice' ? '2' : (times ?? '').replace(' times', '');

const FIELD: Record<string, string> = {
  text: '取組項目',
  target: '期限・数値目標等',
  achievement: '達成状況・達成度',
  note: '備考',
  unit: '担当課',
};
/** `plan goal 1 item 3 target`, `review goal 2 title`, `plan block` → where in the table, in Japanese. */
function placeJa(at: string): string {
  const m = /^(plan|review)(?: goal (\d+)(?: (title)| item (\S+) (\w+))?)?(?: block)?$/.exec(at);
  if (!m) return at;
  const side = SIDE[m[1] ?? ''] ?? '';
  if (m[2] === undefined) return side;
  if (m[3]) return `${side} 重点目標${m[2]}の目標名`;
  if (m[4] === undefined) return `${side} 重点目標${m[2]}`;
  return `${side} 重点目標${m[2]} 取組項目${m[4]}の${FIELD[m[5] ?? ''] ?? m[5]}`;
}

const CUT_JA = 'ファイルが途中で切れていないか確かめ、元のファイル全体を取り込み直してください';

const RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^goal numbering jumps from (\d+) to (\d+)$/, (m) => `重点目標の番号が${m[1]}から${m[2]}に飛んでいます`],
  [
    /^goal (\d+): (target|achievement) without numbering attached to item (\S+)$/,
    (m) => `重点目標${m[1]}：番号のない${label(m[2])}を取組項目${m[3]}のものとしました`,
  ],
  [
    /^goal (\d+): (target|achievement) without numbering has no matching item$/,
    (m) => `重点目標${m[1]}：番号のない${label(m[2])}に対応する取組項目がありません`,
  ],
  [
    /^goal (\d+): (target|achievement|plan item|review item) numbering (\S+) appears (twice|\d+ times)$/,
    (m) => `重点目標${m[1]}：${label(m[2])}の番号${m[3]}が${timesJa(m[4])}回出てきます`,
  ],
  [
    /^goal (\d+): (target|achievement) (\S+) has no matching item$/,
    (m) => `重点目標${m[1]}：${label(m[2])}の${m[3]}に対応する取組項目がありません`,
  ],
  [
    /^goal (\d+): (plan|review) title is missing$/,
    (m) => `重点目標${m[1]}：${SIDE[m[2] ?? '']}の目標名がありません`,
  ],
  [/^no goals found in the table$/, () => '表に重点目標が見つかりませんでした'],
  [
    /^skipped: the page holds no part of the table/,
    () => 'このページには表がないため読み飛ばしました（表紙・記入要領など）',
  ],
  [
    /^read by OCR from page images/,
    () =>
      'スキャン画像から文字認識（OCR）で読み取りました。文字の読み違いがあり得るため作成中（下書き）として保存します。提出の前に、すべての欄を原本と照らしてください',
  ],
  [
    /^OCR unsure \((\d+)%\) at (.+?): 「([\s\S]*)」: compare it with the paper$/,
    (m) => `文字認識の確からしさ${m[1]}%：${placeJa(m[2] ?? '')}「${m[3]}」を原本と照らしてください`,
  ],
  [
    /^the text ends inside a paragraph on line (\d+) /,
    (m) => `${m[1]}行目で文書が段落（<p>）の途中で終わっています。${CUT_JA}`,
  ],
  [
    /^the text ends mid-row on line (\d+): (\d+) of the (\d+) columns/,
    (m) => `${m[1]}行目で文書が表の行の途中で終わっています（${m[3]}列のうち${m[2]}列目まで）。${CUT_JA}`,
  ],
  [
    /^goal (\d+): the text ends after the (plan|review) title on line (\d+)/,
    (m) =>
      `重点目標${m[1]}：${m[3]}行目の${SIDE[m[2] ?? '']}の目標名のあと、取組項目がないまま文書が終わっています。${CUT_JA}`,
  ],
];

export function warningText(message: string): string {
  // A PDF's warnings name their page first: `page 2: …`.
  const onPage = /^page (\d+): ([\s\S]*)$/.exec(message);
  if (onPage) return `${onPage[1]}ページ目: ${warningText(onPage[2] ?? '')}`;
  for (const [pattern, text] of RULES) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}
