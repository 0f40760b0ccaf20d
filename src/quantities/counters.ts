/**
 * The one place that says which words after a number make it a quantity (format.md "Quantities").
 *
 * Only listed counters are read: an unknown word after a number (`4階`, `12月`, `2年目`) makes the
 * number no quantity rather than a quantity with a guessed unit. Matching is longest-first, so a
 * longer entry shields a word that merely starts with a shorter counter (`3分野` is 分野, not 分;
 * `30品目` is 品目, not 品). Entries are written in half-width form because the text is width-folded
 * before matching (`％` → `%`, `ｋｍ` → `km`); `㎞` and `㎡` are separate characters and stay as written.
 *
 * Deliberately absent: 年 / 月 / 年度 / 期 / 次 / 号 / 階 / 番 / 時 (dates, ordinals, floors, clock
 * times), so `令和5年`, `12月まで`, `第4次`, `1階` are never quantities.
 */
const GROUPS: Record<string, readonly string[]> = {
  ratio: ['%', 'パーセント', 'ポイント', '倍', '割'],
  events: ['回', '件', '講座', 'コース', '教室', '会場'],
  people: ['名', '人', '人泊', '泊', '者', '世帯', '戸', '軒', '歳'],
  bodies: [
    ...['組織', '団体', '個人', '社', '企業', '事業', '事業所', '協議会', '部会', '課', '校', '校区', '園'],
    ...['施設', '館', '店', '店舗', 'チーム', 'グループ', '窓口'],
  ],
  places: [
    ...['か所', 'ヶ所', 'ケ所', 'カ所', 'ヵ所', '箇所', '個所', '地区', '地域', '集落', '地点'],
    ...['か国', 'ヶ国', 'カ国', 'ヵ国', '橋', '路線', '系統', '区画', '棟'],
  ],
  things: [
    ...['台', '品目', '品', '個', '点', '本', '冊', '部', '枚', '席', '通', '食', 'ページ', '匹', '頭'],
    ...['言語', '項目', '分野', '種類', '種', 'つ'],
  ],
  money: ['円'],
  measures: ['km', '㎞', 'm', 'm²', '㎡', 'km²', 'ha', 't', 'トン', 'kg', 'g', 'L'],
  durations: ['日', '日間', '週間', 'か月', 'ヶ月', 'ケ月', 'カ月', 'ヵ月', '年間', '時間', '分', '秒'],
};

/** Every counter, longest first so the first hit at a position is the longest match. */
export const COUNTERS: readonly string[] = [...new Set(Object.values(GROUPS).flat())].sort(
  (a, b) => b.length - a.length,
);

const ASCII_LETTER = /[A-Za-z]/;

/**
 * The counter that starts at `pos` in width-folded text, or undefined. A Latin unit must not run on
 * into more Latin letters, or `5min` would read as 5 m.
 */
export function matchCounter(folded: string, pos: number): string | undefined {
  for (const counter of COUNTERS) {
    if (!folded.startsWith(counter, pos)) continue;
    const next = folded.charAt(pos + counter.length);
    const last = counter.charAt(counter.length - 1);
    if (ASCII_LETTER.test(last) && ASCII_LETTER.test(next)) continue;
    return counter;
  }
  return undefined;
}
