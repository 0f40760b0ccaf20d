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
  for (const [pattern, text] of RULES) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}
