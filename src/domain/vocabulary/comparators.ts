/**
 * The words for a quantity's comparator (format.md: `>=` 以上 and 〜を目指す, `<=` 以下, `>` 超, `<` 未満,
 * otherwise `=`). One list for the editor, the pages and open data, whose CSV publishes these words.
 */
export const comparatorLabels = {
  '>=': '以上',
  '<=': '以下',
  '>': '超',
  '<': '未満',
  '=': '等しい',
} as const;

export type ComparatorCode = keyof typeof comparatorLabels;
